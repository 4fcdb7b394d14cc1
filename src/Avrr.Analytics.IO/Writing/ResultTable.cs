using System.Globalization;
using Avrr.Analytics.IO.Writing.Parquet;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// A small table of a result (the insights/ tables, docs/insights.md): columns with their Parquet types and
/// rows of cells, written as CSV and/or Parquet with the rules of every output (docs/outputs.md). A cell is
/// text (a string; null or "" is empty), a number (a double in round-trip form; NaN is empty, a null in
/// Parquet), a count (a long or an int, or null) or a flag (a bool).
/// </summary>
internal sealed class ResultTable(params ParquetField[] columns)
{
    private readonly List<object?[]> _rows = [];

    public IReadOnlyList<ParquetField> Columns { get; } = columns;

    public int RowCount => _rows.Count;

    public void Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count) throw new ArgumentException($"{cells.Length} cells for {Columns.Count} columns.", nameof(cells));
        _rows.Add(cells);
    }

    public static ParquetField Text(string name) => new(name, ParquetKind.Text);
    public static ParquetField Number(string name) => new(name, ParquetKind.Number);
    public static ParquetField Count(string name) => new(name, ParquetKind.Int64);
    public static ParquetField Flag(string name) => new(name, ParquetKind.Flag);

    public void Write(string path, OutputFormats format)
    {
        if (format == OutputFormats.Csv) WriteCsv(path);
        else WriteParquet(path);
    }

    private void WriteCsv(string path)
    {
        using var csv = CsvOutput.Create(path);
        csv.WriteHeader(Columns.Select(c => c.Name).ToArray());
        foreach (var row in _rows)
        {
            foreach (var cell in row)
            {
                // Numbers are written as numbers: the formula escape is for text only (docs/outputs.md).
                switch (cell)
                {
                    case double d when !double.IsNaN(d): csv.WriteField(d, "R", CultureInfo.InvariantCulture); break;
                    case long n: csv.WriteField(n, default, CultureInfo.InvariantCulture); break;
                    case int n: csv.WriteField((long)n, default, CultureInfo.InvariantCulture); break;
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
        using var parquet = new ParquetTable(path, Columns);
        foreach (var row in _rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                switch (Columns[c].Kind)
                {
                    case ParquetKind.Text: parquet.Text(c, row[c] is string s && s.Length > 0 ? s : null); break;
                    case ParquetKind.Int64: parquet.Int64(c, row[c] switch { long n => n, int n => n, _ => null }); break;
                    case ParquetKind.Flag: parquet.Flag(c, row[c] is true); break;
                    default: parquet.Number(c, row[c] is double d ? d : double.NaN); break;
                }
            }
            parquet.EndRow();
        }
    }
}
