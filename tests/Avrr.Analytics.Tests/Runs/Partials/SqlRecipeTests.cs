using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Merging;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Tests.Runs.Merging;

namespace Avrr.Analytics.Tests.Runs.Partials;

/// <summary>
/// The SQL recipe (docs/partials.md, "The SQL recipe"), run by DuckDB on a returnee_scores tree, gives tables that
/// <c>avrr partial seal</c> makes a partial of and <c>avrr merge</c> turns into the tables the run that wrote the tree
/// published: counts exactly, every statistic to 1e-12 (quantiles too: SQL rounds each value's total weight to one
/// double, the engine keeps about 106 bits), in every design, with panel change by cells or by returnee summaries
/// (the salt in a DuckDB variable), alone or merged with a partial of the engine.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SqlRecipeTests
{
    private static readonly Lazy<MergeFixture> Shared = new(() => new MergeFixture());

    public static TheoryData<Design> Designs => new() { Design.WeightsOnly, Design.Clusters, Design.StrataClusters };

    private static RunSettings Settings(IReadOnlyList<string> inputs, string result, Design design) => new()
    {
        Inputs = inputs, OutputFolder = result, Report = false, Threads = 1, PartitionBy = ["country", "quarter"],
        ClusterColumn = design is Design.Clusters or Design.StrataClusters ? "psu" : null,
        StrataColumn = design == Design.StrataClusters ? "stratum" : null,
    };

    private static RecipeSettings Recipe(Design design, PartialPanel panel) => new()
    {
        ClusterColumn = design is Design.Clusters or Design.StrataClusters ? "psu" : null,
        StrataColumn = design == Design.StrataClusters ? "stratum" : null,
        PartialPanel = panel, PartialSalt = panel == PartialPanel.Returnees ? MergeFixture.Salt : null,
    };

    /// <summary>The recipe run by DuckDB on a run's tree, its tables sealed into a partial.</summary>
    private static string SqlPartial(string result, Design design, PartialPanel panel)
    {
        var partial = Path.Combine(result + "-sql");
        Directory.CreateDirectory(partial);
        var recipe = Recipe(design, panel);
        var sql = PartialRecipe.Sql(recipe.Plan(), panel, Path.Combine(result, "returnee_scores"), partial, SqlDialect.DuckDb);
        using (var db = new DuckDb())
        {
            if (panel == PartialPanel.Returnees) db.Execute($"SET VARIABLE {PartialRecipe.SaltVariable} = {DuckDb.Quote(MergeFixture.Salt)}");
            db.Execute(sql);
        }
        PartialSeal.Seal(partial, recipe);
        return partial;
    }

    private static string Merge(string name, params string[] partials)
    {
        var merged = Path.Combine(Shared.Value.Folder, "merged-" + name);
        EvaluationMerge.Execute(new MergeSettings { Partials = partials, OutputFolder = merged, Formats = OutputFormats.Csv, Report = false });
        return merged;
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void The_recipe_on_a_runs_tree_merges_into_the_tables_that_run_published(Design design)
    {
        var f = Shared.Value;
        var result = Path.Combine(f.Folder, "tree-" + design);
        EvaluationRun.Execute(Settings([f.Write("tree-" + design, f.Rows)], result, design));
        var merged = Merge("sql-" + design, SqlPartial(result, design, PartialPanel.Cells));
        ResultTables.AssertSame(result, merged, Quantiles.Close, "aggregates", "comparisons", "panel_change");
    }

    [Fact]
    public void Recipe_partials_with_returnee_summaries_pair_a_returnee_across_partials_also_with_a_partial_of_the_engine()
    {
        var f = Shared.Value;
        var random = new Random(11);
        var part = f.Rows.Select(_ => random.Next(2)).ToArray();
        var files = Enumerable.Range(0, 2).Select(k => f.Write("sql-half-" + k, f.Rows.Where((_, i) => part[i] == k))).ToArray();
        var results = files.Select((file, k) =>
        {
            var result = Path.Combine(f.Folder, "sql-half-result-" + k);
            EvaluationRun.Execute(Settings([file], result, Design.StrataClusters) with
            {
                PartialOut = result + "-engine", PartialPanel = PartialPanel.Returnees, PartialSalt = MergeFixture.Salt,
            });
            return result;
        }).ToArray();
        var single = Path.Combine(f.Folder, "sql-halves-single");
        EvaluationRun.Execute(Settings(files, single, Design.StrataClusters));

        var sql = results.Select(r => SqlPartial(r, Design.StrataClusters, PartialPanel.Returnees)).ToArray();
        ResultTables.AssertSame(single, Merge("sql-halves", sql), Quantiles.Close, "aggregates", "comparisons", "panel_change");
        ResultTables.AssertSame(single, Merge("sql-and-engine", sql[0], results[1] + "-engine"), Quantiles.Close, "aggregates", "comparisons", "panel_change");
    }

    [Fact]
    public void Sealing_refuses_a_folder_without_the_recipes_tables_and_never_writes_over_a_file_it_did_not_make()
    {
        var folder = TestFiles.TempFolder();
        var e = Assert.Throws<PartialRefusedException>(() => PartialSeal.Seal(folder, new RecipeSettings()));
        Assert.Contains("the table cells is missing", e.Message);
        File.WriteAllText(Path.Combine(folder, "partial.json"), "{\"mine\": true}");
        e = Assert.Throws<PartialRefusedException>(() => PartialSeal.Seal(folder, new RecipeSettings()));
        Assert.Contains("that avrr partial seal did not write", e.Message);
        Assert.Equal("{\"mine\": true}", File.ReadAllText(Path.Combine(folder, "partial.json")));
    }
}
