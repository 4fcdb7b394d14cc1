using System.Globalization;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>--ci t|normal</c> (key <c>ci</c>; docs/commands.md): t intervals by default, with each estimate's own degrees of
/// freedom (or the design's with <c>--df design</c>), normal ones when asked, recorded in the manifest; anything else is a
/// usage error.
/// </summary>
public sealed class RunIntervalMethodTests
{
    private static (CsvFile Aggregates, string Ci) Run(params string[] flags)
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, "--formats", "csv", "--quiet", .. SampleResults.TablesOnly, .. flags]);
        return (CsvFile.Read(Path.Combine(out_, "aggregates.csv")), (string)OutputContract.Manifest(out_)["settings"]!["ci"]!);
    }

    /// <summary>Each shown row's half-width divided by its se: the quantile the interval used.</summary>
    private static IEnumerable<double> Quantiles(CsvFile aggregates) =>
        aggregates.Rows.Where(r => r[aggregates.Index("se")] is not ("" or "0")).Select(r =>
        {
            double Number(string column) => double.Parse(r[aggregates.Index(column)], CultureInfo.InvariantCulture);
            return (Number("ci_high") - Number("mean")) / Number("se");
        });

    [Fact]
    public void Intervals_use_t_with_each_estimates_df_by_default_the_designs_with_df_design_and_the_normal_quantile_with_ci_normal()
    {
        var (t, tName) = Run();
        Assert.Equal("t", tName);
        // Weights only, one stratum: each estimate's df is its surveys with the measure − 1 (its n − 1), at least 1.
        var shown = t.Rows.Where(r => r[t.Index("suppressed")] == "false").ToArray();
        Assert.All(shown, r => Assert.Equal(Math.Max(1, long.Parse(r[t.Index("n")], CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture), r[t.Index("df")]));
        // The whole sample's composite: 1,983 surveys, df 1,982; R's qt(0.975, 1982) = 1.961161611153083.
        var all = shown.Single(r => r[t.Index("level")] == "all" && r[t.Index("measure")] == "composite");
        Assert.Equal(("1983", "1982"), (all[t.Index("n")], all[t.Index("df")]));

        var (design, _) = Run("--df", "design");
        // The test sample's weights-only design: 1,983 scored surveys − 1 stratum = 1,982 df on every row.
        Assert.All(design.Rows.Where(r => r[design.Index("suppressed")] == "false"), r => Assert.Equal("1982", r[design.Index("df")]));
        Assert.All(Quantiles(design), q => Assert.Equal(1.961161611153083, q, 9));

        var (normal, normalName) = Run("--ci", "normal");
        Assert.Equal("normal", normalName);
        // R's qnorm(0.975) = 1.959963984540054.
        Assert.All(Quantiles(normal), q => Assert.Equal(1.959963984540054, q, 9));
        Assert.Equal(t.Column("se"), normal.Column("se"));
    }

    [Fact]
    public void The_evaluation_file_sets_ci_and_an_unknown_method_is_a_usage_error()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, $$"""{ "inputs": [{{System.Text.Json.JsonSerializer.Serialize(Samples.Sample)}}], "ci": "normal", "formats": ["csv"], "insights": false, "audit": false, "report": false }""");
        var out_ = Path.Combine(folder, "results");
        Avrr.Expect(0, "run", "--config", config, "--out", out_, "--quiet");
        Assert.Equal("normal", (string)OutputContract.Manifest(out_)["settings"]!["ci"]!);

        var call = Avrr.Expect(2, "run", Samples.Sample, "--ci", "wald", "--out", Path.Combine(folder, "other"));
        Assert.Contains("--ci wald: unknown interval method (t, normal)", call.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "other")));
    }

    [Fact]
    public void The_evaluation_file_sets_df_and_fdr_the_manifest_records_them_and_unknown_ones_are_usage_errors()
    {
        var folder = TestFiles.TempFolder();
        var defaults = Path.Combine(folder, "defaults");
        Avrr.Expect(0, "run", Samples.Sample, "--out", defaults, "--formats", "csv", "--no-report", "--quiet");
        var settings = OutputContract.Manifest(defaults)["settings"]!;
        Assert.Equal(("domain", "bh"), ((string)settings["df"]!, (string)settings["fdr"]!));

        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, $$"""{ "inputs": [{{System.Text.Json.JsonSerializer.Serialize(Samples.Sample)}}], "df": "design", "fdr": "none", "formats": ["csv"], "report": false }""");
        var out_ = Path.Combine(folder, "results");
        Avrr.Expect(0, "run", "--config", config, "--out", out_, "--quiet");
        settings = OutputContract.Manifest(out_)["settings"]!;
        Assert.Equal(("design", "none"), ((string)settings["df"]!, (string)settings["fdr"]!));
        // Each test on its own: the adjusted p-value is the p-value, and significant is p < 0.05.
        var comparisons = CsvFile.Read(Path.Combine(out_, "comparisons.csv"));
        Assert.Equal(comparisons.Column("p_value"), comparisons.Column("p_adjusted"));
        Assert.All(comparisons.Rows.Where(r => r[comparisons.Index("p_value")] != ""), r =>
            Assert.Equal(double.Parse(r[comparisons.Index("p_value")], CultureInfo.InvariantCulture) < 0.05 ? "true" : "false", r[comparisons.Index("significant")]));

        var call = Avrr.Expect(2, "run", Samples.Sample, "--df", "satterthwaite", "--out", Path.Combine(folder, "other"));
        Assert.Contains("--df satterthwaite: unknown degrees of freedom (domain, design)", call.Output);
        call = Avrr.Expect(2, "run", Samples.Sample, "--fdr", "holm", "--out", Path.Combine(folder, "other"));
        Assert.Contains("--fdr holm: unknown way to decide a family of tests (bh, none)", call.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "other")));
    }
}
