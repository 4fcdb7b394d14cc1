namespace Avrr.Analytics.IO.Writing.Parquet;

/// <param name="Unique">The values are (almost) all different, as returnee ids: written plain, without a dictionary that would only grow.</param>
internal sealed record ParquetField(string Name, ParquetKind Kind, bool Unique = false)
{
    public bool Optional => Kind is ParquetKind.Text or ParquetKind.Number or ParquetKind.Int64 or ParquetKind.OptionalFlag;

    /// <summary>Parquet's physical type: BOOLEAN 0, INT32 1, INT64 2, DOUBLE 5, BYTE_ARRAY 6.</summary>
    public int PhysicalType => Kind switch
    {
        ParquetKind.Flag or ParquetKind.OptionalFlag => 0,
        ParquetKind.Date or ParquetKind.Int32 => 1,
        ParquetKind.Int64 => 2,
        ParquetKind.Number => 5,
        _ => 6,
    };
}
