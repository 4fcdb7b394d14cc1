using System.Text.Json.Nodes;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// The evaluation file of --config: every flag can be set in it, relative paths in it are relative to
/// its own folder, and a flag on the command line wins over it. The runs write their tables only
/// (<see cref="SampleResults.TablesOnly"/>): the settings are what is checked.
/// </summary>
public sealed class RunConfigTests
{
    /// <summary>A folder "quarter" holding exports/sample.csv and run.json with the given settings.</summary>
    private static (string Folder, string Config) EvaluationFolder(string json)
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "quarter");
        Directory.CreateDirectory(Path.Combine(folder, "exports"));
        File.Copy(Samples.Sample, Path.Combine(folder, "exports", "sample.csv"));
        var config = Path.Combine(folder, "run.json");
        File.WriteAllText(config, json);
        return (folder, config);
    }

    private static JsonObject Settings(string out_) => OutputContract.Manifest(out_)["settings"]!.AsObject();

    [Fact]
    public void A_flag_wins_over_the_file_and_the_rest_comes_from_the_file_with_paths_relative_to_its_folder()
    {
        var (folder, config) = EvaluationFolder("""
            {
              // a quarter's evaluation, kept as one file
              "inputs": ["exports/sample.csv"],
              "out": "A",
              "minCell": 10,
              "levels": ["country+sex"],
              "formats": ["csv"],
            }
            """);

        Avrr.Expect(0, ["run", "--config", config, "--min-cell", "3", "--quiet", .. SampleResults.TablesOnly]);

        var out_ = Path.Combine(folder, "A");
        Assert.True(Directory.Exists(out_), "out was not taken from the file, relative to its folder");
        var settings = Settings(out_);
        Assert.Equal(3, (int)settings["min_cell"]!);
        Assert.Contains("country+sex", settings["levels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["csv"], settings["formats"]!.AsArray().Select(f => (string)f!));
        var input = (string)OutputContract.Manifest(out_)["inputs"]![0]!["path"]!;
        Assert.Equal(Path.GetFullPath(Path.Combine(folder, "exports", "sample.csv")), Path.GetFullPath(input));

        // min-cell 3, not 10: a group with 3 to 9 surveys is published.
        var aggregates = CsvFile.Read(Path.Combine(out_, "aggregates.csv"));
        Assert.Contains(aggregates.Rows, r => r[aggregates.Index("suppressed")] == "false" && long.Parse(r[aggregates.Index("n")]) < 10);
        Assert.All(aggregates.Rows.Where(r => r[aggregates.Index("suppressed")] == "false"), r => Assert.True(long.Parse(r[aggregates.Index("n")]) >= 3));
    }

    [Fact]
    public void The_file_alone_sets_min_cell_and_the_command_line_input_and_out_win_over_the_file()
    {
        var (folder, config) = EvaluationFolder("""{ "inputs": ["exports/missing.csv"], "out": "A", "minCell": 10, "formats": ["parquet"] }""");
        var b = Path.Combine(Path.GetDirectoryName(folder)!, "B");

        Avrr.Expect(0, ["run", Samples.Sample, "--config", config, "--out", b, "--formats", "csv", "--quiet", .. SampleResults.TablesOnly]);

        Assert.False(Directory.Exists(Path.Combine(folder, "A")));
        var settings = Settings(b);
        Assert.Equal(10, (int)settings["min_cell"]!);
        Assert.Equal(["csv"], settings["formats"]!.AsArray().Select(f => (string)f!));
        Assert.Empty(Directory.EnumerateFiles(b, "*.parquet"));
        var aggregates = CsvFile.Read(Path.Combine(b, "aggregates.csv"));
        Assert.All(aggregates.Rows.Where(r => r[aggregates.Index("suppressed")] == "false"), r => Assert.True(long.Parse(r[aggregates.Index("n")]) >= 10));
    }

    [Fact]
    public void Every_setting_of_the_file_reaches_the_run_when_no_flag_overrides_it()
    {
        var (folder, config) = EvaluationFolder("""
            {
              "inputs": ["exports"], "out": "results", "scheme": null, "levels": ["assistance_type"],
              "weight": "weight", "cluster": "community", "strata": "country", "minCell": 7, "lang": "fr",
              "formats": ["csv", "parquet"], "dateFormat": "yyyy-MM-dd", "sheet": null, "indicators": true,
              "columns": { "returnee_id": "returnee_id" }, "insights": false, "audit": false, "report": false
            }
            """);

        Avrr.Expect(0, "run", "--config", config, "--quiet");

        var settings = Settings(Path.Combine(folder, "results"));
        Assert.Equal(["all", "country", "country+community", "country+quarter", "assistance_type"], settings["levels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("community", (string)settings["cluster"]!);
        Assert.Equal("country", (string)settings["strata"]!);
        Assert.Equal(7, (int)settings["min_cell"]!);
        Assert.Equal("fr", (string)settings["lang"]!);
        Assert.Equal("yyyy-MM-dd", (string)settings["date_format"]!);
        Assert.True((bool)settings["indicators"]!);
        Assert.Equal("returnee_id", (string)settings["columns"]!["returnee_id"]!);
        Assert.Contains("strata", (string)settings["design"]!);
        Assert.False(Directory.Exists(Path.Combine(folder, "results", "insights")));
        Assert.False(Directory.Exists(Path.Combine(folder, "results", "audit")));
        Assert.False(File.Exists(Path.Combine(folder, "results", "report.html")));
    }

    [Fact]
    public void Every_flag_of_run_is_accepted_on_the_command_line_and_recorded_in_the_manifest()
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        var scheme = Path.Combine(TestFiles.Repository, "src", "Avrr.Analytics", "Schemes", "rss-15.json");

        Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, "--scheme", scheme, "--levels", "country+sex", "--weight", "weight",
            "--cluster", "community", "--strata", "country", "--min-cell", "8", "--lang", "fr", "--formats", "csv,parquet",
            "--date-format", "yyyy-MM-dd", "--sheet", "Sheet1", "--indicators", "--threads", "2", "--quiet", .. SampleResults.TablesOnly]);

        var manifest = OutputContract.Manifest(out_);
        var settings = manifest["settings"]!.AsObject();
        Assert.Equal("rss-15", (string)manifest["scheme"]!["id"]!);
        Assert.NotEqual("built-in", (string)manifest["scheme"]!["origin"]!);
        Assert.Contains("country+sex", settings["levels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("weight", (string)settings["weight"]!);
        Assert.Equal("community", (string)settings["cluster"]!);
        Assert.Equal("country", (string)settings["strata"]!);
        Assert.Equal(8, (int)settings["min_cell"]!);
        Assert.Equal("fr", (string)settings["lang"]!);
        Assert.Equal(["csv", "parquet"], settings["formats"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("yyyy-MM-dd", (string)settings["date_format"]!);
        Assert.Equal("Sheet1", (string)settings["sheet"]!);
        Assert.True((bool)settings["indicators"]!);
    }

    [Fact]
    public void Weight_names_the_column_of_sampling_weights()
    {
        var folder = TestFiles.TempFolder();
        var (header, rows) = Samples.Fields(Samples.Clean);
        var renamed = Samples.Write(Path.Combine(folder, "renamed.csv"), header.Select(h => h == "weight" ? "w_final" : h).ToArray(), rows);
        var expected = rows.Sum(r => double.Parse(r[Array.IndexOf(header, "weight")], System.Globalization.CultureInfo.InvariantCulture));

        Avrr.Expect(0, ["run", renamed, "--out", Path.Combine(folder, "with"), "--weight", "w_final", "--formats", "csv", "--quiet", .. SampleResults.TablesOnly]);
        Avrr.Expect(0, ["run", renamed, "--out", Path.Combine(folder, "without"), "--formats", "csv", "--quiet", .. SampleResults.TablesOnly]);

        static double WeightSum(string out_)
        {
            var aggregates = CsvFile.Read(Path.Combine(out_, "aggregates.csv"));
            var all = aggregates.Rows.Single(r => r[0] == "all" && r[aggregates.Index("measure")] == "composite");
            return double.Parse(all[aggregates.Index("weight_sum")], System.Globalization.CultureInfo.InvariantCulture);
        }
        var composite = CsvFile.Read(Path.Combine(folder, "with", "aggregates.csv"));
        var n = long.Parse(composite.Rows.Single(r => r[0] == "all" && r[composite.Index("measure")] == "composite")[composite.Index("n")]);
        // With --weight: the weights of the surveys whose composite is present; without: 1 each.
        Assert.True(WeightSum(Path.Combine(folder, "with")) <= expected + 1e-9);
        Assert.True(WeightSum(Path.Combine(folder, "with")) > n * 0.6);
        Assert.Equal(n, WeightSum(Path.Combine(folder, "without")));
        Assert.Equal("w_final", (string)Settings(Path.Combine(folder, "with"))["weight"]!);
        Assert.All(CsvFile.Read(Path.Combine(folder, "without", "returnee_scores.csv")).Column("weight"), w => Assert.Equal("1", w));
    }

    [Fact]
    public void Cluster_and_strata_change_the_standard_errors_but_not_the_means()
    {
        var folder = TestFiles.TempFolder();
        var plain = Path.Combine(folder, "plain");
        var design = Path.Combine(folder, "design");

        Avrr.Expect(0, ["run", Samples.Sample, "--out", plain, "--formats", "csv", "--quiet", .. SampleResults.TablesOnly]);
        Avrr.Expect(0, ["run", Samples.Sample, "--out", design, "--cluster", "community", "--strata", "country", "--formats", "csv", "--quiet", .. SampleResults.TablesOnly]);

        var a = CsvFile.Read(Path.Combine(plain, "aggregates.csv"));
        var b = CsvFile.Read(Path.Combine(design, "aggregates.csv"));
        Assert.Equal(a.Column("mean"), b.Column("mean"));
        Assert.Equal(a.Column("n"), b.Column("n"));
        Assert.NotEqual(a.Column("se"), b.Column("se"));
        Assert.Equal("weights only; every survey is its own PSU", (string)Settings(plain)["design"]!);
        Assert.StartsWith("weights + strata + clusters", (string)Settings(design)["design"]!);
    }

    [Fact]
    public void Scheme_file_with_other_weights_changes_the_composite_and_is_recorded_with_its_hash()
    {
        var folder = TestFiles.TempFolder();
        var scheme = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.Repository, "src", "Avrr.Analytics", "Schemes", "rss-15.json")))!;
        scheme["id"] = "rss-15-economic-x3";
        scheme["dimensions"]![0]!["weight"] = 3;
        var path = Path.Combine(folder, "economic-x3.json");
        File.WriteAllText(path, scheme.ToJsonString());

        var builtIn = Path.Combine(folder, "built-in");
        var weighted = Path.Combine(folder, "weighted");
        Avrr.Expect(0, ["run", Samples.Clean, "--out", builtIn, "--formats", "csv", "--quiet", .. SampleResults.TablesOnly]);
        Avrr.Expect(0, ["run", Samples.Clean, "--out", weighted, "--scheme", path, "--formats", "csv", "--quiet", .. SampleResults.TablesOnly]);

        var a = CsvFile.Read(Path.Combine(builtIn, "returnee_scores.csv"));
        var b = CsvFile.Read(Path.Combine(weighted, "returnee_scores.csv"));
        Assert.Equal(a.Column("economic_score"), b.Column("economic_score"));
        Assert.NotEqual(a.Column("composite_score"), b.Column("composite_score"));
        var row = b.Rows.First(r => r[b.Index("composite_score")].Length > 0);
        double Score(string column) => double.Parse(row[b.Index(column)], System.Globalization.CultureInfo.InvariantCulture);
        // composite = (3·economic + social + psychosocial) / 5, to the 6 decimals of the CSV.
        Assert.Equal((3 * Score("economic_score") + Score("social_score") + Score("psychosocial_score")) / 5, Score("composite_score"), 5e-6);
        var manifest = OutputContract.Manifest(weighted);
        Assert.Equal("rss-15-economic-x3", (string)manifest["scheme"]!["id"]!);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), (string)manifest["scheme"]!["sha256"]!);
    }

    [Fact]
    public void Quiet_prints_no_progress_lines_but_the_summary()
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");

        // With every stage (insights, audit, report): none of them may print progress under --quiet.
        var (quiet, quietProgress) = Avrr.RunWithProgress("run", Samples.Sample, "--out", out_, "--quiet");
        var (loud, loudProgress) = Avrr.RunWithProgress("run", Samples.Sample, "--out", out_);

        Assert.Equal((0, 0), (quiet.ExitCode, loud.ExitCode));
        Assert.DoesNotContain("avrr:", quiet.Output + quietProgress);
        Assert.Contains("avrr:", loudProgress);
        Assert.Contains("scoring", loudProgress);
        Assert.DoesNotContain("avrr:", loud.Output);        // progress is on its own console (standard error)
        Assert.Contains("2,000 rows read", quiet.Output);
    }

    [Fact]
    public void A_date_format_reads_dates_that_are_not_iso()
    {
        var folder = TestFiles.TempFolder();
        var (header, rows) = Samples.Fields(Samples.Clean);
        var date = Array.IndexOf(header, "survey_date");
        var french = Samples.Write(Path.Combine(folder, "dates-fr.csv"), header, rows.Select(r =>
        {
            var copy = (string[])r.Clone();
            copy[date] = DateOnly.ParseExact(r[date], "yyyy-MM-dd").ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            return copy;
        }));

        Avrr.Expect(0, ["run", french, "--out", Path.Combine(folder, "with"), "--date-format", "dd/MM/yyyy", "--quiet", .. SampleResults.TablesOnly]);
        // Without the format every date is rejected: the run refuses to write a result of nothing.
        var without = Avrr.Expect(3, ["run", french, "--out", Path.Combine(folder, "without"), "--quiet", .. SampleResults.TablesOnly]);
        Assert.Contains("most were invalid_date", without.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "without")));

        var iso = Path.Combine(folder, "iso");
        Avrr.Expect(0, ["run", Samples.Clean, "--out", iso, "--quiet", .. SampleResults.TablesOnly]);
        // Same surveys, same dates: the same scores.
        Assert.Equal(File.ReadAllBytes(Path.Combine(iso, "returnee_scores.csv")), File.ReadAllBytes(Path.Combine(folder, "with", "returnee_scores.csv")));
    }
}
