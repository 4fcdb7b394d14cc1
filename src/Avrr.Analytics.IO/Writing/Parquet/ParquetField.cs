namespace Avrr.Analytics.IO.Writing.Parquet;

/// <summary>What a Parquet column holds, and so its physical and logical type.</summary>
internal enum ParquetKind
{
    /// <summary>BYTE_ARRAY with the STRING logical type (UTF-8), optional.</summary>
    Text,
    /// <summary>DOUBLE, optional: NaN is written as null.</summary>
    Number,
    /// <summary>INT32 with the DATE logical type (days since 1970-01-01), required.</summary>
    Date,
    /// <summary>INT32, required.</summary>
    Int32,
    /// <summary>INT64, optional.</summary>
    Int64,
    /// <summary>BOOLEAN, required.</summary>
    Flag,
}

/// <param name="Unique">The values are (almost) all different, as returnee ids: written plain, without a dictionary that would only grow.</param>
internal sealed record ParquetField(string Name, ParquetKind Kind, bool Unique = false)
{
    public bool Optional => Kind is ParquetKind.Text or ParquetKind.Number or ParquetKind.Int64;

    /// <summary>Parquet's physical type: BOOLEAN 0, INT32 1, INT64 2, DOUBLE 5, BYTE_ARRAY 6.</summary>
    public int PhysicalType => Kind switch
    {
        ParquetKind.Flag => 0,
        ParquetKind.Date or ParquetKind.Int32 => 1,
        ParquetKind.Int64 => 2,
        ParquetKind.Number => 5,
        _ => 6,
    };
}
