using Avrr.Analytics.Calibration;
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
    /// <summary>The driver terms named by the settings (column ids), or null for the default choice (docs/insights.md).</summary>
    public IReadOnlyList<string>? DriverTerms { get; init; }

    /// <summary>Why a partial refuses clusters of returnees: a PSU's label is its cluster's value (docs/partials.md, "What a partial holds").</summary>
    public const string ReturneeClustersInPartial =
        "clusters of returnees cannot go into a partial, whose PSU labels would then be every returnee's id; a partial holds no returnee id. " +
        "Cluster by community (or another column), or run without a partial";

    /// <summary>The smallest training sample of the insights, in returnees.</summary>
    public const int MinInsightsSample = 100;

    /// <summary>The files of the input folders that are not exports, left unread (docs/inputs.md, "Folders").</summary>
    public IReadOnlyList<SkippedInput> SkippedInputs { get; init; } = [];

    /// <summary>Whether a column of sampling weights is read (in some input); false for an unweighted run, on purpose or not.</summary>
    public bool Weighted => Inputs.Any(i => i.Header.HasWeight);

    /// <summary>The margins the weights are calibrated to, read and checked (docs/methodology.md, "Calibration"); empty without calibration.</summary>
    public IReadOnlyList<Margin> Margins { get; init; } = [];
    /// <summary>How the weights are calibrated (the settings', or the default for the number of margins).</summary>
    public CalibrationMethod CalibrationMethod { get; init; }
    /// <summary>Whether the weights are calibrated.</summary>
    public bool Calibrated => Margins.Count > 0;
    /// <summary>The margins' variables, each once, in the order of the margins.</summary>
    public IReadOnlyList<string> CalibrationVariables => Margins.SelectMany(m => m.Variables).Distinct().ToArray();

    /// <summary>Why a calibrated run writes no partial (docs/partials.md, "Calibrated runs").</summary>
    public const string CalibratedPartial =
        "a calibrated run writes no partial: its weights are calibrated to the totals over all of its own surveys, so partials calibrated apart do not add up " +
        "to the calibration of their union, and the merge could not say so; write the partials without --calibrate (the merge does not calibrate)";

    /// <summary>The recode table, resolved on the run's columns; null without one.</summary>
    public Recode? Recode { get; init; }
    /// <summary>The columns that partition returnee_scores.parquet into a Hive-style tree, in folder order; empty for one file.</summary>
    public IReadOnlyList<string> PartitionColumns { get; init; } = [];

    /// <summary>A processor for one scoring thread, with the run's period, recode table and duplicates policy.</summary>
    public SurveyProcessor NewProcessor() => new(Layout, Settings.Period, Recode, Settings.Keep);

    /// <summary>What pass 1 needs to know of the run's rules.</summary>
    internal Passes.SurveyKeyScan.Rules KeyRules => new(Settings.Keep, Settings.Period);

    public static readonly Level[] DefaultLevels = [Level.All, Level.Parse("country"), Level.Parse("country+community")];
    public static readonly Level QuarterLevel = Level.Parse("country+quarter");

    public static RunPlan Create(RunSettings settings)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (settings.MinCell < 1) throw new SettingsException(RunSetting.MinCell, settings.MinCell.ToString(invariant), "must be at least 1");
        if (settings.Inputs.Count == 0) throw new SettingsException(RunSetting.Inputs, null, "give at least one input file or folder");
        if (settings.Formats == 0) throw new SettingsException(RunSetting.Formats, null, "name csv, parquet or both");
        if (settings.Threads < 0) throw new SettingsException(RunSetting.Threads, settings.Threads.ToString(invariant), "must be 0 (one per core) or more");
        if (settings.DateFormat is { } dateFormat && !SurveyDates.IsUsable(dateFormat))
            throw new SettingsException(RunSetting.DateFormat, $"\"{dateFormat}\"",
                "is not a date format that writes a day, a month and a year (such as dd/MM/yyyy, in .NET notation); leave it out for ISO 8601 dates");
        if (!(settings.ShortInterviewMinutes is > 0 and < 10000))
            throw new SettingsException(RunSetting.ShortInterviewMinutes, settings.ShortInterviewMinutes.ToString(invariant), "must be a number of minutes above 0");
        if (settings.Period is { From: { } from, To: { } to } && from > to)
            throw new SettingsException(RunSetting.From, SurveyPeriod.Text(from), $"is after the end of the period ({SurveyPeriod.Text(to)})");
        if (settings.AuditSamples is < 0 or > RunSettings.MaxAuditSamples)
            throw new SettingsException(RunSetting.AuditSamples, settings.AuditSamples.ToString(invariant), $"must be from 0 (no uncertainty analysis) to {RunSettings.MaxAuditSamples}");
        if (!(settings.MaxRejectedShare is >= 0 and <= 1))
            throw new SettingsException(RunSetting.MaxRejectedShare, settings.MaxRejectedShare.ToString(invariant), "must be a share between 0 and 1");
        if (settings.InsightsSample < MinInsightsSample)
            throw new SettingsException(RunSetting.InsightsSample, settings.InsightsSample.ToString(invariant), $"must be at least {MinInsightsSample} returnees");
        var scheme = settings.SchemePath is null ? Scheme.Rss15 : SchemeReader.Load(settings.SchemePath);
        if (!scheme.Languages.Contains(settings.Language))
            throw new SettingsException(RunSetting.Lang, settings.Language, $"the scheme {scheme.Id} has labels in {string.Join(", ", scheme.Languages)}");

        var mapping = ColumnMapping(settings, scheme);
        // Unweighted on purpose: no column is read as weights (the command line refuses --unweighted with a weight column named).
        if (settings.Unweighted) mapping.Remove(SurveyColumns.Weight);

        var options = new ReadOptions { ColumnMapping = mapping, Sheet = settings.Sheet, Unweighted = settings.Unweighted };
        var (files, skipped) = ExportsOf(settings.Inputs, scheme, options);
        var inputs = files.Select((file, index) => SurveyInput.Open(file, index, scheme, options)).ToArray();
        RefuseMissingNamedColumns(settings, mapping, inputs);

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
            DesignColumn(settings.ClusterColumn, RunSetting.Cluster, SurveyColumns.ReturneeId), DesignColumn(settings.StrataColumn, RunSetting.Strata))
        {
            Messages = RejectMessages.For(settings.Language),
        };
        Recode? recode = null;
        if (settings.Recode.Count > 0)
        {
            // Places and attributes only: a recoded id, date, round or weight would change which survey a row is.
            string[] recodable = [SurveyColumns.Country, SurveyColumns.Community, .. attributes];
            var table = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var (column, values) in settings.Recode)
            {
                var id = (column ?? "").Trim().ToLowerInvariant();
                if (!recodable.Contains(id))
                    throw new SettingsException(RunSetting.Recode, column, $"is not a column that can be recoded ({Describe(recodable, id)}); ids, dates, rounds, weights and answers are never recoded");
                if (values is null || values.Any(v => v.Value is null))
                    throw new SettingsException(RunSetting.Recode, column, "needs a value for every spelling: \"recode\": {\"country\": {\"Sénégal\": \"SEN\"}}");
                table[id] = values;
            }
            recode = new Recode(layout, table);
        }

        if (settings.Audit)
        {
            if (settings.AuditLevel.Variables.Count == 0)
                throw new SettingsException(RunSetting.AuditLevel, settings.AuditLevel.Name, "the audit ranks the groups of a level: name one with several groups, such as country");
            foreach (var variable in settings.AuditLevel.Variables)
                if (!groupable.Contains(variable))
                    throw new SettingsException(RunSetting.AuditLevel, settings.AuditLevel.Name, $"'{variable}' is not a column to group by ({Describe(groupable, variable)})");
        }

        foreach (var level in settings.ExtraLevels)
            foreach (var variable in level.Variables)
                if (!groupable.Contains(variable))
                    throw new SettingsException(RunSetting.Levels, level.Name, $"'{variable}' is not a column to group by ({Describe(groupable, variable)})");
        var (levels, quarterIsDefault) = LevelsOf(settings.ExtraLevels);

        var partitionColumns = PartitionColumnsOf(settings, groupable);
        if (settings.PartialOut is not null && layout.ClusterColumn == SurveyLayout.ReturneeId)
            throw new SettingsException(RunSetting.Cluster, settings.ClusterColumn, ReturneeClustersInPartial);
        if (settings.PartialOut is not null && settings.PartialKey is not null && Partials.PartialSignature.Problem(settings.PartialKey) is { } keyProblem)
            throw new SettingsException(RunSetting.PartialKey, null, keyProblem);
        if (settings.PartialPanel == PartialPanel.Returnees)
        {
            if (settings.PartialOut is null)
                throw new SettingsException(RunSetting.PartialPanel, "returnees", "is how a partial carries panel change; name the partial's folder too");
            if (Partials.ReturneeHash.Problem(settings.PartialSalt) is { } problem) throw new SettingsException(RunSetting.PartialSalt, null, problem);
        }

        string[]? driverTerms = null;
        if (settings.DriverTerms is { } named)
        {
            driverTerms = named.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToArray();
            if (driverTerms.Length == 0) throw new SettingsException(RunSetting.DriverTerms, string.Join(",", named), "name at least one column");
            foreach (var term in driverTerms)
                if (!groupable.Contains(term))
                    throw new SettingsException(RunSetting.DriverTerms, term, $"not a column the models can use ({Describe(groupable, term)})");
        }

        var measures = MeasuresOf(scheme, settings.Indicators);
        var (margins, method) = MarginsOf(settings, groupable);

        return new RunPlan
        {
            Settings = settings, Scheme = scheme, Inputs = inputs, Layout = layout, Levels = levels,
            QuarterLevelIsDefault = quarterIsDefault, Measures = measures, Recode = recode, PartitionColumns = partitionColumns,
            DriverTerms = driverTerms, SkippedInputs = skipped, Margins = margins, CalibrationMethod = method,
        };
    }

    /// <summary>
    /// The margins of the calibration, each file read and checked (<see cref="MarginFile"/>, a refused input), its
    /// variables columns to group by (not the quarter, which is not a column); and the method, checked against them.
    /// </summary>
    private static (IReadOnlyList<Margin> Margins, CalibrationMethod Method) MarginsOf(RunSettings settings, string[] groupable)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (settings.Calibrate.Count == 0)
        {
            if (settings.CalibrateMethod is { } m)
                throw new SettingsException(RunSetting.CalibrateMethod, SettingWords.Calibration(m), "calibrates to margins: give them with --calibrate");
            if (settings.CalibrateBounds is not null)
                throw new SettingsException(RunSetting.CalibrateBounds, null, "bound the calibration's weight ratios: give the margins with --calibrate");
            return ([], default);
        }
        if (settings.PartialOut is not null) throw new SettingsException(RunSetting.PartialOut, settings.PartialOut, CalibratedPartial);
        if (settings.CalibrateIterations is < 1 or > RunSettings.MaxCalibrateIterations)
            throw new SettingsException(RunSetting.CalibrateIterations, settings.CalibrateIterations.ToString(invariant), $"must be a whole number from 1 to {RunSettings.MaxCalibrateIterations:N0}");
        var allowed = groupable.Where(c => c != SurveyColumns.Quarter).ToArray();
        var margins = new List<Margin>();
        foreach (var path in settings.Calibrate)
        {
            var margin = MarginFile.Read(path);
            foreach (var variable in margin.Variables)
                if (!allowed.Contains(variable))
                    throw new SettingsException(RunSetting.Calibrate, path,
                        $"'{variable}' is not a column the calibration can use ({Describe(allowed, variable)}); a margin's columns are grouping columns of the exports and 'total'");
            if (margins.FirstOrDefault(m => m.Variables.SequenceEqual(margin.Variables)) is { } twice)
                throw new SettingsException(RunSetting.Calibrate, path, $"gives the margin of {string.Join(", ", margin.Variables)} again ({twice.Name})");
            margins.Add(margin);
        }
        var method = settings.CalibrateMethod ?? (margins.Count == 1 ? CalibrationMethod.Poststratify : CalibrationMethod.Rake);
        if (method == CalibrationMethod.Poststratify && margins.Count > 1)
            throw new SettingsException(RunSetting.CalibrateMethod, "poststratify",
                $"takes one margin, and {margins.Count} are given: rake or linear calibrate to several, or give one margin of all their variables (country,sex,total)");
        if (settings.CalibrateBounds is { } bounds)
        {
            if (method == CalibrationMethod.Poststratify)
                throw new SettingsException(RunSetting.CalibrateBounds, null, "post-stratification has no bounds (each level's ratio is its total over its surveys' weights): bound raking or linear calibration (--calibrate-method linear)");
            if (!(bounds.Lower >= 0 && bounds.Lower < 1 && bounds.Upper > 1 && double.IsFinite(bounds.Upper)))
                throw new SettingsException(RunSetting.CalibrateBounds, $"{bounds.Lower.ToString("R", invariant)},{bounds.Upper.ToString("R", invariant)}",
                    "must be two numbers L,U with 0 ≤ L < 1 < U, such as 0.3,3: the smallest and largest ratio of a calibrated weight to its base weight");
        }
        return (margins, method);
    }

    /// <summary>
    /// The files to read: those given, and those found in the folders given, less the folders' files that are
    /// not exports (<see cref="SkippedInput"/>); a folder none of whose files is an export is refused.
    /// </summary>
    private static (IReadOnlyList<string> Files, IReadOnlyList<SkippedInput> Skipped) ExportsOf(IReadOnlyList<string> inputs, Scheme scheme, ReadOptions options)
    {
        var files = new List<string>();
        var skipped = new List<SkippedInput>();
        foreach (var (file, inFolder) in InputFiles.ExpandListed(inputs))
        {
            if (inFolder && SkippedInput.Why(file, scheme, options) is { } reason) skipped.Add(new SkippedInput(file, reason));
            else files.Add(file);
        }
        if (files.Count == 0)
        {
            var names = string.Join(", ", skipped.Select(s => System.IO.Path.GetFileName(s.Path)));
            throw new InputRefusedException(inputs[0], Wording.Said.Of(t => t.Refusals.NoExport, names));
        }
        return (files, skipped);
    }

    /// <summary>The levels of a run, in output order: the defaults, country+quarter, then those asked for; and whether country+quarter is a default.</summary>
    internal static (IReadOnlyList<Level> Levels, bool QuarterLevelIsDefault) LevelsOf(IReadOnlyList<Level> extra)
    {
        var levels = DefaultLevels.Append(QuarterLevel).ToList();
        foreach (var level in extra)
            if (levels.All(l => l.Name != level.Name)) levels.Add(level);
        return (levels, !extra.Any(l => l.Name == QuarterLevel.Name));
    }

    /// <summary>The measures estimated: composite, the dimensions, and the indicators when asked.</summary>
    internal static IReadOnlyList<string> MeasuresOf(Scheme scheme, bool indicators)
    {
        var measures = new List<string> { "composite" };
        measures.AddRange(scheme.Dimensions.Select(d => d.Id));
        if (indicators) measures.AddRange(scheme.Indicators.Select(i => ScoreColumns.IndicatorColumn(i.Id)));
        return measures;
    }

    /// <summary>The partition columns, checked: columns to group by (not a returnee id, a date or a score), each once, with Parquet among the formats.</summary>
    private static string[] PartitionColumnsOf(RunSettings settings, string[] groupable)
    {
        if (settings.PartitionBy.Count == 0) return [];
        var given = string.Join(",", settings.PartitionBy);
        if (!settings.Formats.HasFlag(OutputFormats.Parquet))
            throw new SettingsException(RunSetting.PartitionBy, given, "partitions returnee_scores.parquet, so the formats must include parquet");
        var columns = settings.PartitionBy.SelectMany(c => c.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(c => c.ToLowerInvariant()).ToArray();
        if (columns.Length == 0) throw new SettingsException(RunSetting.PartitionBy, given, "names no column");
        foreach (var column in columns)
        {
            if (!groupable.Contains(column))
                throw new SettingsException(RunSetting.PartitionBy, column, $"is not a column to partition by ({Describe(groupable, column)})");
            if (HivePath.NameProblem(column) is { } problem) throw new SettingsException(RunSetting.PartitionBy, column, problem);
        }
        if (columns.Distinct().Count() != columns.Length) throw new SettingsException(RunSetting.PartitionBy, given, "names a column twice");
        if (columns.Length > Level.MaxVariables) throw new SettingsException(RunSetting.PartitionBy, given, $"names {columns.Length} columns; at most {Level.MaxVariables}");
        return columns;
    }

    /// <summary>
    /// The column mapping with <c>--weight COL</c> in it, checked: ids of the run, each with a header, no
    /// header given to two ids, and no weight column that holds another column of the run.
    /// </summary>
    private static Dictionary<string, string> ColumnMapping(RunSettings settings, Scheme scheme)
    {
        var mappable = SurveyColumns.Record.Concat(scheme.Questions.Select(q => q.Id)).ToHashSet();
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (given, header) in settings.ColumnMapping)
        {
            var id = (given ?? "").Trim().ToLowerInvariant();
            if (!mappable.Contains(id))
                throw new SettingsException(RunSetting.Columns, given, $"names '{given}', which is neither a record column ({string.Join(", ", SurveyColumns.Record)}) nor a question of {scheme.Id}");
            if (string.IsNullOrWhiteSpace(header))
                throw new SettingsException(RunSetting.Columns, id, "has no header: give the header of the export that holds it, or leave it out");
            if (!mapping.TryAdd(id, header))
                throw new SettingsException(RunSetting.Columns, id, "is given twice");
        }
        if (settings.WeightColumn is { } weight)
        {
            var key = weight.Trim().ToLowerInvariant();
            if (key.Length == 0) throw new SettingsException(RunSetting.Weight, "\"\"", "is empty: name the column of sampling weights, or leave it out");
            if (mappable.Contains(key) && key != SurveyColumns.Weight)
                throw new SettingsException(RunSetting.Weight, weight,
                    SurveyColumns.Record.Contains(key) ? $"is the {key} column of the survey, not a column of sampling weights; name the column that holds the weights"
                    : $"is a question of {scheme.Id}, not a column of sampling weights; name the column that holds the weights");
            if (key != SurveyColumns.Weight) mapping[SurveyColumns.Weight] = weight;
        }
        foreach (var twice in mapping.GroupBy(p => p.Value.Trim().ToLowerInvariant()).Where(g => g.Count() > 1))
            throw new SettingsException(RunSetting.Columns, null,
                $"{string.Join(" and ", twice.Select(p => p.Key).Order(StringComparer.Ordinal))} are both given the header '{twice.First().Value}'; a header holds one column");
        return mapping;
    }

    /// <summary>
    /// The positions of the levels written, in order: country+quarter only when the scored surveys span
    /// more than one quarter, or when it was asked for.
    /// </summary>
    public IReadOnlyList<int> OutputLevels(bool severalQuarters) => Estimation.OutputLevels(severalQuarters);

    /// <summary>What the estimates depend on once the surveys are in their cells (what a partial records).</summary>
    public EstimationPlan Estimation => new()
    {
        Scheme = Scheme, Levels = Levels, QuarterLevelIsDefault = QuarterLevelIsDefault, Measures = Measures,
        WeightColumn = Settings.WeightColumn?.Trim().ToLowerInvariant() ?? SurveyColumns.Weight,
        ClusterColumn = Layout.ClusterColumn < 0 ? null : Layout.NameOf(Layout.ClusterColumn),
        StrataColumn = Layout.StrataColumn < 0 ? null : Layout.NameOf(Layout.StrataColumn),
        MinCell = Settings.MinCell, Ci = Settings.Ci, Df = Settings.Df, Fdr = Settings.Fdr,
    };

    private static string Describe(IEnumerable<string> columns, string wanted)
    {
        var list = columns.ToArray();
        var closest = HeaderMap.Closest(wanted, list);
        return $"columns: {string.Join(", ", list)}" + (closest is null ? "" : $"; did you mean {closest}?");
    }

    /// <summary>
    /// A column the settings name for an optional record column (<c>--weight</c>, or the column mapping for
    /// weight, community or round) must be in every input: without it the rows of that input would quietly
    /// get a weight of 1, or no community, and the estimates would be wrong. A required column named by the
    /// mapping is refused by the input's header map (a missing required column).
    /// </summary>
    private static void RefuseMissingNamedColumns(RunSettings settings, IReadOnlyDictionary<string, string> mapping, IReadOnlyList<SurveyInput> inputs)
    {
        var named = mapping.Where(p => !SurveyColumns.Required.Contains(p.Key) && SurveyColumns.Record.Contains(p.Key)).ToList();
        if (settings.WeightColumn is not null && !settings.Unweighted && !mapping.ContainsKey(SurveyColumns.Weight)) named.Add(KeyValuePair.Create(SurveyColumns.Weight, settings.WeightColumn));
        foreach (var (id, header) in named)
            foreach (var input in inputs)
            {
                if (input.Header.Ids.Contains(id)) continue;
                var closest = HeaderMap.Closest(header, input.Header.Headers);
                var problem = $"{input.Path} has no column '{header}'" + (closest is null ? "" : $"; did you mean '{closest}'?");
                if (id == SurveyColumns.Weight && settings.WeightColumn is not null) throw new SettingsException(RunSetting.Weight, settings.WeightColumn, problem);
                throw new SettingsException(RunSetting.Columns, $"{id}: {header}", problem);
            }
    }
}
