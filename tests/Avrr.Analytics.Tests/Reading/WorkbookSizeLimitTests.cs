using System.IO.Compression;
using System.Text;
using Avrr.Analytics.IO.Reading;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// A workbook whose parts unpack to more than the documented limits (shared strings 100 MB, a sheet
/// 1 GB, any other part 50 MB, 2 GB in all) is refused before anything is unpacked, with a message that
/// names the part and says to save the sheet as CSV: a zip bomb of a few hundred kilobytes no longer
/// takes a gigabyte of memory. A real workbook is read as before.
/// </summary>
public sealed class WorkbookSizeLimitTests
{
    /// <summary>kobo-export-libreoffice-resaved.xlsx (which keeps its text in shared strings) with them grown past the limit by strings no cell uses.</summary>
    private static string Bomb()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "export.xlsx");
        using var source = ZipFile.OpenRead(TestFiles.Data("kobo-export-libreoffice-resaved.xlsx"));
        using var target = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            using var from = entry.Open();
            using var to = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
            if (!entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
            {
                from.CopyTo(to);
                continue;
            }
            var xml = new StreamReader(from, Encoding.UTF8).ReadToEnd();
            var end = xml.LastIndexOf("</sst>", StringComparison.Ordinal);
            var head = Encoding.UTF8.GetBytes(xml[..end]);
            to.Write(head);
            var padding = Encoding.UTF8.GetBytes("<si><t>" + new string('x', 1000) + "</t></si>");
            for (long written = 0; written < WorkbookSizeLimits.SharedStrings * 6 / 5; written += padding.Length) to.Write(padding);
            to.Write(Encoding.UTF8.GetBytes(xml[end..]));
        }
        return path;
    }

    [Fact]
    public void Shared_strings_that_unpack_past_the_limit_are_refused_before_they_are_unpacked()
    {
        var bomb = Bomb();
        Assert.True(new FileInfo(bomb).Length < 5_000_000, "the bomb is a small file");
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<InputRefusedException>(() => Avrr.Analytics.Runs.Planning.RunPlan.Create(FixtureRuns.Settings(bomb)));

        Assert.Equal(bomb, e.Path);
        Assert.Contains("the workbook is too large to read once uncompressed: its shared strings (the text of its cells) would unpack to 120 MB, more than the 100 MB", e.Problem, StringComparison.Ordinal);
        Assert.Contains("save the sheet as CSV", e.Problem, StringComparison.Ordinal);
        // Refused from the zip's directory: nowhere near the 100 MB of text was made.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 20_000_000, "the shared strings were unpacked");
    }

    [Fact]
    public void A_workbook_within_the_limits_is_read_as_before()
    {
        var run = FixtureRuns.Evaluate("kobo-export.xlsx");
        Assert.Equal(FixtureRuns.Evaluate("plain.csv").ScoresText, run.ScoresText);
    }
}
