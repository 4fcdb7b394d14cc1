using Avrr.Analytics.Runs.Partials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary>
/// <c>avrr partial sql --tree DIR --to DIR [--dialect duckdb|spark]</c>: prints the SQL recipe that computes a
/// partial's tables from a returnee_scores tree (docs/partials.md, "The SQL recipe"), for the settings given.
/// </summary>
public sealed class PartialSqlCommand(IAnsiConsole console) : Command<PartialSqlCommand.Settings>
{
    public sealed class Settings : RecipeSettings
    {
        [CommandOption("--tree <DIR>")]
        [LocalizedDescription("The returnee_scores tree the recipe reads (written by avrr run --partition-by), as the SQL engine sees it.")]
        public string? Tree { get; init; }

        [CommandOption("--to <DIR>")]
        [LocalizedDescription("The folder the recipe writes the partial's tables into, as the SQL engine sees it.")]
        public string? To { get; init; }

        [CommandOption("--dialect <SQL>")]
        [LocalizedDescription("duckdb (the default) or spark.")]
        public string? Dialect { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Tree)) throw new UsageException(Said.Of(c => c.Usage.RecipeTree));
        if (string.IsNullOrWhiteSpace(settings.To)) throw new UsageException(Said.Of(c => c.Usage.RecipeTo));
        var dialect = settings.Dialect?.Trim().ToLowerInvariant() switch
        {
            null or "duckdb" => SqlDialect.DuckDb,
            "spark" => SqlDialect.Spark,
            _ => throw new UsageException(Said.Of(c => c.Usage.RecipeDialect, settings.Dialect)),
        };
        if (PartialRecipe.PathProblem(settings.Tree, dialect, tree: true) is { } treeProblem) throw new UsageException($"--tree {SqlText.Shown(settings.Tree)}: {treeProblem}");
        if (PartialRecipe.PathProblem(settings.To, dialect, tree: false) is { } toProblem) throw new UsageException($"--to {SqlText.Shown(settings.To)}: {toProblem}");
        var recipe = settings.ToRecipe() with { PartialSalt = null };
        var plan = settings.Plan(recipe with { PartialPanel = Runs.Planning.PartialPanel.Cells });
        console.Profile.Width = int.MaxValue / 2;
        string sql;
        try { sql = PartialRecipe.Sql(plan, recipe.PartialPanel, settings.Tree, settings.To, dialect); }
        catch (Runs.Planning.SettingsException e) { throw new UsageException(settings.Word(e)); }
        console.Write(new Text(sql));
        return (int)ExitCode.Done;
    }
}
