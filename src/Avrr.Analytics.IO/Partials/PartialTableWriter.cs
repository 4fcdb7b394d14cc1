using Avrr.Analytics.IO.Writing.Parquet;

namespace Avrr.Analytics.IO.Partials;

/// <summary>
/// Writes one table of a partial as a Parquet file, row by row: cells in the table's column order, then
/// <see cref="EndRow"/>. Numbers keep every bit; NaN and null are nulls.
/// </summary>
internal sealed class PartialTableWriter : IDisposable
{
    private readonly PartialTable _table;
    private readonly ParquetTable _parquet;

    public PartialTableWriter(string path, PartialTable table)
    {
        _table = table;
        _parquet = new ParquetTable(path, table.Columns.Select(c => new ParquetField(c.Name, c.Kind)).ToArray());
    }

    public long Rows { get; private set; }

    public PartialTableWriter Whole(int column, long? value)
    {
        Check(column, ParquetKind.Int64);
        _parquet.Int64(column, value);
        return this;
    }

    public PartialTableWriter Number(int column, double value)
    {
        Check(column, ParquetKind.Number);
        _parquet.Number(column, value);
        return this;
    }

    public PartialTableWriter Text(int column, string? value)
    {
        Check(column, ParquetKind.Text);
        _parquet.Text(column, value);
        return this;
    }

    public PartialTableWriter Date(int column, DateOnly value)
    {
        Check(column, ParquetKind.Date);
        _parquet.Date(column, value);
        return this;
    }

    public void EndRow()
    {
        _parquet.EndRow();
        Rows++;
    }

    private void Check(int column, ParquetKind kind)
    {
        if (_table.Columns[column].Kind != kind) throw new InvalidOperationException($"{_table.Name}.{_table.Columns[column].Name} is not a {kind} column.");
    }

    public void Dispose() => _parquet.Dispose();
}
