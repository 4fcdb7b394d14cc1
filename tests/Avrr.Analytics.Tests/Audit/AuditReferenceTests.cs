namespace Avrr.Analytics.Tests.Audit;

/// <summary>
/// The audit against R, to 1e-9, on Reference/audit-fixture.csv run through the whole runner (AuditFixture):
/// psych::describe (type 3) for the indicator statistics, cor / cov.wt and weighted mid-ranks for the
/// correlations, psych::alpha and survey::svycralpha for alpha and alpha-if-dropped, prcomp(scale. = TRUE)
/// for the principal components (Reference/audit.R), and the derived and effective weights
/// (Reference/audit-extra.R). Counts exactly.
/// </summary>
public sealed class AuditReferenceTests
{
    private const double Tolerance = 1e-9;

    private static void Close(string expected, string actual, string what)
    {
        var (e, a) = (AuditFixture.Number(expected), AuditFixture.Number(actual));
        if (double.IsNaN(e)) { Assert.True(double.IsNaN(a), $"{what}: expected empty, got {actual}"); return; }
        Assert.True(Math.Abs(e - a) <= Tolerance, $"{what}: R {expected}, engine {actual}");
    }

    [Fact]
    public void The_fixture_scheme_scores_every_survey_as_the_fixture_does()
    {
        // returnee_scores.csv has 6 decimals: equal to rounding. (That the doubles are the same is what the correlations with the dimension and composite scores check.)
        var scores = CsvRecords.ReadTable(Path.Combine(AuditFixture.Run.Folder, "returnee_scores.csv"));
        Assert.Equal(400, scores.Count);
        foreach (var (row, fixture) in scores.Zip(AuditFixture.Run.Rows))
            foreach (var column in new[] { "economic_score", "social_score", "psychosocial_score", "composite_score" })
            {
                var (e, a) = (AuditFixture.Number(fixture[column]), AuditFixture.Number(row[column]));
                Assert.True(double.IsNaN(e) ? double.IsNaN(a) : Math.Abs(e - a) <= 5e-7, $"row {fixture["row_id"]} {column}: {fixture[column]} vs {row[column]}");
            }
    }

    [Fact]
    public void Indicator_statistics_equal_psych_describe_type_3_and_the_outlier_flag_overall_and_per_country()
    {
        var actual = AuditFixture.Run.Table("indicator_stats").ToDictionary(r => (r["indicator"], r["group"]));
        var expected = AuditFixture.Expected("indicator-stats-expected.csv");
        Assert.Equal(75, expected.Count);
        Assert.Equal(75, actual.Count);
        foreach (var e in expected)
        {
            var a = actual[(AuditFixture.Name(e["indicator"]), e["group"])];
            var what = $"{e["indicator"]} [{e["group"]}]";
            Assert.Equal(e["group"].Length == 0 ? "all" : "country", a["level"]);
            Assert.Equal(e["n"], a["n"]);
            Assert.Equal(e["outlier"], a["outlier_flag"]);
            foreach (var column in new[] { "missing_share", "mean", "sd", "min", "max", "skew", "kurtosis" })
                Close(e[column], a[column], $"{what} {column}");
        }
    }

    [Fact]
    public void Pearson_and_Spearman_correlations_unweighted_and_weighted_equal_R_for_every_pair_of_the_19_scores()
    {
        var actual = AuditFixture.Run.Table("correlations").ToDictionary(r => (r["a"], r["b"], r["method"], r["weighted"]));
        var expected = AuditFixture.Expected("correlations-expected.csv");
        Assert.Equal(684, expected.Count);
        Assert.Equal(684, actual.Count);
        foreach (var e in expected)
        {
            var key = (AuditFixture.Name(e["a"]), AuditFixture.Name(e["b"]), e["method"], e["weighted"]);
            Assert.True(actual.TryGetValue(key, out var a), $"no row {key}");
            Assert.Equal(e["n"], a["n"]);
            Close(e["r"], a["r"], key.ToString());
        }
    }

    [Fact]
    public void Alpha_raw_and_standardised_equal_psych_alpha_and_the_weighted_alpha_equals_svycralpha()
    {
        var actual = AuditFixture.Run.Table("reliability").ToDictionary(r => (r["scope"], r["weighted"]));
        var expected = AuditFixture.Expected("reliability-expected.csv");
        Assert.Equal(8, expected.Count);
        Assert.Equal(8, actual.Count);
        foreach (var e in expected)
        {
            var a = actual[(e["scope"], e["weighted"])];
            Assert.Equal(e["n"], a["n"]);
            Close(e["alpha_raw"], a["alpha_raw"], $"{e["scope"]} weighted={e["weighted"]} raw");
            Close(e["alpha_std"], a["alpha_std"], $"{e["scope"]} weighted={e["weighted"]} std");
        }
    }

    [Fact]
    public void Alpha_if_dropped_equals_psych_alpha_drop_and_svycralpha_without_each_indicator()
    {
        var actual = AuditFixture.Run.Table("alpha_if_dropped").ToDictionary(r => (r["scope"], r["indicator"], r["weighted"]));
        var expected = AuditFixture.Expected("alpha-if-dropped-expected.csv");
        Assert.Equal(60, expected.Count);
        Assert.Equal(60, actual.Count);
        foreach (var e in expected)
        {
            var a = actual[(e["scope"], AuditFixture.Name(e["indicator"]), e["weighted"])];
            Assert.Equal(e["n"], a["n"]);
            Close(e["alpha_raw"], a["alpha_raw"], $"{e["scope"]} without {e["indicator"]} raw");
            Close(e["alpha_std"], a["alpha_std"], $"{e["scope"]} without {e["indicator"]} std");
        }
    }

    [Fact]
    public void Item_rest_correlations_equal_psych_alpha_r_drop_and_its_weighted_analogue()
    {
        var actual = AuditFixture.Run.Table("alpha_if_dropped").ToDictionary(r => (r["scope"], r["indicator"], r["weighted"]));
        var expected = AuditFixture.Expected("r-drop-expected.csv");
        Assert.Equal(60, expected.Count);
        foreach (var e in expected)
        {
            var a = actual[(e["scope"], e["indicator"], e["weighted"])];
            Assert.Equal(e["n"], a["n"]);
            Close(e["r_drop"], a["r_drop"], $"{e["scope"]} {e["indicator"]} weighted={e["weighted"]} r.drop");
        }
    }

    [Fact]
    public void Eigenvalues_and_sign_normalised_loadings_equal_prcomp_with_scale_true_for_every_scope()
    {
        var components = AuditFixture.Run.Table("pca").ToDictionary(r => (r["scope"], int.Parse(r["component"])));
        var expected = AuditFixture.Expected("pca-expected.csv").Concat(AuditFixture.Expected("pca-dimensions-expected.csv")).ToList();
        Assert.Equal(33, expected.Count);
        Assert.Equal(33, components.Count);
        foreach (var e in expected)
        {
            var a = components[(e["scope"], int.Parse(e["component"].TrimStart('P', 'C')))];
            Assert.Equal(e["n"], a["n"]);
            foreach (var column in new[] { "eigenvalue", "explained", "cumulative" }) Close(e[column], a[column], $"{e["scope"]} {e["component"]} {column}");
        }
        var loadings = AuditFixture.Run.Table("pca_loadings").ToDictionary(r => (r["scope"], int.Parse(r["component"]), r["indicator"]));
        var expectedLoadings = AuditFixture.Expected("pca-loadings-expected.csv").Concat(AuditFixture.Expected("pca-dimensions-loadings-expected.csv")).ToList();
        Assert.Equal(309, expectedLoadings.Count);
        Assert.Equal(309, loadings.Count);
        foreach (var e in expectedLoadings)
        {
            var key = (e["scope"], int.Parse(e["component"].TrimStart('P', 'C')), AuditFixture.Name(e["indicator"]));
            Close(e["loading"], loadings[key]["loading"], key.ToString());
        }
    }

    [Fact]
    public void Nominal_effective_and_derived_weights_equal_audit_extra_R()
    {
        var actual = AuditFixture.Run.Table("weights");
        var expected = AuditFixture.Expected("weights-expected.csv");
        Assert.Equal(expected.Select(e => e["node"]), actual.Select(a => a["node"]));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e["kind"], a["kind"]);
            Assert.Equal(e["parent"], a["parent"]);
            foreach (var column in new[] { "nominal", "effective", "derived", "nominal_in_parent", "derived_in_parent", "correlation_with_composite" })
                Close(e[column], a[column], $"{e["node"]} {column}");
        }
    }
}
