using System.Globalization;
using Avrr.Analytics.IO.Writing.Parquet;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// A small table of results written as CSV or Parquet in the dialect of every output (docs/outputs.md):
/// text (null or empty is an empty cell / a Parquet null), numbers in round-trip form (NaN is empty / null),
/// counts, and flags. For tables of a few hundred rows, such as those of the audit: each row is a list of cells.
/// </summary>
internal sealed class ResultTable(IReadOnlyList<ParquetField> columns)
{
    private readonly List<object?[]> _rows = [];

    public IReadOnlyList<ParquetField> Columns => columns;
    public int Count => _rows.Count;

    /// <summary>A row: per column a string (Text), a double (Number), a long or null (Int64), a bool (Flag).</summary>
    public void Add(params object?[] cells)
    {
        if (cells.Length != columns.Count) throw new ArgumentException($"A row of this table has {columns.Count} cells, not {cells.Length}.");
        _rows.Add(cells);
    }

    public void Write(string path, OutputFormats format)
    {
        if (format == OutputFormats.Csv) WriteCsv(path);
        else WriteParquet(path);
    }

    private void WriteCsv(string path)
    {
        using var csv = CsvOutput.Create(path);
        csv.WriteHeader(columns.Select(c => c.Name).ToArray());
        foreach (var row in _rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                // Numbers as numbers: the spreadsheet-safety apostrophe is for text only.
                switch (row[c])
                {
                    case double d when !double.IsNaN(d): csv.WriteField(d, "R", CultureInfo.InvariantCulture); break;
                    case long n: csv.WriteField(n, default, CultureInfo.InvariantCulture); break;
                    case int n: csv.WriteField(n, default, CultureInfo.InvariantCulture); break;
                    case bool b: csv.WriteField(b ? "true" : "false"); break;
                    case string s: csv.WriteField(s); break;
                    default: csv.WriteField(""); break;
                }
            }
            csv.EndRecord();
        }
    }

    private void WriteParquet(string path)
    {
        using var parquet = new ParquetTable(path, columns);
        foreach (var row in _rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                switch (columns[c].Kind)
                {
                    case ParquetKind.Text: parquet.Text(c, row[c] as string is { Length: > 0 } s ? s : null); break;
                    case ParquetKind.Number: parquet.Number(c, row[c] is double d ? d : double.NaN); break;
                    case ParquetKind.Int64: parquet.Int64(c, row[c] switch { long n => n, int n => n, _ => null }); break;
                    case ParquetKind.Flag: parquet.Flag(c, row[c] is true); break;
                    default: throw new InvalidOperationException($"A result table has no {columns[c].Kind} column.");
                }
            }
            parquet.EndRow();
        }
    }
}
