using CsvHelper;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// The CSV dialect of every output (docs/outputs.md): UTF-8 without BOM, ',' separated, RFC 4180 quoting,
/// CRLF line ends, '.' decimals. Spreadsheet safety: a text cell that starts with = + - @, a tab or a
/// carriage return gets a leading apostrophe (and quotes), so Excel and LibreOffice show it as text
/// instead of running it as a formula; numbers are written as numbers and never touched.
/// </summary>
internal static class CsvOutput
{
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        Separator = ',',
        WriteByteOrderMark = false,
        Injection = CsvInjection.Escape,
        NewLine = "\r\n",
    };

    public static CsvWriter Create(string path) => CsvWriter.ToFile(path, Options);
}
