using Avrr.Analytics.Runs.Planning;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary>
/// The flags of <c>avrr partial sql</c> and <c>avrr partial seal</c>: the settings of the run that made the tree,
/// which the recipe and its partial must share with the other partials (docs/partials.md, "The SQL recipe").
/// </summary>
public class RecipeSettings : CommandSettings
{
    [CommandOption("--config <FILE>")]
    [LocalizedDescription("The evaluation file of the run that wrote the tree; flags win over it.")]
    public string? Config { get; init; }

    [CommandOption("--scheme <FILE>")]
    [LocalizedDescription("A scheme file; the built-in rss-15 (equal weights) otherwise.")]
    public string? Scheme { get; init; }

    [CommandOption("--levels <LEVELS>")]
    [LocalizedDescription("More levels besides all, country, country+community (and country+quarter): e.g. \"country+sex;assistance_type\".")]
    public string? Levels { get; init; }

    [CommandOption("--weight <COL>")]
    [LocalizedDescription("The column of sampling weights (default: weight; 1 when absent).")]
    public string? Weight { get; init; }

    [CommandOption("--cluster <COL>")]
    [LocalizedDescription("The column of clusters (primary sampling units) of the survey design.")]
    public string? Cluster { get; init; }

    [CommandOption("--strata <COL>")]
    [LocalizedDescription("The column of strata of the survey design.")]
    public string? Strata { get; init; }

    [CommandOption("--indicators")]
    [LocalizedDescription("Estimate each indicator too, not only the composite and the dimensions.")]
    public bool? Indicators { get; init; }

    [CommandOption("--partial-panel <HOW>")]
    [LocalizedDescription("How the partial carries panel change: cells (default; each returnee's surveys in one partial) or returnees (a summary per returnee, keyed by a salted hash; the salt in AVRR_PARTIAL_SALT).")]
    public string? PartialPanel { get; init; }

    [CommandOption("--min-cell <N>")]
    [LocalizedDescription("Withhold every statistic of a group with fewer surveys than this (default: 5).")]
    public string? MinCell { get; init; }

    [CommandOption("--ci <METHOD>")]
    [LocalizedDescription("95% intervals: t (Student's t, the default) or normal.")]
    public string? Ci { get; init; }

    [CommandOption("--df <RULE>")]
    [LocalizedDescription("Degrees of freedom of the t intervals and tests: domain (each estimate's own PSUs minus their strata, the default) or design (the whole design's, as R and Stata by default).")]
    public string? Df { get; init; }

    [CommandOption("--fdr <METHOD>")]
    [LocalizedDescription("How the tests of a family of findings are decided: bh (Benjamini–Hochberg, controls the false discovery rate; the default) or none (each test on its own).")]
    public string? Fdr { get; init; }

    [CommandOption("--lang <LANG>")]
    [LocalizedDescription("Language for people: en or fr (default: en).")]
    public string? Lang { get; init; }

    /// <summary>
    /// The recipe's settings from these flags over the evaluation file. As for a run, every problem of the file and of
    /// the values is listed at once (issue 22 §4): each value is read through <see cref="SettingSources.Try"/>.
    /// </summary>
    internal Runs.Partials.RecipeSettings ToRecipe()
    {
        var file = Config is null ? new EvaluationFile() : EvaluationFile.Load(Config, deferProblems: true);
        var sources = _sources = new SettingSources(Config, file.Lines, file.Problems);
        try
        {
            var recipe = new Runs.Partials.RecipeSettings
            {
                SchemePath = sources.Pick(RunSetting.Scheme, Scheme, file.Scheme),
                ExtraLevels = sources.Try(() => sources.Pick(RunSetting.Levels, Levels is null ? null : new[] { Levels }, file.Levels?.ToArray()) is { } levels ? InputSettings.ParseLevels(levels) : [], []),
                Indicators = sources.Pick(RunSetting.Indicators, Indicators, file.Indicators) ?? false,
                WeightColumn = sources.Pick(RunSetting.Weight, Weight, file.Weight),
                ClusterColumn = sources.Pick(RunSetting.Cluster, Cluster, file.Cluster),
                StrataColumn = sources.Pick(RunSetting.Strata, Strata, file.Strata),
                PartialPanel = sources.Try(() => RunCommand.ParsePartialPanel(sources.Pick(RunSetting.PartialPanel, PartialPanel, file.PartialPanel)), Runs.Planning.PartialPanel.Cells),
                PartialSalt = Environment.GetEnvironmentVariable(SettingNames.PartialSaltVariable),
                PartialKey = Environment.GetEnvironmentVariable(SettingNames.PartialKeyVariable) is { Length: > 0 } key ? key : null,
                MinCell = sources.Try(() => FlagValues.WholeNumber(RunSetting.MinCell, sources.Pick(RunSetting.MinCell, MinCell, file.MinCell?.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, int.MaxValue), null) ?? 5,
                Ci = sources.Try(() => RunCommand.ParseCi(sources.Pick(RunSetting.Ci, Ci, file.Ci)), default),
                Df = sources.Try(() => RunCommand.ParseDf(sources.Pick(RunSetting.Df, Df, file.Df)), default),
                Fdr = sources.Try(() => RunCommand.ParseFdr(sources.Pick(RunSetting.Fdr, Fdr, file.Fdr)), default),
                Language = FlagValues.Language(sources.Pick(RunSetting.Lang, Lang, file.Lang)) ?? "en",
            };
            sources.ThrowProblems();
            return recipe;
        }
        catch (SettingsException e) { throw new UsageException(sources.Word(e)); }
    }

    /// <summary>The plan, with a problem in a setting worded as the user gave it (its flag, or its key of the evaluation file).</summary>
    internal EstimationPlan Plan(Runs.Partials.RecipeSettings recipe)
    {
        try { return recipe.Plan(); }
        catch (SettingsException e) { throw new UsageException(Word(e)); }
    }

    /// <summary>A problem with a setting, worded as the user gave it.</summary>
    internal Said Word(SettingsException e) => (_sources ?? new SettingSources(Config)).Word(e);

    private SettingSources? _sources;
}
