using System.Globalization;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Merging;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Tests.Cli;
using Avrr.Analytics.Tests.Runs.Partials;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Every quantile a run publishes is R's <c>svyquantile(qrule = "hf7")</c> on the run's own returnee_scores.csv
/// (Reference/quantiles-run.R on Reference/sample-run-scores.csv, that file's columns of the sample run), to 1e-8: p25,
/// median and p75 of the composite and each dimension, for all, every country, community and country-quarter. The
/// sample's scores are full of values equal in exact arithmetic but reached by different sums (0.6333333333333334
/// and 0.6333333333333333), which R sees as ties in the file; the engine ties them too (docs/methodology.md,
/// "Quantiles"), and before it did, medians and quartiles of 277 groups × measures could move by up to 5e-4. The
/// same holds after merges: of partials by country (the groups within a country keep their order of surveys; the
/// whole sample's quantiles depend on the partials' order where tied surveys weigh differently, docs/partials.md),
/// and of the SQL recipe's partial of the run's own tree (its exact values, each with its total weight).
/// </summary>
public sealed class RunQuantileReferenceTests
{
    private static readonly Lazy<(string Folder, string Result)> Run = new(() =>
    {
        var folder = TestFiles.TempFolder();
        var result = Path.Combine(folder, "run");
        EvaluationRun.Execute(new RunSettings
        {
            Inputs = [Sample], OutputFolder = result, Report = false, Insights = false, Audit = false, Threads = 1,
            PartitionBy = ["country", "quarter"],
        });
        return (folder, result);
    });

    private static string Sample => Path.Combine(TestFiles.Repository, "data-samples", "rss-sample.csv");

    private static List<Dictionary<string, string>> Expected()
    {
        var lines = File.ReadAllLines(TestFiles.Reference("quantiles-run-expected.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => header.Select((h, i) => (h, f[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
    }

    /// <summary>Compares every quantile of R's rows (of the levels given) with the result's aggregates.csv; returns how many were compared.</summary>
    private static int AssertQuantilesEqualR(string result, params string[] levels)
    {
        var aggregates = CsvFile.Read(Path.Combine(result, "aggregates.csv"));
        string Cell(string[] row, string column) => row[aggregates.Index(column)];
        var byKey = aggregates.Rows.ToDictionary(r => string.Join("|", Cell(r, "level"), Cell(r, "country"), Cell(r, "community"), Cell(r, "quarter"), Cell(r, "measure")));
        var compared = 0;
        foreach (var r in Expected().Where(r => levels.Contains(r["level"])))
        {
            var key = string.Join("|", r["level"], r["country"], r["community"], r["quarter"], r["measure"]);
            Assert.True(byKey.TryGetValue(key, out var row), $"no row {key} in aggregates.csv");
            if (Cell(row, "suppressed") == "true") continue;       // fewer than min-cell surveys: nothing to compare
            Assert.Equal(r["n"], Cell(row, "n"));
            foreach (var q in new[] { "p25", "median", "p75" })
            {
                double expected = double.Parse(r[q], CultureInfo.InvariantCulture), actual = double.Parse(Cell(row, q), CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(expected - actual) <= 1e-8, $"{key} {q}: R {expected:R}, the engine {actual:R}");
            }
            compared++;
        }
        return compared;
    }

    [Fact]
    public void The_checked_in_scores_are_the_runs_own()
    {
        var scores = CsvFile.Read(Path.Combine(Run.Value.Result, "returnee_scores.csv"));
        // The checked-in file: LF line ends, no quoted field (R wrote none; its values have no comma).
        var lines = File.ReadAllLines(TestFiles.Reference("sample-run-scores.csv"));
        var header = lines[0].Split(',');
        var checkedIn = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(scores.Rows.Count, checkedIn.Length);
        for (var c = 0; c < header.Length; c++) Assert.Equal(checkedIn.Select(r => r[c]), scores.Column(header[c]));
    }

    [Fact]
    public void Every_quantile_of_a_run_equals_R_hf7_on_its_own_returnee_scores_to_1e8()
    {
        var compared = AssertQuantilesEqualR(Run.Value.Result, "all", "country", "country+community", "country+quarter");
        Assert.True(compared >= 300, $"only {compared} groups × measures compared");
    }

    [Fact]
    public void Partials_of_each_country_merge_into_the_same_quantiles()
    {
        var (folder, _) = Run.Value;
        var (header, rows) = Cli.Samples.Fields(Sample);
        var country = Array.IndexOf(header, "country");
        string[][] parts = [["BFA", "CIV", "GIN"], ["MLI", "SEN"]];
        var partials = parts.Select((countries, k) =>
        {
            var input = Cli.Samples.Write(Path.Combine(folder, $"part-{k}.csv"), header, rows.Where(r => countries.Contains(r[country])));
            var partial = Path.Combine(folder, $"partial-{k}");
            EvaluationRun.Execute(new RunSettings
            {
                Inputs = [input], OutputFolder = Path.Combine(folder, $"part-result-{k}"), Report = false, Insights = false, Audit = false,
                Threads = 1, Formats = OutputFormats.Csv, PartialOut = partial,
            });
            return partial;
        }).ToArray();
        var merged = Path.Combine(folder, "merged-countries");
        EvaluationMerge.Execute(new MergeSettings { Partials = partials, OutputFolder = merged, Formats = OutputFormats.Csv, Report = false });
        Assert.True(AssertQuantilesEqualR(merged, "country", "country+community", "country+quarter") >= 300);
    }

    [Fact]
    public void The_SQL_recipes_partial_of_the_runs_tree_merges_into_the_same_quantiles()
    {
        var (folder, result) = Run.Value;
        var partial = Path.Combine(folder, "sql-partial");
        Directory.CreateDirectory(partial);
        var recipe = new RecipeSettings();
        var sql = PartialRecipe.Sql(recipe.Plan(), PartialPanel.Cells, Path.Combine(result, "returnee_scores"), partial, SqlDialect.DuckDb);
        using (var db = new DuckDb()) db.Execute(sql);
        PartialSeal.Seal(partial, recipe);
        var merged = Path.Combine(folder, "merged-sql");
        EvaluationMerge.Execute(new MergeSettings { Partials = [partial], OutputFolder = merged, Formats = OutputFormats.Csv, Report = false });
        Assert.True(AssertQuantilesEqualR(merged, "all", "country", "country+community", "country+quarter") >= 300);
    }
}
