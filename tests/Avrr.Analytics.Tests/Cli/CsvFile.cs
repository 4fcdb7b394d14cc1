using System.Text;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// An output CSV read back by a small RFC 4180 parser written for the tests (independent of the
/// engine's CsvHelper): the header, the records as raw field text (quotes removed, escapes undone).
/// </summary>
internal sealed class CsvFile
{
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string[]> Rows { get; }
    /// <summary>Whether each field of each row was quoted in the file.</summary>
    public IReadOnlyList<bool[]> Quoted { get; }

    private CsvFile(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, IReadOnlyList<bool[]> quoted)
    {
        Header = header;
        Rows = rows;
        Quoted = quoted;
    }

    public int Index(string column)
    {
        var i = Header.ToList().IndexOf(column);
        Assert.True(i >= 0, $"no column '{column}' in {string.Join(",", Header)}");
        return i;
    }

    public IEnumerable<string> Column(string column)
    {
        var i = Index(column);
        return Rows.Select(r => r[i]);
    }

    public static CsvFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), $"{path} starts with a byte order mark");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var records = Parse(text, path);
        Assert.NotEmpty(records);
        var header = records[0].Fields;
        foreach (var (fields, _) in records.Skip(1))
            Assert.True(fields.Length == header.Length, $"{path}: a record has {fields.Length} fields, the header {header.Length}");
        return new CsvFile(header, records.Skip(1).Select(r => r.Fields).ToArray(), records.Skip(1).Select(r => r.Quoted).ToArray());
    }

    /// <summary>Records of RFC 4180 text with CRLF line ends (a bare LF outside quotes fails the test).</summary>
    private static List<(string[] Fields, bool[] Quoted)> Parse(string text, string path)
    {
        var records = new List<(string[], bool[])>();
        var fields = new List<string>();
        var quotedFields = new List<bool>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (field.Length == 0 && !quoted && c == '"' && (i == 0 || text[i - 1] is ',' or '\n'))
            {
                // A quoted field: up to the closing quote, "" is a quote.
                quoted = true;
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, $"{path}: a quoted field is not closed");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                Assert.True(i == text.Length || text[i] is ',' or '\r', $"{path}: text after a closing quote at {i}");
                continue;
            }
            if (c == ',')
            {
                fields.Add(field.ToString()); quotedFields.Add(quoted);
                field.Clear(); quoted = false; i++;
                continue;
            }
            if (c == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"{path}: a CR without LF at {i}");
                fields.Add(field.ToString()); quotedFields.Add(quoted);
                records.Add((fields.ToArray(), quotedFields.ToArray()));
                fields.Clear(); quotedFields.Clear(); field.Clear(); quoted = false;
                i += 2;
                continue;
            }
            Assert.True(c != '\n', $"{path}: a bare LF at {i} (records must end with CRLF)");
            Assert.True(c != '"', $"{path}: a quote inside an unquoted field at {i}");
            field.Append(c);
            i++;
        }
        Assert.True(fields.Count == 0 && field.Length == 0, $"{path}: the last record does not end with CRLF");
        return records;
    }
}
