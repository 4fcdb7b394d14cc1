using System.Text;

namespace Avrr.Analytics.Tests;

/// <summary>A small RFC 4180 reader for the CSV files the tests check (quoted fields, "" escapes, CRLF or LF line ends).</summary>
internal static class CsvRecords
{
    public static List<string[]> Read(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; fieldStarted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); fieldStarted = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    records.Add([.. fields]);
                    fields.Clear(); field.Clear(); fieldStarted = false;
                    break;
                default: field.Append(c); fieldStarted = true; break;
            }
        }
        if (fieldStarted || fields.Count > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return records;
    }

    /// <summary>The records as dictionaries keyed by the header's columns (the first record).</summary>
    public static List<Dictionary<string, string>> ReadTable(string path)
    {
        var records = Read(path);
        var header = records[0];
        return records.Skip(1).Select(r =>
        {
            Assert.Equal(header.Length, r.Length);
            return header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => r[p.i]);
        }).ToList();
    }
}
