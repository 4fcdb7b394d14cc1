namespace Avrr.Analytics.IO.Writing;

/// <summary>The formats the data tables of a result are written in.</summary>
[Flags]
public enum OutputFormats
{
    Csv = 1,
    Parquet = 2,
}
