using System.Diagnostics;
using Avrr.Analytics.IO.Partials;
using Avrr.Analytics.IO.Reading;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// Two Parquet files damaged by the merge's fuzz harness (issue 23; Data/partials/, kept as found): on the first the
/// Parquet library read a page past the end of the file forever, on the second it decoded the footer forever. As a
/// partial's table or as an export, each is now refused with a message, the first at once, the second after the time
/// limit of a read (10 s for a file of 49 KB), where the merge and the run used to hang.
/// </summary>
public sealed class DamagedParquetTests
{
    private static string Damaged(string name) => TestFiles.Data(Path.Combine("partials", name));

    /// <summary>What <paramref name="work"/> throws, within a bound: a read that does not end fails the test instead of stalling it.</summary>
    private static Exception Thrown(TimeSpan bound, Action work)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Run(work);
        Assert.True(Task.WhenAny(task, Task.Delay(bound)).GetAwaiter().GetResult() == task, $"still reading after {clock.Elapsed.TotalSeconds:N0} s: it hangs");
        return Assert.IsAssignableFrom<Exception>(task.Exception?.InnerException);
    }

    private static void ReadTable(string file, PartialTable table) =>
        PartialTableReader.Read(Path.GetDirectoryName(file)!, [Path.GetFileName(file)], table, _ => { });

    [Fact]
    public void A_page_that_goes_past_the_end_of_the_file_is_refused_at_once()
    {
        // The fixture was found before the pairs table gained its survey counts (n, issue 21): it is read as the table it was.
        var pairs = PartialTables.Pairs with { Columns = PartialTables.Pairs.Columns.Where(c => c.Name != "n").ToArray() };
        var e = Assert.IsType<InvalidDataException>(Thrown(TimeSpan.FromSeconds(8), () => ReadTable(Damaged("pairs-page-past-end.parquet"), pairs)));
        Assert.Contains("a page goes past the end of the file", e.Message);
    }

    [Fact]
    public void A_footer_the_library_decodes_forever_is_refused_after_the_time_limit_as_a_partials_table_and_as_an_export()
    {
        var file = Damaged("measures-footer-loops.parquet");
        var e = Assert.IsType<InvalidDataException>(Thrown(TimeSpan.FromSeconds(40), () => ReadTable(file, PartialTables.Measures())));
        Assert.Contains("is not a Parquet file that can be read (reading it did not end within 10 s)", e.Message);

        var export = Path.Combine(TestFiles.TempFolder(), "export.parquet");
        File.Copy(file, export);
        var refused = Assert.IsType<InputRefusedException>(Thrown(TimeSpan.FromSeconds(40), () => FixtureRuns.Validate(export)));
        Assert.Contains("the Parquet file cannot be read: reading it did not end within 10 s", refused.Problem);
    }
}
