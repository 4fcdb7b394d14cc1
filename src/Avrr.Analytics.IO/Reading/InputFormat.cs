namespace Avrr.Analytics.IO.Reading;

public enum InputFormat
{
    Csv,
    Xlsx,
    Parquet,
}
