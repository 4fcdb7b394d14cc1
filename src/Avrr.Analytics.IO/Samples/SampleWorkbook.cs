using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Avrr.Analytics.IO.Samples;

/// <summary>
/// The sample as an XLSX workbook, written with SpreadCheetah: one sheet, the header, then each row with
/// numbers as number cells and survey dates as date cells (the way KoboToolbox's XLSX export types them);
/// anything else, the invalid values included, as text. No document properties (author, creation time),
/// so that the same seed gives the same bytes.
/// </summary>
internal static class SampleWorkbook
{
    public static void Write(string path, string[] header, IEnumerable<string[]> rows)
    {
        WriteAsync(path, header, rows).GetAwaiter().GetResult();
        // The zip's entries carry the time they were written: pinned, so that a seed always gives the same bytes.
        Writing.ZipTimestamps.Pin(path);
    }

    private static async Task WriteAsync(string path, string[] header, IEnumerable<string[]> rows)
    {
        await using var stream = File.Create(path);
        var options = new SpreadCheetahOptions { DocumentProperties = null, DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd") };
        await using var workbook = await Spreadsheet.CreateNewAsync(stream, options);
        await workbook.StartWorksheetAsync("survey");
        await workbook.AddRowAsync(header.Select(h => new DataCell(h)).ToArray());
        var dateColumn = Array.IndexOf(header, "survey_date");
        var cells = new DataCell[header.Length];
        foreach (var fields in rows)
        {
            for (var j = 0; j < fields.Length; j++) cells[j] = Cell(fields[j], j == dateColumn);
            await workbook.AddRowAsync(cells);
        }
        await workbook.FinishAsync();
    }

    private static DataCell Cell(string text, bool date)
    {
        if (date && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return new DataCell(day);
        // Only plain numbers become number cells: "1,25" or "n/a" stay text, as a CSV export would hold them.
        if (text.Length > 0 && text.Length < 16 && text.All(c => char.IsAsciiDigit(c) || c == '.')
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return new DataCell(number);
        return new DataCell(text);
    }
}
