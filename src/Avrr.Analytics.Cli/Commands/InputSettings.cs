using System.ComponentModel;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Runs.Planning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary>The flags of commands that read survey exports (run, validate).</summary>
public class InputSettings : CommandSettings
{
    [CommandArgument(0, "[INPUT]")]
    [Description("Survey exports: .csv, .tsv, .txt, .xlsx or .parquet files, or folders of them.")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--config <FILE>")]
    [Description("A JSON evaluation file with the run's settings; flags win over it.")]
    public string? Config { get; init; }

    [CommandOption("--scheme <FILE>")]
    [Description("A scheme file; the built-in rss-15 (equal weights) otherwise.")]
    public string? Scheme { get; init; }

    [CommandOption("--weight <COL>")]
    [Description("The column of sampling weights (default: weight; 1 when absent).")]
    public string? Weight { get; init; }

    [CommandOption("--cluster <COL>")]
    [Description("The column of clusters (primary sampling units) of the survey design.")]
    public string? Cluster { get; init; }

    [CommandOption("--strata <COL>")]
    [Description("The column of strata of the survey design.")]
    public string? Strata { get; init; }

    [CommandOption("--date-format <FORMAT>")]
    [Description("The form of survey_date when it is not ISO 8601, in .NET notation (e.g. dd/MM/yyyy).")]
    public string? DateFormat { get; init; }

    [CommandOption("--sheet <NAME>")]
    [Description("The sheet of XLSX inputs (default: the first).")]
    public string? Sheet { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Threads for decoding and scoring (default: one per core; at most 4 per core). Results do not depend on it.")]
    public int? Threads { get; init; }

    /// <summary>The run settings from these flags over the evaluation file over the defaults, and where each came from.</summary>
    internal (RunSettings Settings, SettingSources Sources) ToRunSettings(Func<EvaluationFile, RunSettings, SettingSources, RunSettings>? more = null)
    {
        var file = Config is null ? new EvaluationFile() : EvaluationFile.Load(Config);
        var sources = new SettingSources(Config);
        var inputs = Inputs.Length > 0 ? Inputs : sources.Pick<IReadOnlyList<string>>(RunSetting.Inputs, null, file.Inputs) ?? [];
        if (inputs.Count == 0) throw new UsageException("give at least one INPUT file or folder (or \"inputs\" in --config)");
        var settings = new RunSettings
        {
            Inputs = inputs,
            SchemePath = sources.Pick(RunSetting.Scheme, Scheme, file.Scheme),
            WeightColumn = sources.Pick(RunSetting.Weight, Weight, file.Weight),
            ClusterColumn = sources.Pick(RunSetting.Cluster, Cluster, file.Cluster),
            StrataColumn = sources.Pick(RunSetting.Strata, Strata, file.Strata),
            DateFormat = sources.Pick(RunSetting.DateFormat, DateFormat, file.DateFormat),
            Sheet = sources.Pick(RunSetting.Sheet, Sheet, file.Sheet),
            ColumnMapping = sources.Pick<IReadOnlyDictionary<string, string>>(RunSetting.Columns, null, file.Columns) ?? new Dictionary<string, string>(),
            Threads = Threads ?? 0,
        };
        return (more is null ? settings : more(file, settings, sources), sources);
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
