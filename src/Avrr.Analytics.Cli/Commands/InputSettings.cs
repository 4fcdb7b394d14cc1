using System.ComponentModel;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary>The flags of commands that read survey exports (run, validate).</summary>
public class InputSettings : CommandSettings
{
    [CommandArgument(0, "[INPUT]")]
    [LocalizedDescription("Survey exports: .csv, .tsv, .txt, .xlsx or .parquet files, or folders of them.")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--config <FILE>")]
    [LocalizedDescription("A JSON evaluation file with the run's settings; flags win over it.")]
    public string? Config { get; init; }

    [CommandOption("--scheme <FILE>")]
    [LocalizedDescription("A scheme file; the built-in rss-15 (equal weights) otherwise.")]
    public string? Scheme { get; init; }

    [CommandOption("--weight <COL>")]
    [LocalizedDescription("The column of sampling weights (default: weight; 1 when absent).")]
    public string? Weight { get; init; }

    [CommandOption("--unweighted")]
    [LocalizedDescription("The survey has no sampling weights: every survey weighs 1, no column is read as weights, and no warning says a column looks like weights.")]
    public bool? Unweighted { get; init; }

    [CommandOption("--cluster <COL>")]
    [LocalizedDescription("The column of clusters (primary sampling units) of the survey design.")]
    public string? Cluster { get; init; }

    [CommandOption("--strata <COL>")]
    [LocalizedDescription("The column of strata of the survey design.")]
    public string? Strata { get; init; }

    [CommandOption("--date-format <FORMAT>")]
    [LocalizedDescription("The form of survey_date when it is not ISO 8601, in .NET notation (e.g. dd/MM/yyyy).")]
    public string? DateFormat { get; init; }

    [CommandOption("--sheet <NAME>")]
    [LocalizedDescription("The sheet of XLSX inputs (default: the first).")]
    public string? Sheet { get; init; }

    [CommandOption("--period <QUARTER>")]
    [LocalizedDescription("Only the surveys dated in this quarter (e.g. 2025-Q3) or year; the others are counted as outside the period.")]
    public string? Period { get; init; }

    [CommandOption("--from <DATE>")]
    [LocalizedDescription("Only the surveys dated on or after this day (yyyy-MM-dd).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [LocalizedDescription("Only the surveys dated on or before this day (yyyy-MM-dd).")]
    public string? To { get; init; }

    [CommandOption("--keep <WHICH>")]
    [LocalizedDescription("Which submission of a repeated survey is kept: first, or last (the latest by _submission_time, else the last in input order).")]
    public string? Keep { get; init; }

    [CommandOption("--short-interview-minutes <MINUTES>")]
    [LocalizedDescription("Interviews shorter than this (from the form's start and end) are flagged, never rejected (default: 5).")]
    public string? ShortInterviewMinutes { get; init; }

    [CommandOption("--lang <LANG>")]
    [LocalizedDescription("Language for people: en or fr (default: en). Progress, messages, the report and rejects.csv's messages follow it.")]
    public string? Lang { get; init; }

    [CommandOption("--threads <N>")]
    [LocalizedDescription("Threads for decoding and scoring (default: one per core; at most 4 per core). Results do not depend on it.")]
    public string? Threads { get; init; }

    /// <summary>The run settings from these flags over the evaluation file over the defaults, and where each came from.</summary>
    internal (RunSettings Settings, SettingSources Sources) ToRunSettings(string command, Func<EvaluationFile, RunSettings, SettingSources, RunSettings>? more = null)
    {
        // An evaluation file given as an input (avrr run q3.json) is a --config forgotten.
        if (Inputs.FirstOrDefault(i => i.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(i)) is { } json)
        {
            string Say(Words words) => words.Format(words.JsonInput, command, json);
            throw new UsageException(Say(Words.English)) { French = Say(Words.French) };
        }
        var file = Config is null ? new EvaluationFile() : EvaluationFile.Load(Config, deferProblems: true);
        var sources = new SettingSources(Config, file.Lines, file.Problems);
        var inputs = Inputs.Length > 0 ? Inputs : sources.Pick<IReadOnlyList<string>>(RunSetting.Inputs, null, file.Inputs) ?? [];
        if (inputs.Count == 0 && file.Problems.Count == 0) throw new UsageException(Said.Of(c => c.Usage.NoInput));
        try
        {
            var settings = Build(inputs, file, sources, more);
            sources.ThrowProblems();
            if (settings.Unweighted && (Weight ?? (file.WeightIsNull ? null : file.Weight)) is { } weight)
            {
                var named = Weight is not null ? $"--weight {weight}" : $"\"weight\": \"{weight}\" ({Config})";
                string Say(Words words) => words.Format(words.UnweightedAndWeight, named);
                throw new UsageException(Say(Words.English)) { French = Say(Words.French) };
            }
            return (settings, sources);
        }
        catch (SettingsException e)
        {
            throw new UsageException(sources.Word(e));
        }
    }

    private RunSettings Build(IReadOnlyList<string> inputs, EvaluationFile file, SettingSources sources, Func<EvaluationFile, RunSettings, SettingSources, RunSettings>? more)
    {
        var settings = new RunSettings
        {
            Inputs = inputs,
            SchemePath = sources.Pick(RunSetting.Scheme, Scheme, file.Scheme),
            WeightColumn = sources.Pick(RunSetting.Weight, Weight, file.Weight),
            // "weight": null in the file says the same as --unweighted, unless --weight names a column.
            Unweighted = Unweighted is true || (Weight is null && (file.Unweighted is true || file.WeightIsNull)),
            ClusterColumn = sources.Pick(RunSetting.Cluster, Cluster, file.Cluster),
            StrataColumn = sources.Pick(RunSetting.Strata, Strata, file.Strata),
            DateFormat = sources.Pick(RunSetting.DateFormat, DateFormat, file.DateFormat),
            Sheet = sources.Pick(RunSetting.Sheet, Sheet, file.Sheet),
            ColumnMapping = sources.Pick<IReadOnlyDictionary<string, string>>(RunSetting.Columns, null, file.Columns) ?? new Dictionary<string, string>(),
            Recode = sources.Pick<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(RunSetting.Recode, null, file.Recode)
                ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            Period = sources.Try(() => PeriodFrom(sources, file), null),
            Keep = sources.Try(() => FlagValues.Keep(sources.Pick(RunSetting.Keep, Keep, file.Keep)), null) ?? DuplicatePolicy.KeepFirst,
            ShortInterviewMinutes = sources.Try(() => FlagValues.Number(RunSetting.ShortInterviewMinutes, sources.Pick(RunSetting.ShortInterviewMinutes, ShortInterviewMinutes,
                file.ShortInterviewMinutes?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), t => t.Minutes), null) ?? RunSettings.DefaultShortInterviewMinutes,
            Language = FlagValues.Language(sources.Pick(RunSetting.Lang, Lang, file.Lang)) ?? "en",
            Threads = sources.Try(() => FlagValues.WholeNumber(RunSetting.Threads, Threads, 0, int.MaxValue), null) ?? 0,
        };
        return more is null ? settings : more(file, settings, sources);
    }

    /// <summary>The period from the flags when any is given (they replace the file's), else from the file.</summary>
    private SurveyPeriod? PeriodFrom(SettingSources sources, EvaluationFile file)
    {
        if (Period is not null || From is not null || To is not null) return FlagValues.Period(Period, From, To);
        sources.Pick(RunSetting.Period, null, file.Period);
        sources.Pick(RunSetting.From, null, file.From);
        sources.Pick(RunSetting.To, null, file.To);
        return FlagValues.Period(file.Period, file.From, file.To);
    }

    /// <summary>Says so when --threads asks for more threads than a run starts (the run uses the most it may).</summary>
    internal static void NoteThreads(IAnsiConsole console, RunSettings settings)
    {
        if (settings.Threads <= RunSettings.MaxThreads) return;
        console.MarkupLine("[yellow]note:[/] " + Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"--threads {settings.Threads}: using {settings.ThreadsUsed} threads, the most a run starts on this machine (4 per core, {Environment.ProcessorCount} cores); the results do not depend on it")));
    }

    internal static IReadOnlyList<Level> ParseLevels(IEnumerable<string> texts)
    {
        try { return texts.SelectMany(Level.ParseList).ToArray(); }
        catch (FormatException e) { throw new SettingsException(RunSetting.Levels, string.Join(";", texts), e.Message); }
    }
}
