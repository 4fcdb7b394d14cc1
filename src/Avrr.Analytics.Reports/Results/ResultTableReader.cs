using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Serialization;

namespace Avrr.Analytics.Reports.Results;

/// <summary>
/// Reads a table of a result folder from the file the run wrote: the CSV when there is one (the engine's
/// own dialect, docs/outputs.md), else the Parquet file. The CSV's spreadsheet guard is undone: a text
/// that starts like a formula was written with a leading apostrophe (<c>'=x</c>), and is read as
/// <c>=x</c>, as the Parquet file holds it.
/// </summary>
internal static class ResultTableReader
{
    /// <summary>The table <paramref name="name"/> of <paramref name="folder"/>, or null when the run wrote neither file.</summary>
    public static ResultTable? Read(string folder, string name)
    {
        var csv = Path.Combine(folder, name + ".csv");
        if (File.Exists(csv)) return ReadCsv(name, csv);
        var parquet = Path.Combine(folder, name + ".parquet");
        return File.Exists(parquet) ? ReadParquet(name, parquet) : null;
    }

    internal static ResultTable ReadCsv(string name, string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false));
        var records = Records(text).ToList();
        if (records.Count == 0) return new ResultTable(name, Path.GetFileName(path), [], []);
        return new ResultTable(name, Path.GetFileName(path), records[0].Select(c => c ?? "").ToArray(), records.Skip(1).ToArray());
    }

    /// <summary>RFC 4180 records: fields separated by ',', quoted with '"' (doubled inside), lines ended by CRLF or LF.</summary>
    private static IEnumerable<string?[]> Records(string text)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        while (i < text.Length)
        {
            var quoted = false;
            field.Clear();
            if (text[i] == '"')
            {
                quoted = true;
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
            }
            while (i < text.Length && text[i] is not (',' or '\r' or '\n')) field.Append(text[i++]);
            fields.Add(Unguard(field.ToString(), quoted));
            if (i < text.Length && text[i] == ',') { i++; if (i == text.Length) fields.Add(null); continue; }
            if (i < text.Length && text[i] == '\r') i++;
            if (i < text.Length && text[i] == '\n') i++;
            yield return fields.ToArray();
            fields.Clear();
        }
    }

    private static string? Unguard(string value, bool quoted)
    {
        if (value.Length == 0) return quoted ? "" : null;
        return value.Length >= 2 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
    }

    private static ResultTable ReadParquet(string name, string path)
    {
        using var stream = File.OpenRead(path);
        var data = ParquetSerializer.DeserializeUntypedAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }).GetAwaiter().GetResult();
        var columns = data.Schema.GetDataFields().Select(f => f.Name).ToArray();
        var rows = data.Data.Select(row => columns.Select(c => row.TryGetValue(c, out var v) ? Invariant(v) : null).ToArray()).ToArray();
        return new ResultTable(name, Path.GetFileName(path), columns, rows);
    }

    private static string? Invariant(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        ReadOnlyMemory<char> m => m.Length == 0 ? null : m.ToString(),
        double d => double.IsNaN(d) ? null : d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
