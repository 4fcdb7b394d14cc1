using static Avrr.Analytics.Tests.Scoring.ExtremeSchemeWeightTests;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>avrr scheme check</c> and <c>avrr run --scheme</c> read a scheme through the same checks: a scheme that check
/// refuses is refused by run with the same problem (nothing written), and one that check accepts runs.
/// </summary>
public sealed class SchemeCheckAndRunAgreementTests
{
    [Fact]
    public void Scheme_check_and_run_agree_on_weights_too_far_apart_and_on_weights_near_the_largest_double()
    {
        var folder = TestFiles.TempFolder();
        var path = Path.Combine(folder, "extreme.json");
        var root = Rss15With(1, 1, 1);
        root["dimensions"]![0]!["indicators"]![0]!["weight"] = 1e308;
        root["dimensions"]![0]!["indicators"]![1]!["weight"] = 1e-10;
        File.WriteAllText(path, root.ToJsonString());

        var check = Avrr.Expect(2, "scheme", "check", path);
        var run = Avrr.Expect(2, "run", Samples.Sample, "--scheme", path, "--out", Path.Combine(folder, "results"));
        const string problem = "dimension 'economic': the weights of its indicators range from 1E-10 to 1E+308";
        Assert.Contains(problem, check.Output);
        Assert.Contains(problem, run.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "results")));

        // And a scheme with every weight 1e308 passes both.
        File.WriteAllText(path, Rss15With(1e308, 1e308, 1e308).ToJsonString());
        Avrr.Expect(0, "scheme", "check", path);
        Avrr.Expect(0, "run", Samples.Sample, "--scheme", path, "--out", Path.Combine(folder, "results"), "--formats", "csv");
    }
}
