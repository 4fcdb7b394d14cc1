using Avrr.Analytics.Wording;
using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Tests.Reading;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>Progress on long work (issue 12 §15): the share of the inputs' bytes read and the time left, on standard error.</summary>
public sealed class ProgressTests
{
    private sealed class Recorder : IRunObserver
    {
        public readonly List<(string Stage, double Fraction)> Seen = [];
        private string _stage = "";
        public void Stage(string name) => _stage = name;
        public void Rows(long total, double fraction) => Seen.Add((_stage, fraction));
        public void Note(string message) { }
    }

    [Fact]
    public void Each_pass_reports_the_share_of_bytes_read_rising_to_the_whole_file()
    {
        var recorder = new Recorder();
        EvaluationRun.Execute(FixtureRuns.Settings(Samples.Large).TablesOnly() with { Threads = 2 }, recorder);
        foreach (var stage in new[] { "finding duplicate surveys", "scoring" })
        {
            var fractions = recorder.Seen.Where(s => s.Stage == stage).Select(s => s.Fraction).ToArray();
            Assert.True(fractions.Length >= 2, $"{stage}: {fractions.Length} reports");
            Assert.True(fractions.Zip(fractions.Skip(1)).All(p => p.Second >= p.First), $"{stage}: the share went down");
            Assert.Equal(1.0, fractions[^1], 2);
            Assert.True(fractions[0] < 0.9, $"{stage}: the first report is already {fractions[0]}");
        }
    }

    [Theory]
    [InlineData(0.25, 3.0, "scoring: 25% (1,000 rows, about 9 s left)")]
    [InlineData(0.01, 1.0, "scoring: 1% (1,000 rows, about ? left)")]
    public void A_progress_line_gives_the_percentage_rows_and_time_left(double fraction, double seconds, string line)
    {
        Assert.Equal(line, RunProgress.Line(Words.English, "scoring", 1000, fraction, TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void In_french_the_line_and_its_numbers_are_french()
    {
        Assert.Equal("notation : 50 % (5 000 lignes, encore 2 s environ)", RunProgress.Line(Words.French, "scoring", 5000, 0.5, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Progress_goes_to_its_own_console_and_the_summary_to_the_other()
    {
        var (call, progress) = Avrr.RunWithProgress("run", Samples.Clean, "--out", Path.Combine(TestFiles.TempFolder(), "r"));
        Assert.Equal(0, call.ExitCode);
        Assert.Contains("avrr: ", progress);
        Assert.Contains("checking inputs", progress);
        Assert.DoesNotContain("avrr: ", call.Output);
        Assert.Contains("rows read", call.Output);
    }
}
