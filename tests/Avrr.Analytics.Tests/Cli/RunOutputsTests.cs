using System.Globalization;
using System.Text.RegularExpressions;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>avrr run</c> end to end on the synthetic sample: every file of docs/outputs.md, with its columns in the
/// order docs/outputs.md gives, and the flags that change what is written (--formats, --levels, --indicators).
/// The tests that read the default result share one (<see cref="SampleResults.Default"/>); those that check the
/// tables only run without insights, audit and report.
/// </summary>
public sealed partial class RunOutputsTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string RunSample(params string[] flags)
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, .. flags]);
        return out_;
    }

    private static string[] ParquetColumns(string path) => ParquetTables.Columns(path).Select(c => c.Name).ToArray();

    [Fact]
    public void A_run_writes_every_file_of_outputs_md_and_nothing_else()
    {
        var out_ = SampleResults.Default;

        var entries = Directory.EnumerateFileSystemEntries(out_).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal);
        Assert.Equal(OutputContract.AllFiles.Select(f => f.Split('/')[0]).Distinct().Order(StringComparer.Ordinal), entries);
        var files = OutputContract.Snapshot(out_).Keys;
        Assert.Equal(OutputContract.AllFiles.Order(StringComparer.Ordinal), files);
        var manifest = OutputContract.Manifest(out_);
        Assert.Equal(OutputContract.AllFiles, manifest["files"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public void Every_csv_and_parquet_file_has_the_columns_of_outputs_md_in_order()
    {
        var out_ = SampleResults.Default;

        var scores = OutputContract.ReturneeScores(OutputContract.SampleAttributes);
        var aggregates = OutputContract.Aggregates(OutputContract.DefaultVariables);
        var panel = OutputContract.PanelChange(OutputContract.DefaultVariables);
        Assert.Equal(scores, CsvFile.Read(Path.Combine(out_, "returnee_scores.csv")).Header);
        Assert.Equal(scores, ParquetColumns(Path.Combine(out_, "returnee_scores.parquet")));
        Assert.Equal(aggregates, CsvFile.Read(Path.Combine(out_, "aggregates.csv")).Header);
        Assert.Equal(aggregates, ParquetColumns(Path.Combine(out_, "aggregates.parquet")));
        Assert.Equal(panel, CsvFile.Read(Path.Combine(out_, "panel_change.csv")).Header);
        Assert.Equal(panel, ParquetColumns(Path.Combine(out_, "panel_change.parquet")));
        var comparisons = OutputContract.Comparisons(OutputContract.DefaultVariables);
        Assert.Equal(comparisons, CsvFile.Read(Path.Combine(out_, "comparisons.csv")).Header);
        Assert.Equal(comparisons, ParquetColumns(Path.Combine(out_, "comparisons.parquet")));
        Assert.Equal(OutputContract.Rejects, CsvFile.Read(Path.Combine(out_, "rejects.csv")).Header);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^[01]\.\d{6}$")]
    private static partial Regex SixDecimalScore();

    [Fact]
    public void Returnee_scores_csv_has_one_row_per_scored_survey_iso_dates_quarters_and_scores_with_6_decimals()
    {
        var out_ = SampleResults.Default;
        var manifest = OutputContract.Manifest(out_);
        var scores = CsvFile.Read(Path.Combine(out_, "returnee_scores.csv"));
        var rejects = CsvFile.Read(Path.Combine(out_, "rejects.csv"));

        long read = (long)manifest["rows_read"]!, scored = (long)manifest["rows_scored"]!, rejected = (long)manifest["rows_rejected"]!;
        Assert.Equal(Samples.SampleRows, read);
        Assert.Equal(read, scored + rejected);
        Assert.Equal(scored, scores.Rows.Count);
        Assert.True(rejected > 0);
        // One line per problem: a rejected row may have several, but the rows named are the rejected rows.
        Assert.Equal(rejected, rejects.Rows.Select(r => (r[0], r[1])).Distinct().Count());
        Assert.Equal(rejected, ((System.Text.Json.Nodes.JsonObject)manifest["rejects_by_reason"]!).Sum(p => (long)p.Value!));

        var header = scores.Header;
        foreach (var row in scores.Rows)
        {
            var date = row[scores.Index("survey_date")];
            Assert.Matches(IsoDate(), date);
            var day = DateOnly.ParseExact(date, "yyyy-MM-dd", Invariant);
            Assert.Equal($"{day.Year}-Q{(day.Month - 1) / 3 + 1}", row[scores.Index("quarter")]);
            Assert.True(double.TryParse(row[scores.Index("weight")], NumberStyles.Float, Invariant, out var weight) && weight > 0);
            for (var c = header.ToList().IndexOf("indicator_" + OutputContract.Indicators[0]); c < scores.Index("band"); c++)
                Assert.True(row[c].Length == 0 || SixDecimalScore().IsMatch(row[c]), $"{header[c]} = '{row[c]}'");
            Assert.Contains(row[scores.Index("band")], new[] { "low", "medium", "high", "" });
            Assert.Contains(row[scores.Index("weakest_dimension")], new[] { "economic", "social", "psychosocial", "" });
            Assert.InRange(int.Parse(row[scores.Index("answered")], Invariant), 0, 100);
            Assert.Equal(row[scores.Index("composite_score")].Length == 0, row[scores.Index("band")].Length == 0);
        }
    }

    [Fact]
    public void Aggregates_have_the_default_levels_empty_columns_where_a_level_does_not_group_and_suppressed_cells_withheld()
    {
        // A fine level besides the defaults, so that some cells have fewer than 5 surveys.
        var out_ = RunSample(["--formats", "csv", "--levels", "country+community+sex+age_group", .. SampleResults.TablesOnly]);
        var aggregates = CsvFile.Read(Path.Combine(out_, "aggregates.csv"));

        var variables = new Dictionary<string, string[]>
        {
            ["all"] = [], ["country"] = ["country"], ["country+community"] = ["country", "community"], ["country+quarter"] = ["country", "quarter"],
            ["country+community+sex+age_group"] = ["country", "community", "sex", "age_group"],
        };
        Assert.Equal(variables.Keys, aggregates.Column("level").Distinct());
        Assert.Equal(["composite", "economic", "social", "psychosocial"], aggregates.Column("measure").Distinct());
        Assert.Single(aggregates.Rows, r => r[0] == "all" && r[aggregates.Index("measure")] == "composite");
        foreach (var row in aggregates.Rows)
        {
            foreach (var variable in new[] { "country", "community", "quarter", "sex", "age_group" })
                Assert.Equal(variables[row[0]].Contains(variable), row[aggregates.Index(variable)].Length > 0);
            var suppressed = row[aggregates.Index("suppressed")];
            Assert.Contains(suppressed, new[] { "true", "false" });
            Assert.True(long.Parse(row[aggregates.Index("n_rows")], Invariant) > 0);
            foreach (var statistic in OutputContract.AggregateNumbers.Skip(1))
            {
                var text = row[aggregates.Index(statistic)];
                if (suppressed == "true") Assert.Equal("", text);
                else if (statistic is not ("se" or "ci_low" or "ci_high" or "share_low" or "share_medium" or "share_high"))
                    Assert.True(double.TryParse(text, NumberStyles.Float, Invariant, out _), $"{statistic} = '{text}'");
            }
            if (suppressed == "false") Assert.True(long.Parse(row[aggregates.Index("n")], Invariant) >= 5);
        }
        Assert.Contains(aggregates.Rows, r => r[aggregates.Index("suppressed")] == "true");
    }

    [Fact]
    public void Numbers_in_aggregates_and_panel_change_are_written_as_numbers_even_when_negative()
    {
        var out_ = SampleResults.Default;

        foreach (var (file, statistics) in new[]
        {
            ("aggregates.csv", OutputContract.AggregateNumbers), ("panel_change.csv", OutputContract.PanelNumbers),
            ("comparisons.csv", OutputContract.ComparisonNumbers),
        })
        {
            var csv = CsvFile.Read(Path.Combine(out_, file));
            foreach (var statistic in statistics)
                foreach (var text in csv.Column(statistic).Where(t => t.Length > 0))
                    Assert.True(double.TryParse(text, NumberStyles.Float, Invariant, out _), $"{file} {statistic} = '{text}' is not a number");
        }
        // Changes between surveys go both ways: some cells are negative, and they stay numbers.
        var panel = CsvFile.Read(Path.Combine(out_, "panel_change.csv"));
        Assert.Contains(panel.Column("ci_low"), t => t.StartsWith('-'));
    }

    [Fact]
    public void Panel_change_is_written_only_when_some_returnee_has_two_or_more_surveys()
    {
        var folder = TestFiles.TempFolder();
        var (header, rows) = Samples.Fields(Samples.Clean);
        var round = Array.IndexOf(header, "round");
        var baselines = Samples.Write(Path.Combine(folder, "baselines.csv"), header, rows.Where(r => r[round] == "baseline"));
        var out_ = Path.Combine(folder, "results");

        Avrr.Expect(0, ["run", baselines, "--out", out_, .. SampleResults.TablesOnly]);

        Assert.False(File.Exists(Path.Combine(out_, "panel_change.csv")));
        Assert.False(File.Exists(Path.Combine(out_, "panel_change.parquet")));
        Assert.True(File.Exists(Path.Combine(out_, "aggregates.csv")));
        var manifest = OutputContract.Manifest(out_);
        Assert.Equal(0, (long)manifest["panel_returnees"]!);
        Assert.DoesNotContain(manifest["files"]!.AsArray(), f => ((string)f!).StartsWith("panel_change", StringComparison.Ordinal));

        var withPanel = SampleResults.Default;
        Assert.True((long)OutputContract.Manifest(withPanel)["panel_returnees"]! > 0);
        var panel = CsvFile.Read(Path.Combine(withPanel, "panel_change.csv"));
        Assert.Contains(panel.Rows, r => r[0] == "all" && r[panel.Index("measure")] == "composite" && r[panel.Index("suppressed")] == "false");
    }

    [Fact]
    public void Formats_csv_writes_no_parquet_file()
    {
        var out_ = RunSample("--formats", "csv", "--no-insights", "--no-audit");

        Assert.Empty(Directory.EnumerateFiles(out_, "*.parquet"));
        Assert.Equal(["aggregates.csv", "comparisons.csv", "data_quality.csv", "manifest.json", "panel_change.csv", "rejects.csv", "report.html", "results.xlsx", "returnee_scores.csv", "scheme.json"],
            Directory.EnumerateFiles(out_).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_report_of_a_parquet_only_result_shows_what_the_report_of_a_csv_result_shows()
    {
        var csv = RunSample("--formats", "csv");
        var parquet = RunSample("--formats", "parquet");

        // The same numbers, read from the other format; only the footer's list of the tables read differs.
        var fromCsv = File.ReadAllText(Path.Combine(csv, "report.html"));
        var fromParquet = File.ReadAllText(Path.Combine(parquet, "report.html"));
        Assert.Contains("aggregates.parquet", fromParquet, StringComparison.Ordinal);
        Assert.Equal(fromCsv, fromParquet.Replace(".parquet", ".csv"));
    }

    [Fact]
    public void Formats_parquet_writes_no_data_csv_file_but_still_rejects_csv()
    {
        var out_ = RunSample("--formats", "parquet", "--no-insights", "--no-audit");

        Assert.Equal(["aggregates.parquet", "comparisons.parquet", "data_quality.parquet", "manifest.json", "panel_change.parquet", "rejects.csv", "report.html", "results.xlsx", "returnee_scores.parquet", "scheme.json"],
            Directory.EnumerateFiles(out_).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
        Assert.Equal(["parquet"], OutputContract.Manifest(out_)["settings"]!["formats"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public void Levels_adds_the_levels_asked_for_and_a_column_for_each_new_grouping_variable()
    {
        var out_ = RunSample(["--levels", "country+sex;assistance_type", .. SampleResults.TablesOnly]);

        string[] variables = [.. OutputContract.DefaultVariables, "sex", "assistance_type"];
        var aggregates = CsvFile.Read(Path.Combine(out_, "aggregates.csv"));
        Assert.Equal(OutputContract.Aggregates(variables), aggregates.Header);
        Assert.Equal(OutputContract.Aggregates(variables), ParquetColumns(Path.Combine(out_, "aggregates.parquet")));
        Assert.Equal(OutputContract.PanelChange(variables), CsvFile.Read(Path.Combine(out_, "panel_change.csv")).Header);
        Assert.Equal(["all", "country", "country+community", "country+quarter", "country+sex", "assistance_type"], aggregates.Column("level").Distinct());

        var bySex = aggregates.Rows.Where(r => r[0] == "country+sex").ToArray();
        Assert.Equal(["female", "male"], bySex.Select(r => r[aggregates.Index("sex")]).Distinct().Order());
        Assert.All(bySex, r => Assert.Equal("", r[aggregates.Index("assistance_type")] + r[aggregates.Index("community")]));
        var byAssistance = aggregates.Rows.Where(r => r[0] == "assistance_type").ToArray();
        Assert.Equal(["combined", "economic", "psychosocial", "social"], byAssistance.Select(r => r[aggregates.Index("assistance_type")]).Distinct().Order());
        Assert.All(byAssistance, r => Assert.Equal("", r[aggregates.Index("country")] + r[aggregates.Index("sex")]));
        Assert.Equal(["all", "country", "country+community", "country+quarter", "country+sex", "assistance_type"],
            OutputContract.Manifest(out_)["settings"]!["levels"]!.AsArray().Select(l => (string)l!));
    }

    [Fact]
    public void Indicators_adds_a_measure_per_indicator_to_aggregates_and_panel_change()
    {
        var without = CsvFile.Read(Path.Combine(SampleResults.Default, "aggregates.csv"));
        var out_ = RunSample(["--indicators", "--formats", "csv", .. SampleResults.TablesOnly]);

        string[] measures = ["composite", "economic", "social", "psychosocial", .. OutputContract.Indicators.Select(i => "indicator_" + i)];
        var aggregates = CsvFile.Read(Path.Combine(out_, "aggregates.csv"));
        Assert.Equal(measures, aggregates.Column("measure").Distinct());
        Assert.Equal(measures, CsvFile.Read(Path.Combine(out_, "panel_change.csv")).Column("measure").Distinct());
        Assert.Equal(without.Rows.Count / 4 * measures.Length, aggregates.Rows.Count);
        // The composite and dimension lines are the same as without --indicators.
        var dimensions = new HashSet<string>(measures.Take(4));
        Assert.Equal(without.Rows.Select(r => string.Join(",", r)),
            aggregates.Rows.Where(r => dimensions.Contains(r[aggregates.Index("measure")])).Select(r => string.Join(",", r)));
        Assert.True((bool)OutputContract.Manifest(out_)["settings"]!["indicators"]!);
    }
}
