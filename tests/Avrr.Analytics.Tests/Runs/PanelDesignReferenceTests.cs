using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs;
using static Avrr.Analytics.Tests.Runs.RunnerDesignReferenceTests;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Panel change through the whole runner against R, in the four designs: <see cref="EvaluationRun.Execute"/> on
/// Reference/panel-fixture.csv (60 returnees, 45 with two or three surveys, movers between communities and
/// strata, changes missing for some measures, a stratum whose only panel PSU makes it lonely), and every row
/// of panel_change.csv at the levels all, country and country+community equals Reference/panel-design.R
/// (which scores the export itself, pairs first and last surveys and estimates with R's survey package) to
/// 1e-9: mean change, se, t intervals with each group's own df (the default) and with the paired design's
/// (--df design), normal intervals with --ci normal, returnees, PSUs and df exactly; and each change's test of 0 (p_value)
/// with its family (the groups of a level, for one measure), the family's size and the Benjamini–Hochberg adjusted
/// p-value of R's p.adjust to 1e-9, and significant as p_adjusted &lt; 0.05.
/// </summary>
public sealed class PanelDesignReferenceTests
{
    private static readonly string[] Levels = ["all", "country", "country+community"];

    public static TheoryData<string> Designs => new() { "weights", "clusters", "strata", "strata_clusters" };

    public static TheoryData<string, DegreesOfFreedomRule> DesignsAndRules => RunnerDesignReferenceTests.DesignsAndRules;

    private static OutputTable Run(string design, IntervalMethod ci, DegreesOfFreedomRule df = DegreesOfFreedomRule.Domain)
    {
        var folder = TestFiles.TempFolder();
        var results = Path.Combine(folder, "results");
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [TestFiles.Reference("panel-fixture.csv")],
            OutputFolder = results,
            ClusterColumn = design is "clusters" or "strata_clusters" ? "psu" : null,
            StrataColumn = design is "strata" or "strata_clusters" ? "stratum" : null,
            MinCell = 1,
            Ci = ci,
            Df = df,
            Formats = OutputFormats.Csv,
            Threads = 1,
        });
        Assert.Equal(120, result.RowsScored);
        Assert.Equal(0, result.RowsRejected);
        Assert.Equal(45, result.PanelReturnees);
        return OutputTable.Read(Path.Combine(results, "panel_change.csv"));
    }

    private static OutputTable.Cells Row(OutputTable panel, Dictionary<string, string> r) =>
        panel.Single(("level", r["level"]), ("country", r["country"]), ("community", r["community"]), ("quarter", ""), ("measure", r["measure"]));

    [Theory]
    [MemberData(nameof(DesignsAndRules))]
    public void Panel_change_of_a_run_equals_R_survey_with_t_intervals_to_1e9(string design, DegreesOfFreedomRule rule)
    {
        var panel = Run(design, IntervalMethod.StudentT, rule);
        var domain = rule == DegreesOfFreedomRule.Domain;
        var (df, low, high) = domain ? ("df_domain", "ci_low_domain", "ci_high_domain") : ("df", "ci_low_t", "ci_high_t");
        var expected = Expected("panel-design-expected.csv", design);
        Assert.Equal(4 * (1 + 3 + 7), expected.Count);
        Assert.Equal(expected.Count, panel.Rows.Count(r => Levels.Contains(r[panel.Column("level")])));

        var onePsu = 0;
        foreach (var r in expected)
        {
            var what = $"{design} {r["level"]} {r["country"]} {r["community"]} {r["measure"]}";
            var row = Row(panel, r);
            Assert.Equal("false", row["suppressed"]);
            Assert.True(r["returnees"] == row["returnees"], $"{what} returnees: R {r["returnees"]}, engine {row["returnees"]}");
            Assert.True(r["psus"] == row["psus"], $"{what} psus: R {r["psus"]}, engine {row["psus"]}");
            Assert.True(r[df] == row["df"], $"{what} df: R {r[df]}, engine {row["df"]}");
            Assert.True((r["family"], r["family_size"]) == (row["family"], row["family_size"]), $"{what} family: R {r["family"]} of {r["family_size"]}, engine {row["family"]} of {row["family_size"]}");
            AssertClose(r["mean_change"], row.Number("mean_change"), $"{what} mean_change");
            if (int.Parse(r["psus"], CultureInfo.InvariantCulture) < 2)
            {
                AssertClose(r["se"], 0, $"{what} R's se of a one-PSU group", 1e-12);
                Assert.Equal(("", "", ""), (row["se"], row["ci_low"], row["ci_high"]));
                Assert.Equal(("", "", "", ""), (row["p_value"], row["p_adjusted"], row["significant"], r["p_value"]));
                Assert.Equal(EstimateNotes.OnePsu, row["note"]);
                onePsu++;
                continue;
            }
            Assert.Equal("", row["note"]);
            AssertClose(r["se"], row.Number("se"), $"{what} se");
            AssertClose(r[low], row.Number("ci_low"), $"{what} ci_low (t)");
            AssertClose(r[high], row.Number("ci_high"), $"{what} ci_high (t)");
            if (!domain) continue;
            AssertClose(r["p_value"], row.Number("p_value"), $"{what} p_value");
            AssertClose(r["p_adjusted"], row.Number("p_adjusted"), $"{what} p_adjusted");
            Assert.True(r["significant"] == row["significant"], $"{what} significant: R {r["significant"]}, engine {row["significant"]}");
        }
        // Thiès (all in P03) and Kayes (all in P11) with clusters: 4 measures each (panel-design-notes.txt).
        Assert.Equal(design is "clusters" or "strata_clusters" ? 8 : 0, onePsu);
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Panel_change_normal_intervals_equal_R_confint_to_1e9(string design)
    {
        var panel = Run(design, IntervalMethod.Normal);
        foreach (var r in Expected("panel-design-expected.csv", design).Where(r => int.Parse(r["psus"], CultureInfo.InvariantCulture) >= 2))
        {
            var what = $"{design} {r["level"]} {r["country"]} {r["community"]} {r["measure"]}";
            var row = Row(panel, r);
            AssertClose(r["ci_low"], row.Number("ci_low"), $"{what} ci_low (normal)");
            AssertClose(r["ci_high"], row.Number("ci_high"), $"{what} ci_high (normal)");
        }
    }
}
