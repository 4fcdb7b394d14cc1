using System.Security.Cryptography;

namespace Avrr.Analytics.Tests.Cli;

/// <summary><c>avrr sample</c>: a real XLSX workbook or a CSV file, the same rows either way, progress on its own console (issue 12 §15).</summary>
public sealed class SampleCommandTests
{
    [Fact]
    public void Sample_out_xlsx_writes_a_real_workbook_that_reads_as_the_same_surveys_as_the_csv()
    {
        var folder = TestFiles.TempFolder();
        var csv = Path.Combine(folder, "s.csv");
        var xlsx = Path.Combine(folder, "s.xlsx");
        Avrr.Expect(0, "sample", "--rows", "300", "--seed", "5", "--out", csv);
        Avrr.Expect(0, "sample", "--rows", "300", "--seed", "5", "--out", xlsx);
        Assert.True(File.ReadAllBytes(xlsx).AsSpan().StartsWith("PK\x03\x04"u8), "not a zip package");

        var fromCsv = Reading.FixtureRuns.Evaluate(csv);
        var fromXlsx = Reading.FixtureRuns.Evaluate(xlsx);
        Assert.Equal(fromCsv.ScoresText, fromXlsx.ScoresText);
        Assert.Contains("XLSX, sheet 'survey'", fromXlsx.Result.Inputs[0].Format);
    }

    [Fact]
    public void The_same_seed_gives_the_same_workbook_bytes()
    {
        var folder = TestFiles.TempFolder();
        var a = Path.Combine(folder, "a.xlsx");
        var b = Path.Combine(folder, "b.xlsx");
        Avrr.Expect(0, "sample", "--rows", "50", "--seed", "9", "--out", a);
        Avrr.Expect(0, "sample", "--rows", "50", "--seed", "9", "--out", b);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(a)), SHA256.HashData(File.ReadAllBytes(b)));
    }

    [Theory]
    [InlineData("s.parquet")]
    [InlineData("s.json")]
    [InlineData("sample")]
    public void Another_extension_is_refused_and_nothing_is_written(string name)
    {
        var path = Path.Combine(TestFiles.TempFolder(), name);
        var call = Avrr.Expect(2, "sample", "--rows", "10", "--out", path);
        Assert.Contains("a sample is written as .csv or .xlsx", call.Output);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Sample_shows_progress_on_its_own_console()
    {
        var (call, progress) = Avrr.RunWithProgress("sample", "--rows", "200", "--out", Path.Combine(TestFiles.TempFolder(), "p.csv"));
        Assert.Equal(0, call.ExitCode);
        Assert.Contains("avrr: writing the sample: 100% (200 rows", progress);
        Assert.DoesNotContain("avrr:", call.Output);
    }

    [Fact]
    public void A_row_count_too_large_for_a_number_gets_a_sentence()
    {
        var call = Avrr.Expect(2, "sample", "--rows", "99999999999", "--out", Path.Combine(TestFiles.TempFolder(), "x.csv"));
        Assert.Contains("--rows 99999999999: must be a whole number from 1 to 2,147,483,647", call.Output);
    }
}
