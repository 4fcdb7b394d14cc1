using System.Globalization;

namespace Avrr.Analytics.Reports.Results;

/// <summary>
/// One table of a result folder (aggregates, panel_change, comparisons, data_quality, …) as read back
/// from its CSV or Parquet file: the column names and every cell as the invariant text the CSV holds
/// (null for an empty cell or a missing column), so that a report and a workbook read what the run wrote
/// and nothing else. Columns are found by name: a table with more or fewer columns than this engine writes
/// (a later engine's <c>psus</c>, <c>df</c>, <c>note</c>) is read all the same.
/// </summary>
public sealed class ResultTable
{
    private readonly Dictionary<string, int> _index;
    private readonly string?[][] _rows;

    public ResultTable(string name, string file, IReadOnlyList<string> columns, string?[][] rows)
    {
        Name = name;
        File = file;
        Columns = columns;
        _rows = rows;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++) _index.TryAdd(columns[c], c);
    }

    /// <summary>The table's name: <c>aggregates</c>.</summary>
    public string Name { get; }
    /// <summary>The file it was read from: <c>aggregates.csv</c>.</summary>
    public string File { get; }
    public IReadOnlyList<string> Columns { get; }
    public int RowCount => _rows.Length;

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The cell's text, null when it is empty or the table has no such column.</summary>
    public string? Text(int row, string column) =>
        _index.TryGetValue(column, out var c) && c < _rows[row].Length && !string.IsNullOrEmpty(_rows[row][c]) ? _rows[row][c] : null;

    /// <summary>The cell as a number (round-trip invariant text), null when empty or missing.</summary>
    public double? Number(int row, string column) =>
        Text(row, column) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public long? Count(int row, string column) =>
        Text(row, column) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A flag column: true only when the cell says <c>true</c>.</summary>
    public bool Flag(int row, string column) => string.Equals(Text(row, column), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rows whose <paramref name="column"/> is <paramref name="value"/>, in file order.</summary>
    public IEnumerable<int> RowsWhere(string column, string value)
    {
        for (var r = 0; r < _rows.Length; r++)
            if (Text(r, column) == value) yield return r;
    }
}
