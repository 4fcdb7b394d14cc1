namespace Avrr.Analytics.IO.Partials;

/// <summary>A group of rows of a partial's table, column by column in the table's order (nulls: null, NaN).</summary>
internal sealed class PartialRows
{
    private readonly object[] _columns;

    internal PartialRows(int count, object[] columns)
    {
        Count = count;
        _columns = columns;
    }

    public int Count { get; }

    public long? Whole(int column, int row) => ((long?[])_columns[column])[row];

    /// <summary>A whole number that must be there (an id, a count).</summary>
    public long Required(int column, int row) => Whole(column, row) ?? throw new InvalidDataException("a required whole number is empty");

    public double Number(int column, int row) => ((double[])_columns[column])[row];
    public string? Text(int column, int row) => ((string?[])_columns[column])[row];
    public DateOnly Date(int column, int row) => ((DateOnly?[])_columns[column])[row] ?? throw new InvalidDataException("a required date is empty");
}
