using System.Globalization;
using System.IO.Compression;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// How large the parts of an XLSX workbook may be once uncompressed (docs/inputs.md, "Formats"). A
/// workbook is a zip of XML parts: a small file can hold gigabytes of XML (a "zip bomb": 1.1 MB that
/// unpack into 400 MB of shared strings took 1 GB of memory). The shared strings (the text of every
/// text cell, held in memory whole while a sheet is read) are the part that costs memory; a sheet is
/// read as a stream and costs time. The sizes are those the zip declares, which the unzipping enforces
/// (.NET stops a part at its declared size), so they are checked before anything is unpacked.
/// </summary>
internal static class WorkbookSizeLimits
{
    /// <summary>The shared strings, in bytes of XML (100 MB).</summary>
    public const long SharedStrings = 100_000_000;
    /// <summary>One sheet, in bytes of XML (1 GB).</summary>
    public const long Sheet = 1_000_000_000;
    /// <summary>Any other part (styles, the workbook's list of sheets, …), in bytes (50 MB).</summary>
    public const long OtherPart = 50_000_000;
    /// <summary>All parts together, in bytes (2 GB).</summary>
    public const long Total = 2_000_000_000;

    /// <summary>Refuses the workbook when a part, or all of them, would unpack to more than its limit.</summary>
    public static void Check(string path, Stream file)
    {
        var start = file.Position;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var (limit, what) =
                    name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase) ? (SharedStrings, "its shared strings (the text of its cells)")
                    : name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) ? (Sheet, $"the sheet {name}")
                    : (OtherPart, $"its part {name}");
                if (entry.Length > limit) throw TooLarge(path, what, entry.Length, limit);
                total += entry.Length;
                if (total > Total) throw TooLarge(path, "its parts together", total, Total);
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputRefusedException(path, $"the workbook cannot be read: {e.Message}");
        }
        finally
        {
            file.Position = start;
        }
    }

    private static InputRefusedException TooLarge(string path, string what, long size, long limit) =>
        new(path, string.Create(CultureInfo.InvariantCulture,
            $"the workbook is too large to read once uncompressed: {what} would unpack to {size / 1e6:N0} MB, more than the {limit / 1e6:N0} MB an XLSX input may hold; save the sheet as CSV (UTF-8) and give that instead"));
}
