using System.Globalization;
using Avrr.Analytics.Insights.Drivers;

namespace Avrr.Analytics.Tests.Insights;

/// <summary>
/// The survey-weighted linear model against R's <c>survey::svyglm</c> (Reference/svyglm.R →
/// svyglm-expected.csv, Reference/svyglm-terms.R → svyglm-terms-expected.csv): weights only, clusters, and
/// strata with clusters (a lonely stratum, a PSU whose every survey lacks the social score).
/// </summary>
public sealed class SvyglmReferenceTests
{
    public static TheoryData<string> Designs => new() { "weights", "clusters", "strata_clusters" };

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static void Close(double expected, double actual, double relative, string what)
    {
        var tolerance = relative * Math.Max(Math.Abs(expected), 1e-3);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: R {expected:R}, engine {actual:R}");
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Coefficients_standard_errors_t_p_and_intervals_equal_R_svyglm_to_1e9(string design)
    {
        var fits = SvyglmFixture.Fit(design);
        var expected = CsvRecords.ReadTable(TestFiles.Reference("svyglm-expected.csv")).Where(r => r["design"] == design).ToList();
        Assert.Equal(4 * 12, expected.Count);
        foreach (var row in expected)
        {
            var fit = fits[Array.IndexOf(SvyglmFixture.Outcomes, row["outcome"])];
            var what = $"{design} {row["outcome"]} {row["term"]} {row["level"]}";
            var c = Assert.Single(fit.Coefficients, c => c.Term == row["term"] && c.Level == row["level"]);
            Assert.False(c.Aliased, what);
            Assert.Equal(int.Parse(row["df"], CultureInfo.InvariantCulture), fit.ResidualDf);
            Assert.Equal(long.Parse(row["n"], CultureInfo.InvariantCulture), fit.Rows);
            Close(Number(row["estimate"]), c.Estimate, 1e-9, what + " estimate");
            Close(Number(row["se"]), c.StandardError, 1e-9, what + " se");
            Close(Number(row["t"]), c.T, 1e-9, what + " t");
            // p-values as small as 1e-41: compared relative to themselves.
            var p = Number(row["p"]);
            Assert.True(Math.Abs(p - c.P) <= 1e-9 * p, $"{what} p: R {p:R}, engine {c.P:R}");
            Close(Number(row["ci_low"]), c.CiLow, 1e-9, what + " ci_low");
            Close(Number(row["ci_high"]), c.CiHigh, 1e-9, what + " ci_high");
        }
        Assert.All(fits, f => Assert.Equal(12, f.Coefficients.Count));
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Term_tests_equal_R_regTermTest_to_1e9(string design)
    {
        var fits = SvyglmFixture.Fit(design);
        var expected = CsvRecords.ReadTable(TestFiles.Reference("svyglm-terms-expected.csv")).Where(r => r["design"] == design).ToList();
        Assert.Equal(4 * 5, expected.Count);
        foreach (var row in expected)
        {
            var what = $"{design} {row["outcome"]} {row["term"]}";
            var test = Assert.Single(fits[Array.IndexOf(SvyglmFixture.Outcomes, row["outcome"])].Terms, t => t.Term == row["term"]);
            Assert.Equal(int.Parse(row["df"], CultureInfo.InvariantCulture), test.Df);
            Assert.Equal(int.Parse(row["ddf"], CultureInfo.InvariantCulture), test.Ddf);
            Close(Number(row["f"]), test.F, 1e-9, what + " F");
            var p = Number(row["p"]);
            Assert.True(Math.Abs(p - test.P) <= 1e-9 * p, $"{what} p: R {p:R}, engine {test.P:R}");
        }
    }

    [Fact]
    public void Without_clusters_the_per_cell_sums_give_the_standard_errors_of_one_PSU_per_survey()
    {
        var sums = SvyglmFixture.Fit("strata");
        var totals = SvyglmFixture.Fit("strata_rows_as_clusters");
        for (var o = 0; o < sums.Count; o++)
        {
            Assert.Equal(totals[o].ResidualDf, sums[o].ResidualDf);
            foreach (var (a, b) in sums[o].Coefficients.Zip(totals[o].Coefficients))
            {
                Assert.Equal(b.Estimate, a.Estimate, 1e-13);
                Assert.True(Math.Abs(a.StandardError / b.StandardError - 1) < 1e-10, $"{a.Term} {a.Level}: {a.StandardError} vs {b.StandardError}");
            }
        }
    }

    [Fact]
    public void The_reference_level_is_the_first_in_byte_order_so_a_capital_comes_first_and_an_accent_last()
    {
        var term = FactorTerm.Of("assistance_type", ["école", "cash", "training", "Business", "cash"]);
        Assert.Equal(["Business", "cash", "training", "école"], term.Levels);
        Assert.Equal("Business", term.Reference);
    }
}
