using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Vocabulary;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Planning;

/// <summary>
/// A run checked before any row is read: the scheme loaded, every input opened (format, encoding,
/// header), the run's columns, the levels and the design columns resolved. Every refusal happens here,
/// before anything is written: <see cref="SchemeException"/> and <see cref="SettingsException"/> are
/// usage errors, <see cref="InputRefusedException"/> a refused input.
/// </summary>
public sealed class RunPlan
{
    public required RunSettings Settings { get; init; }
    public required Scheme Scheme { get; init; }
    public required IReadOnlyList<SurveyInput> Inputs { get; init; }
    public required SurveyLayout Layout { get; init; }
    /// <summary>The levels in output order; country+quarter is among them and dropped from outputs when the data span one quarter.</summary>
    public required IReadOnlyList<Level> Levels { get; init; }
    /// <summary>Whether country+quarter was added by default (and may be dropped), not asked for.</summary>
    public required bool QuarterLevelIsDefault { get; init; }
    /// <summary>The measures estimated: composite, the dimensions, and the indicators when asked.</summary>
    public required IReadOnlyList<string> Measures { get; init; }

    public static readonly Level[] DefaultLevels = [Level.All, Level.Parse("country"), Level.Parse("country+community")];
    public static readonly Level QuarterLevel = Level.Parse("country+quarter");

    public static RunPlan Create(RunSettings settings)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (settings.MinCell < 1) throw new SettingsException(RunSetting.MinCell, settings.MinCell.ToString(invariant), "must be at least 1");
        if (settings.Inputs.Count == 0) throw new SettingsException(RunSetting.Inputs, null, "give at least one input file or folder");
        if (settings.Formats == 0) throw new SettingsException(RunSetting.Formats, null, "name csv, parquet or both");
        if (settings.Threads < 0) throw new SettingsException(RunSetting.Threads, settings.Threads.ToString(invariant), "must be 0 (one per core) or more");
        if (settings.AuditSamples is < 0 or > RunSettings.MaxAuditSamples)
            throw new SettingsException(RunSetting.AuditSamples, settings.AuditSamples.ToString(invariant), $"must be from 0 (no uncertainty analysis) to {RunSettings.MaxAuditSamples}");
        if (!(settings.MaxRejectedShare is >= 0 and <= 1))
            throw new SettingsException(RunSetting.MaxRejectedShare, settings.MaxRejectedShare.ToString(invariant), "must be a share between 0 and 1");
        var scheme = settings.SchemePath is null ? Scheme.Rss15 : SchemeReader.Load(settings.SchemePath);
        if (!scheme.Languages.Contains(settings.Language))
            throw new SettingsException(RunSetting.Lang, settings.Language, $"the scheme {scheme.Id} has labels in {string.Join(", ", scheme.Languages)}");

        var mapping = new Dictionary<string, string>(settings.ColumnMapping.Select(p => KeyValuePair.Create(p.Key.Trim().ToLowerInvariant(), p.Value)));
        if (settings.WeightColumn is not null && !string.Equals(settings.WeightColumn, SurveyColumns.Weight, StringComparison.OrdinalIgnoreCase))
            mapping[SurveyColumns.Weight] = settings.WeightColumn;
        var mappable = SurveyColumns.Record.Concat(scheme.Questions.Select(q => q.Id)).ToHashSet();
        foreach (var id in mapping.Keys.Where(k => !mappable.Contains(k)))
            throw new SettingsException(RunSetting.Columns, id, $"names '{id}', which is neither a record column ({string.Join(", ", SurveyColumns.Record)}) nor a question of {scheme.Id}");

        var files = InputFiles.Expand(settings.Inputs);
        var options = new ReadOptions { ColumnMapping = mapping, Sheet = settings.Sheet };
        var inputs = files.Select((file, index) => SurveyInput.Open(file, index, scheme, options)).ToArray();

        var attributes = inputs.SelectMany(i => i.Header.Attributes).Distinct().ToArray();
        // Groups are places, times, rounds and attributes; a returnee id or a date would make a group of a handful of surveys.
        string[] groupable = [SurveyColumns.Country, SurveyColumns.Community, SurveyColumns.Quarter, SurveyColumns.Round, .. attributes];
        string? DesignColumn(string? name, RunSetting setting, params string[] alsoAllowed)
        {
            if (name is null) return null;
            var id = name.Trim().ToLowerInvariant();
            var allowed = groupable.Where(c => c != SurveyColumns.Quarter).Concat(alsoAllowed).ToArray();
            if (!allowed.Contains(id))
                throw new SettingsException(setting, name, $"not a column the design can use ({Describe(allowed, id)})");
            return id;
        }
        // Clusters may be returnees (repeated surveys of one person); strata never are.
        var layout = new SurveyLayout(scheme, attributes, settings.DateFormat,
            DesignColumn(settings.ClusterColumn, RunSetting.Cluster, SurveyColumns.ReturneeId), DesignColumn(settings.StrataColumn, RunSetting.Strata));

        if (settings.Audit)
        {
            if (settings.AuditLevel.Variables.Count == 0)
                throw new SettingsException(RunSetting.AuditLevel, settings.AuditLevel.Name, "the audit ranks the groups of a level: name one with several groups, such as country");
            foreach (var variable in settings.AuditLevel.Variables)
                if (!groupable.Contains(variable))
                    throw new SettingsException(RunSetting.AuditLevel, settings.AuditLevel.Name, $"'{variable}' is not a column to group by ({Describe(groupable, variable)})");
        }

        var levels = DefaultLevels.Append(QuarterLevel).ToList();
        var quarterIsDefault = !settings.ExtraLevels.Any(l => l.Name == QuarterLevel.Name);
        foreach (var level in settings.ExtraLevels)
        {
            foreach (var variable in level.Variables)
                if (!groupable.Contains(variable))
                    throw new SettingsException(RunSetting.Levels, level.Name, $"'{variable}' is not a column to group by ({Describe(groupable, variable)})");
            if (levels.All(l => l.Name != level.Name)) levels.Add(level);
        }

        var measures = new List<string> { "composite" };
        measures.AddRange(scheme.Dimensions.Select(d => d.Id));
        if (settings.Indicators) measures.AddRange(scheme.Indicators.Select(i => ScoreColumns.IndicatorColumn(i.Id)));

        return new RunPlan
        {
            Settings = settings, Scheme = scheme, Inputs = inputs, Layout = layout, Levels = levels,
            QuarterLevelIsDefault = quarterIsDefault, Measures = measures,
        };
    }

    /// <summary>
    /// The positions of the levels written, in order: country+quarter only when the scored surveys span
    /// more than one quarter, or when it was asked for.
    /// </summary>
    public IReadOnlyList<int> OutputLevels(bool severalQuarters) =>
        Enumerable.Range(0, Levels.Count).Where(l => !(Levels[l].Name == QuarterLevel.Name && QuarterLevelIsDefault && !severalQuarters)).ToArray();

    private static string Describe(IEnumerable<string> columns, string wanted)
    {
        var list = columns.ToArray();
        var closest = HeaderMap.Closest(wanted, list);
        return $"columns: {string.Join(", ", list)}" + (closest is null ? "" : $"; closest: {closest}");
    }
}
