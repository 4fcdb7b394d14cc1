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
    /// <summary>BOOLEAN, optional (a flag that may be unknown).</summary>
    OptionalFlag,
}
