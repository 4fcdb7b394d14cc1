using System.Globalization;
using System.Text.Json.Nodes;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// audit/ of <c>avrr run</c> (docs/audit.md): every table with its columns in CSV and Parquet; the data-derived
/// weights as a scheme file that <c>avrr scheme check</c> accepts and <c>--scheme</c> runs with; the settings
/// (--no-audit, --audit-samples, --audit-seed, --audit-level and their keys) and what they do; small groups withheld.
/// </summary>
public sealed class RunAuditTests
{
    /// <summary>The shared run of the sample with every default (read only).</summary>
    private static readonly Lazy<string> Default = new(() => SampleResults.Default);

    /// <summary>A run of the sample with the audit; without insights and report where <paramref name="everything"/> is false (no test of these reads them).</summary>
    private static string Run(params string[] flags) => Run(false, flags);

    private static string Run(bool everything, params string[] flags)
    {
        flags = everything ? flags : ["--no-insights", "--no-report", .. flags];
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, "--quiet", .. flags]);
        return out_;
    }

    private static List<Dictionary<string, string>> Table(string out_, string name) => CsvRecords.ReadTable(Path.Combine(out_, "audit", name + ".csv"));

    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["indicator_stats"] = ["indicator", "level", "group", "n_rows", "n", "missing_share", "mean", "sd", "min", "max", "skew", "kurtosis", "outlier_flag", "weighted_mean", "suppressed"],
        ["correlations"] = ["a", "b", "method", "weighted", "r", "n", "basis"],
        ["reliability"] = ["scope", "weighted", "alpha_raw", "alpha_std", "n"],
        ["alpha_if_dropped"] = ["scope", "indicator", "weighted", "alpha_raw", "alpha_std", "r_drop", "n"],
        ["pca"] = ["scope", "component", "n", "eigenvalue", "explained", "cumulative"],
        ["pca_loadings"] = ["scope", "component", "indicator", "loading"],
        ["weights"] = ["node", "kind", "parent", "nominal", "effective", "derived", "nominal_in_parent", "derived_in_parent", "correlation_with_composite"],
        ["flags"] = ["indicator", "flag", "other", "value"],
        ["rank_uncertainty"] = ["level", "country", "n", "nominal_rank", "nominal_score", "median_rank", "mean_rank", "rank_p05", "rank_p95", "score_p05", "score_p95", "suppressed"],
        ["sensitivity"] = ["assumption", "nominal", "alternatives", "first_order", "total", "first_order_p05", "first_order_p95", "total_p05", "total_p95", "first_order_withheld", "total_withheld"],
        ["rank_confidence"] = ["level", "group", "country", "n", "estimate", "se", "rank", "rank_lower", "rank_upper", "kind", "robust"],
        ["notes"] = ["key", "value"],
    };

    [Fact]
    public void Every_audit_table_has_the_columns_of_audit_md_in_csv_and_parquet()
    {
        Assert.Equal(OutputContract.AuditTables.Order(StringComparer.Ordinal), Columns.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, columns) in Columns)
        {
            Assert.Equal(columns, CsvFile.Read(Path.Combine(Default.Value, "audit", name + ".csv")).Header);
            Assert.Equal(columns, ParquetTables.Columns(Path.Combine(Default.Value, "audit", name + ".parquet")).Select(c => c.Name));
        }
    }

    [Fact]
    public void The_tables_have_a_row_per_item_of_the_output_contract()
    {
        var out_ = Default.Value;
        Assert.Equal(15 * (1 + 5), Table(out_, "indicator_stats").Count);        // 15 indicators × (all + 5 countries)
        Assert.Equal(171 * 4, Table(out_, "correlations").Count);              // 19 scores: 171 pairs × 2 methods × 2 weightings
        Assert.Equal(4 * 2, Table(out_, "reliability").Count);                 // 3 dimensions and all × 2 weightings
        Assert.Equal((5 + 5 + 5 + 15) * 2, Table(out_, "alpha_if_dropped").Count);
        Assert.Equal(5 + 5 + 5 + 15 + 3, Table(out_, "pca").Count);            // and the 3 dimension scores
        Assert.Equal(3 * 25 + 225 + 9, Table(out_, "pca_loadings").Count);
        Assert.Equal(3 + 15, Table(out_, "weights").Count);
        Assert.Equal(["BFA", "CIV", "GIN", "MLI", "SEN"], Table(out_, "rank_uncertainty").Select(r => r["country"]));
        Assert.Equal(["weights", "aggregation", "composite_from", "min_dimension_coverage", "dont_know"], Table(out_, "sensitivity").Select(r => r["assumption"]));
        var notes = Table(out_, "notes").ToDictionary(r => r["key"], r => r["value"]);
        Assert.Equal("done", notes["uncertainty"]);
        Assert.Equal((256 * 7).ToString(CultureInfo.InvariantCulture), notes["uncertainty_runs"]);
        Assert.Equal("false", notes["kept_subsample"]);
        Assert.Equal("done", (string)OutputContract.Manifest(out_)["audit"]!["uncertainty"]!);
    }

    [Fact]
    public void The_derived_weights_are_a_scheme_file_that_scheme_check_accepts_and_a_run_uses()
    {
        var derived = Path.Combine(Default.Value, "audit", "derived-weights.json");
        var check = Avrr.Expect(0, "scheme", "check", derived);
        Assert.Contains("ok", check.Output);

        var json = JsonNode.Parse(File.ReadAllText(derived))!;
        Assert.Equal("rss-15-derived", (string)json["id"]!);
        Assert.Contains("principal component", (string)json["description"]!);
        Assert.Contains("SHA-256", (string)json["$comment"]!);
        // Its weights are the derived ones of weights.csv.
        var weights = Table(Default.Value, "weights").ToDictionary(r => r["node"], r => double.Parse(r["derived_in_parent"], CultureInfo.InvariantCulture));
        foreach (var dimension in json["dimensions"]!.AsArray())
        {
            Assert.Equal(weights[(string)dimension!["id"]!], (double)dimension["weight"]!, 12);
            foreach (var indicator in dimension["indicators"]!.AsArray())
                Assert.Equal(weights[(string)indicator!["id"]!], (double)indicator["weight"]!, 12);
        }

        var out_ = Path.Combine(TestFiles.TempFolder(), "derived");
        Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, "--scheme", derived, "--quiet", .. SampleResults.TablesOnly]);
        var scheme = OutputContract.Manifest(out_)["scheme"]!;
        Assert.Equal("rss-15-derived", (string)scheme["id"]!);
        Assert.False((bool)scheme["equal_weights"]!);
    }

    [Fact]
    public void The_summary_counts_the_audit_folder_as_one_entry_in_the_run_s_language()
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        Assert.Contains("insights/ (21 files), audit/ (25 files), report.html", Avrr.Expect(0, "run", Samples.Sample, "--out", out_).Output);
        Assert.Contains("insights/ (11 fichiers), audit/ (13 fichiers), report.html", Avrr.Expect(0, "run", Samples.Sample, "--out", out_, "--lang", "fr", "--formats", "csv").Output);
    }

    [Fact]
    public void No_audit_writes_no_audit_folder_and_the_manifest_says_so()
    {
        var out_ = Run(everything: true, "--no-audit");
        Assert.False(Directory.Exists(Path.Combine(out_, "audit")));
        Assert.False((bool)OutputContract.Manifest(out_)["settings"]!["audit"]!);
        Assert.Null(OutputContract.Manifest(out_)["audit"]);
        Assert.Equal(OutputContract.FilesWithoutAudit, OutputContract.Manifest(out_)["files"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public void Zero_samples_skip_the_uncertainty_analysis_and_the_tables_say_why()
    {
        var out_ = Run("--audit-samples", "0", "--formats", "csv");
        var notes = Table(out_, "notes").ToDictionary(r => r["key"], r => r["value"]);
        Assert.Equal("skipped", notes["uncertainty"]);
        Assert.Equal("the number of samples is 0", notes["uncertainty_reason"]);
        Assert.All(Table(out_, "rank_uncertainty"), r => Assert.Equal("", r["median_rank"]));
        Assert.Empty(Table(out_, "sensitivity"));
        Assert.NotEmpty(Table(out_, "correlations"));
    }

    [Fact]
    public void Another_level_and_seed_are_analysed_and_small_groups_are_withheld()
    {
        var out_ = Run("--audit-level", "country+community", "--audit-seed", "9", "--audit-samples", "4", "--min-cell", "110", "--formats", "csv");
        var ranks = Table(out_, "rank_uncertainty");
        Assert.Equal(["level", "country", "community"], CsvFile.Read(Path.Combine(out_, "audit", "rank_uncertainty.csv")).Header.Take(3));
        Assert.All(ranks, r => Assert.Equal("country+community", r["level"]));
        Assert.Contains(ranks, r => r["suppressed"] == "true");
        Assert.Contains(ranks, r => r["suppressed"] == "false");
        foreach (var row in ranks.Where(r => r["suppressed"] == "true"))
            Assert.All(new[] { "n", "nominal_rank", "nominal_score", "median_rank", "rank_p05", "score_p95" }, c => Assert.Equal("", row[c]));
        var stats = Table(out_, "indicator_stats").Where(r => r["level"] == "country+community").ToList();
        Assert.Contains(stats, r => r["group"] == "SEN / Dakar");
        foreach (var row in stats.Where(r => r["suppressed"] == "true"))
            Assert.All(new[] { "n", "mean", "sd", "min", "max", "skew" }, c => Assert.Equal("", row[c]));
        Assert.All(stats.Where(r => r["suppressed"] == "false"), r => Assert.True(long.Parse(r["n"], CultureInfo.InvariantCulture) >= 110));
        var settings = OutputContract.Manifest(out_)["settings"]!;
        Assert.Equal("country+community", (string)settings["audit_level"]!);
        Assert.Equal(9, (int)settings["audit_seed"]!);
        Assert.Equal(4, (int)settings["audit_samples"]!);
    }

    [Fact]
    public void Rows_outside_the_period_take_no_part_in_the_audit()
    {
        var out_ = Run("--period", "2024-Q2", "--formats", "csv", "--audit-samples", "2");
        var manifest = OutputContract.Manifest(out_);
        var scored = (long)manifest["rows_scored"]!;
        Assert.True((long)manifest["rows_outside_period"]! > 0);
        var notes = Table(out_, "notes").ToDictionary(r => r["key"], r => r["value"]);
        Assert.Equal(scored.ToString(CultureInfo.InvariantCulture), notes["surveys"]);
        Assert.Equal(scored.ToString(CultureInfo.InvariantCulture), notes["kept_surveys"]);
        Assert.All(Table(out_, "indicator_stats").Where(r => r["level"] == "all"), r => Assert.Equal(scored.ToString(CultureInfo.InvariantCulture), r["n_rows"]));
        // The countries' surveys add up to the scored surveys of the period, as in aggregates.
        var countries = Table(out_, "indicator_stats").Where(r => r["level"] == "country" && r["indicator"] == "debt").Sum(r => long.Parse(r["n_rows"], CultureInfo.InvariantCulture));
        Assert.Equal(scored, countries);
    }

    [Theory]
    [InlineData("--audit-level", "religion", "--audit-level religion")]
    [InlineData("--audit-level", "all", "--audit-level all")]
    [InlineData("--audit-samples", "-1", "--audit-samples -1")]
    public void A_bad_audit_setting_is_a_usage_error_that_names_its_flag(string flag, string value, string expected)
    {
        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", Path.Combine(TestFiles.TempFolder(), "results"), flag, value);
        Assert.Contains(expected, call.Output);
    }

    [Fact]
    public void The_evaluation_file_sets_the_audit_settings()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "run.json");
        File.WriteAllText(config, $$"""{ "inputs": ["{{Samples.Sample.Replace("\\", "\\\\")}}"], "out": "r", "audit": true, "auditSamples": 2, "auditSeed": 5, "auditLevel": "country+sex", "formats": ["csv"], "insights": false, "report": false }""");
        Avrr.Expect(0, "run", "--config", config, "--quiet");
        var settings = OutputContract.Manifest(Path.Combine(folder, "r"))["settings"]!;
        Assert.Equal((2, 5, "country+sex"), ((int)settings["audit_samples"]!, (int)settings["audit_seed"]!, (string)settings["audit_level"]!));

        File.WriteAllText(config, """{ "inputs": ["x.csv"], "out": "s", "audit": false, "insights": false, "report": false }""");
        Avrr.Expect(0, "run", Samples.Sample, "--config", config, "--quiet");
        Assert.False(Directory.Exists(Path.Combine(folder, "s", "audit")));
    }
}
