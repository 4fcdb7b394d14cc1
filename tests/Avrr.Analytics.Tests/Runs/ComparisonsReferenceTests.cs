using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs;
using static Avrr.Analytics.Tests.Runs.RunnerDesignReferenceTests;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// comparisons.csv through the whole runner against R (Reference/comparisons.R, which scores the export itself and
/// takes every difference with svycontrast on svyratio with covmat = TRUE): vs_all, vs_parent, vs_previous_quarter
/// and weakest_dimension, for the composite and each dimension, in four designs, on Reference/panel-fixture.csv
/// (six quarters) and Reference/runner-fixture.csv (lonely strata). Every row R has, and no other: estimates,
/// SEs and t intervals to 1e-9 with each difference's own degrees of freedom (the default: the PSUs of either
/// side less their strata, at least 1, R's degf of that subset) and with the design's (--df design); psus, df, n and
/// n_reference exactly; the weakest and second-weakest dimension; the p-value (R's 2 * pt(-|t|, df)), the family,
/// its size and the Benjamini–Hochberg adjusted p-value (R's p.adjust within each family) to 1e-9, and significant
/// as p_adjusted &lt; 0.05, in a clustered and in a weights-only run alike; with --fdr none, p_adjusted is the
/// p-value and significant is p &lt; 0.05. Where a side lies in one PSU there is no SE (R's number ignores that
/// side's variance) and the note says which side.
/// </summary>
public sealed class ComparisonsReferenceTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "panel-fixture.csv", "weights" }, { "panel-fixture.csv", "clusters" }, { "panel-fixture.csv", "strata" }, { "panel-fixture.csv", "strata_clusters" },
        { "runner-fixture.csv", "weights" }, { "runner-fixture.csv", "clusters" }, { "runner-fixture.csv", "strata" }, { "runner-fixture.csv", "strata_clusters" },
    };

    private static string ExpectedFile(string fixture) => fixture == "panel-fixture.csv" ? "comparisons-expected.csv" : "comparisons-runner-expected.csv";

    private static OutputTable Run(string fixture, string design, IntervalMethod ci, DegreesOfFreedomRule df = DegreesOfFreedomRule.Domain,
        Analytics.Inference.MultipleTesting fdr = Analytics.Inference.MultipleTesting.BenjaminiHochberg)
    {
        var folder = TestFiles.TempFolder();
        var results = Path.Combine(folder, "results");
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [TestFiles.Reference(fixture)],
            OutputFolder = results,
            ClusterColumn = design is "clusters" or "strata_clusters" ? "psu" : null,
            StrataColumn = design is "strata" or "strata_clusters" ? "stratum" : null,
            MinCell = 1,
            Ci = ci,
            Df = df,
            Fdr = fdr,
            Formats = OutputFormats.Csv,
            Threads = 1,
        });
        Assert.Equal(0, result.RowsRejected);
        Assert.Contains("comparisons.csv", result.Files);
        return OutputTable.Read(Path.Combine(results, "comparisons.csv"));
    }

    private static OutputTable.Cells Row(OutputTable comparisons, Dictionary<string, string> r)
    {
        if (r["comparison"] == "weakest_dimension")
            return comparisons.Single(("level", r["level"]), ("country", r["country"]), ("comparison", r["comparison"]));
        // The quarter column is there only when the country+quarter level is written (the export spans several quarters).
        (string, string)[] key = [("level", r["level"]), ("country", r["country"]), ("community", r["community"]), ("measure", r["measure"]), ("comparison", r["comparison"])];
        if (comparisons.Header.Contains("quarter")) key = [.. key, ("quarter", r["quarter"])];
        else Assert.Equal("", r["quarter"]);
        return comparisons.Single(key);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Comparisons_of_a_run_equal_R_svycontrast_with_the_domain_df_and_BH_to_1e9(string fixture, string design) =>
        Compare(fixture, design, DegreesOfFreedomRule.Domain, Analytics.Inference.MultipleTesting.BenjaminiHochberg);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Comparisons_of_a_run_with_df_design_and_fdr_none_equal_R_svycontrast_to_1e9(string fixture, string design) =>
        Compare(fixture, design, DegreesOfFreedomRule.Design, Analytics.Inference.MultipleTesting.None);

    private static void Compare(string fixture, string design, DegreesOfFreedomRule rule, Analytics.Inference.MultipleTesting fdr)
    {
        var comparisons = Run(fixture, design, IntervalMethod.StudentT, rule, fdr);
        var domain = rule == DegreesOfFreedomRule.Domain;
        var (df, low, high) = domain ? ("df_domain", "ci_low_domain", "ci_high_domain") : ("df", "ci_low_t", "ci_high_t");
        var expected = Expected(ExpectedFile(fixture), design);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, comparisons.Rows.Count);      // nothing the engine writes goes unchecked

        var onePsu = 0;
        foreach (var r in expected)
        {
            var what = $"{fixture} {design} {r["level"]} {r["country"]} {r["community"]} {r["quarter"]} {r["measure"]} {r["comparison"]}";
            var row = Row(comparisons, r);
            Assert.Equal((r["measure"], r["reference"]), (row["measure"], row["reference"]));
            Assert.Equal("false", row["suppressed"]);
            Assert.True((r["psus_contrast"], r[df], r["n"], r["n_reference"]) == (row["psus"], row["df"], row["n"], row["n_reference"]),
                $"{what} psus, df, n, n_reference: R {r["psus_contrast"]} {r[df]} {r["n"]} {r["n_reference"]}, engine {row["psus"]} {row["df"]} {row["n"]} {row["n_reference"]}");
            Assert.True((r["family"], r["family_size"]) == (row["family"], row["family_size"]),
                $"{what} family: R {r["family"]} of {r["family_size"]}, engine {row["family"]} of {row["family_size"]}");
            AssertClose(r["estimate"], row.Number("estimate"), $"{what} estimate");
            int psus = int.Parse(r["psus"], CultureInfo.InvariantCulture), psusReference = int.Parse(r["psus_reference"], CultureInfo.InvariantCulture);
            if (psus < 2 || psusReference < 2)
            {
                Assert.Equal(("", "", "", ""), (row["se"], row["ci_low"], row["ci_high"], row["significant"]));
                Assert.Equal(("", "", ""), (row["p_value"], row["p_adjusted"], r["p_value"]));
                Assert.Equal(psus < 2 ? EstimateNotes.OnePsu : EstimateNotes.OnePsuInReference, row["note"]);
                onePsu++;
                continue;
            }
            Assert.Equal("", row["note"]);
            AssertClose(r["se"], row.Number("se"), $"{what} se");
            AssertClose(r[low], row.Number("ci_low"), $"{what} ci_low (t)");
            AssertClose(r[high], row.Number("ci_high"), $"{what} ci_high (t)");
            if (domain)
            {
                AssertClose(r["p_value"], row.Number("p_value"), $"{what} p_value");
                AssertClose(r["p_adjusted"], row.Number("p_adjusted"), $"{what} p_adjusted");
                Assert.True(r["significant"] == row["significant"], $"{what} significant: R {r["significant"]}, engine {row["significant"]}");
            }
            else
            {
                // --fdr none: each test on its own, p_adjusted = p; with the design's df, p < 0.05 exactly when its t interval excludes 0.
                Assert.Equal(row["p_value"], row["p_adjusted"]);
                var significant = double.Parse(r["ci_low_t"], CultureInfo.InvariantCulture) > 0 || double.Parse(r["ci_high_t"], CultureInfo.InvariantCulture) < 0;
                Assert.True((significant ? "true" : "false") == row["significant"], $"{what} significant");
            }
        }
        Assert.Equal(expected.Count(r => r["psus"] == "1" || r["psus_reference"] == "1"), onePsu);
    }

    [Theory]
    [InlineData("clusters")]
    [InlineData("strata")]
    public void Comparisons_with_normal_intervals_equal_R_confint(string design)
    {
        var comparisons = Run("panel-fixture.csv", design, IntervalMethod.Normal);
        foreach (var r in Expected("comparisons-expected.csv", design).Where(r => r["psus"] != "1" && r["psus_reference"] != "1"))
        {
            var row = Row(comparisons, r);
            var what = $"{design} {r["level"]} {r["country"]} {r["community"]} {r["quarter"]} {r["measure"]} {r["comparison"]}";
            AssertClose(r["ci_low"], row.Number("ci_low"), $"{what} ci_low (normal)");
            AssertClose(r["ci_high"], row.Number("ci_high"), $"{what} ci_high (normal)");
        }
    }
}
