using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// The settings of a partial made outside a run, by the SQL recipe from a returnee_scores tree (docs/partials.md,
/// "The SQL recipe"): those of the run that made the tree and that partials must agree on (scheme, levels,
/// indicators, design columns, panel), so that <c>avrr partial sql</c> writes the recipe for them and
/// <c>avrr partial seal</c> records them.
/// </summary>
public sealed record RecipeSettings
{
    public string? SchemePath { get; init; }
    public IReadOnlyList<Level> ExtraLevels { get; init; } = [];
    public bool Indicators { get; init; }
    public string? WeightColumn { get; init; }
    public string? ClusterColumn { get; init; }
    public string? StrataColumn { get; init; }
    public PartialPanel PartialPanel { get; init; } = PartialPanel.Cells;
    public string? PartialSalt { get; init; }
    /// <summary>The organisation's key that signs the sealed partial (docs/partials.md, "Signatures"); unsigned when null.</summary>
    public string? PartialKey { get; init; }
    public int MinCell { get; init; } = 5;
    public IntervalMethod Ci { get; init; } = IntervalMethod.StudentT;
    public DegreesOfFreedomRule Df { get; init; } = DegreesOfFreedomRule.Domain;
    public Inference.MultipleTesting Fdr { get; init; } = Inference.MultipleTesting.BenjaminiHochberg;
    public string Language { get; init; } = "en";

    /// <summary>The estimation plan these settings describe, checked as a run checks them (but against no export's header).</summary>
    public EstimationPlan Plan()
    {
        if (MinCell < 1) throw new SettingsException(RunSetting.MinCell, MinCell.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be at least 1");
        var scheme = SchemePath is null ? Scheme.Rss15 : SchemeReader.Load(SchemePath);
        string[] notGroupable = [SurveyColumns.ReturneeId, SurveyColumns.SurveyDate, SurveyColumns.Weight, "survey_order", "composite_score", "band", "weakest_dimension", "answered"];
        // Every name goes into the recipe's SQL (quoted) and its comments: no export's column is named with a control character.
        foreach (var (setting, name) in ExtraLevels.SelectMany(l => l.Variables.Select(v => (Setting: RunSetting.Levels, Name: (string?)v)))
                     .Append((RunSetting.Weight, WeightColumn)).Append((RunSetting.Cluster, ClusterColumn)).Append((RunSetting.Strata, StrataColumn)))
            if (name is not null && SqlText.ControlCharacter(name) is { } control)
                throw new SettingsException(setting, SqlText.Shown(name), $"holds a control character ({control}); a column's name never does");
        foreach (var level in ExtraLevels)
            foreach (var variable in level.Variables)
                if (notGroupable.Contains(variable) || variable.EndsWith("_score", StringComparison.Ordinal) || variable.StartsWith("indicator_", StringComparison.Ordinal))
                    throw new SettingsException(RunSetting.Levels, level.Name, $"'{variable}' is not a column to group by");
        string? Design(string? column, RunSetting setting, bool returneeAllowed)
        {
            if (column is null) return null;
            var id = column.Trim().ToLowerInvariant();
            if (id == SurveyColumns.ReturneeId && setting == RunSetting.Cluster) throw new SettingsException(setting, column, RunPlan.ReturneeClustersInPartial);
            if (id.Length == 0 || id == SurveyColumns.Quarter || (id == SurveyColumns.ReturneeId && !returneeAllowed) || notGroupable.Skip(1).Contains(id))
                throw new SettingsException(setting, column, "not a column the design can use");
            return id;
        }
        if (PartialPanel == PartialPanel.Returnees && ReturneeHash.Problem(PartialSalt) is { } problem) throw new SettingsException(RunSetting.PartialSalt, null, problem);
        var (levels, quarterIsDefault) = RunPlan.LevelsOf(ExtraLevels);
        return new EstimationPlan
        {
            Scheme = scheme, Levels = levels, QuarterLevelIsDefault = quarterIsDefault, Measures = RunPlan.MeasuresOf(scheme, Indicators),
            WeightColumn = WeightColumn?.Trim().ToLowerInvariant() ?? SurveyColumns.Weight,
            ClusterColumn = Design(ClusterColumn, RunSetting.Cluster, returneeAllowed: false),
            StrataColumn = Design(StrataColumn, RunSetting.Strata, returneeAllowed: false),
            MinCell = MinCell, Ci = Ci, Df = Df, Fdr = Fdr,
        };
    }
}
