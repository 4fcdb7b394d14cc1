using System.Globalization;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>--ci t|normal</c> (key <c>ci</c>; docs/commands.md): t intervals with the design's degrees of freedom by default,
/// normal ones when asked, recorded in the manifest; anything else is a usage error.
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
    public void Intervals_use_t_with_the_design_df_by_default_and_the_normal_quantile_with_ci_normal()
    {
        var (t, tName) = Run();
        Assert.Equal("t", tName);
        // The test sample's weights-only design: 1,983 scored surveys − 1 stratum = 1,982 df; R's qt(0.975, 1982) = 1.961161611153083.
        Assert.All(t.Rows.Where(r => r[t.Index("suppressed")] == "false"), r => Assert.Equal("1982", r[t.Index("df")]));
        Assert.All(Quantiles(t), q => Assert.Equal(1.961161611153083, q, 9));

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
}
