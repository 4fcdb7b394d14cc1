using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// The whole runner against R: <see cref="EvaluationRun.Execute"/> on Reference/runner-fixture.csv (an rss-15
/// export with a psu and a stratum column) with no design columns, --cluster psu, --strata stratum, and both;
/// every statistic of aggregates.csv for every level, group and measure equals Reference/runner-design.R and
/// Reference/runner-design-t.R (which score the export themselves and estimate with R's survey package) to 1e-9:
/// the t intervals with each estimate's own degrees of freedom (the default, R's degf of the group's subset, at least
/// 1) and with the design's (--df design), the normal ones with --ci normal, the PSU counts and df exactly; a group in
/// one PSU has no se and no interval, and says so.
/// </summary>
public sealed class RunnerDesignReferenceTests
{
    private static readonly string[] Statistics =
        ["weight_sum", "mean", "n_eff", "median", "p25", "p75", "share_low", "share_medium", "share_high"];

    public static TheoryData<string> Designs => new() { "weights", "clusters", "strata", "strata_clusters" };

    public static TheoryData<string, DegreesOfFreedomRule> DesignsAndRules => new()
    {
        { "weights", DegreesOfFreedomRule.Domain }, { "clusters", DegreesOfFreedomRule.Domain }, { "strata", DegreesOfFreedomRule.Domain },
        { "strata_clusters", DegreesOfFreedomRule.Domain }, { "weights", DegreesOfFreedomRule.Design }, { "clusters", DegreesOfFreedomRule.Design },
        { "strata", DegreesOfFreedomRule.Design }, { "strata_clusters", DegreesOfFreedomRule.Design },
    };

    private static OutputTable Run(string design, IntervalMethod ci, DegreesOfFreedomRule df = DegreesOfFreedomRule.Domain)
    {
        var folder = TestFiles.TempFolder();
        var results = Path.Combine(folder, "results");
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [TestFiles.Reference("runner-fixture.csv")],
            OutputFolder = results,
            ClusterColumn = design is "clusters" or "strata_clusters" ? "psu" : null,
            StrataColumn = design is "strata" or "strata_clusters" ? "stratum" : null,
            MinCell = 1,                     // compare every group, the one-survey community too
            Ci = ci,
            Df = df,
            Formats = OutputFormats.Csv,
            Threads = 1,
        });
        Assert.Equal(43, result.RowsScored);
        Assert.Equal(0, result.RowsRejected);
        return OutputTable.Read(Path.Combine(results, "aggregates.csv"));
    }

    /// <summary>The rows of an R reference file for a design, each as column → text.</summary>
    internal static List<Dictionary<string, string>> Expected(string file, string design)
    {
        var lines = File.ReadAllLines(TestFiles.Reference(file));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f[0] == design)
            .Select(f => header.Select((h, i) => (h, f[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
    }

    private static OutputTable.Cells Row(OutputTable aggregates, Dictionary<string, string> r) =>
        aggregates.Single(("level", r["level"]), ("country", r["country"]), ("community", r["community"]), ("measure", r["measure"]));

    internal static void AssertClose(string expected, double actual, string what, double tolerance = 1e-9)
    {
        var r = double.Parse(expected, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(r - actual) <= tolerance, $"{what}: R gives {r:R}, the engine {actual:R}");
    }

    [Theory]
    [MemberData(nameof(DesignsAndRules))]
    public void Aggregates_of_a_run_equal_R_survey_with_t_intervals_to_1e9(string design, DegreesOfFreedomRule rule)
    {
        var aggregates = Run(design, IntervalMethod.StudentT, rule);
        // The R columns of the rule: df_domain and its interval, or the design's df and its interval.
        var (df, low, high) = rule == DegreesOfFreedomRule.Domain ? ("df_domain", "ci_low_domain", "ci_high_domain") : ("df", "ci_low_t", "ci_high_t");
        var expected = Expected("runner-design-expected.csv", design);
        var t = Expected("runner-design-t-expected.csv", design);
        Assert.Equal(4 * (1 + 3 + 7), expected.Count);               // 4 measures × (all + 3 countries + 7 communities)
        Assert.Equal(expected.Count, t.Count);
        // Every line of aggregates.csv is one R row: nothing the engine estimates goes unchecked.
        Assert.Equal(expected.Count, aggregates.Rows.Count);

        var onePsu = 0;
        foreach (var (r, rt) in expected.Zip(t))
        {
            var what = $"{design} {r["level"]} {r["country"]} {r["community"]} {r["measure"]}";
            Assert.Equal((r["level"], r["country"], r["community"], r["measure"]), (rt["level"], rt["country"], rt["community"], rt["measure"]));
            var row = Row(aggregates, r);
            Assert.Equal("false", row["suppressed"]);
            Assert.True(r["n_rows"] == row["n_rows"], $"{what} n_rows: R {r["n_rows"]}, engine {row["n_rows"]}");
            Assert.True(r["n"] == row["n"], $"{what} n: R {r["n"]}, engine {row["n"]}");
            Assert.True(rt["psus"] == row["psus"], $"{what} psus: R {rt["psus"]}, engine {row["psus"]}");
            Assert.True(rt[df] == row["df"], $"{what} df: R {rt[df]}, engine {row["df"]}");
            foreach (var statistic in Statistics) AssertClose(r[statistic], row.Number(statistic), $"{what} {statistic}");
            if (int.Parse(rt["psus"], CultureInfo.InvariantCulture) < 2)
            {
                // R's se is 0 or noise there (runner-design-t-notes.txt): no design-based variance, so nothing is written.
                AssertClose(rt["se"], 0, $"{what} R's se of a one-PSU group", 1e-12);
                Assert.Equal(("", "", ""), (row["se"], row["ci_low"], row["ci_high"]));
                Assert.Equal(EstimateNotes.OnePsu, row["note"]);
                onePsu++;
                continue;
            }
            Assert.Equal("", row["note"]);
            AssertClose(rt["se"], row.Number("se"), $"{what} se");
            AssertClose(rt[low], row.Number("ci_low"), $"{what} ci_low (t)");
            AssertClose(rt[high], row.Number("ci_high"), $"{what} ci_high (t)");
        }
        // Kayes (one survey) in every design; with clusters each community in one PSU (all but Dakar): 4 measures each.
        Assert.Equal(design is "clusters" or "strata_clusters" ? 4 * 6 : 4, onePsu);
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Normal_intervals_of_a_run_equal_R_confint_to_1e9(string design)
    {
        var aggregates = Run(design, IntervalMethod.Normal);
        foreach (var (r, rt) in Expected("runner-design-expected.csv", design).Zip(Expected("runner-design-t-expected.csv", design)))
        {
            var what = $"{design} {r["level"]} {r["country"]} {r["community"]} {r["measure"]}";
            var row = Row(aggregates, r);
            if (int.Parse(rt["psus"], CultureInfo.InvariantCulture) < 2)
            {
                Assert.Equal(("", "", ""), (row["se"], row["ci_low"], row["ci_high"]));   // whatever the interval method
                continue;
            }
            AssertClose(r["se"], row.Number("se"), $"{what} se");
            AssertClose(r["ci_low"], row.Number("ci_low"), $"{what} ci_low (normal)");
            AssertClose(r["ci_high"], row.Number("ci_high"), $"{what} ci_high (normal)");
        }
    }
}
