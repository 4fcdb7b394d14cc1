namespace Avrr.Analytics.IO.Partials;

/// <summary>A table of a partial (docs/partials.md, "The tables"): its name (the file <c>NAME.parquet</c>, or a folder <c>NAME/</c> of Parquet parts) and its columns.</summary>
internal sealed record PartialTable(string Name, IReadOnlyList<PartialColumn> Columns)
{
    public string File => Name + ".parquet";

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i].Name == column) return i;
        throw new ArgumentException($"The table {Name} has no column {column}.", nameof(column));
    }
}
