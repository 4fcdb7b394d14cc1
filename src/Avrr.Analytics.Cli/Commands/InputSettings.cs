using System.ComponentModel;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Run;
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
    [Description("Threads for decoding and scoring (default: one per core). Results do not depend on it.")]
    public int? Threads { get; init; }

    /// <summary>The run settings from these flags over the evaluation file over the defaults.</summary>
    internal RunSettings ToRunSettings(Func<EvaluationFile, RunSettings, RunSettings>? more = null)
    {
        var file = Config is null ? new EvaluationFile() : EvaluationFile.Load(Config);
        var inputs = Inputs.Length > 0 ? Inputs : file.Inputs ?? [];
        if (inputs.Count == 0) throw new SettingsException("give at least one INPUT file or folder (or \"inputs\" in --config)");
        if (Threads is < 0) throw new SettingsException($"--threads must be 0 or more, got {Threads}");
        var settings = new RunSettings
        {
            Inputs = inputs,
            SchemePath = Scheme ?? file.Scheme,
            WeightColumn = Weight ?? file.Weight,
            ClusterColumn = Cluster ?? file.Cluster,
            StrataColumn = Strata ?? file.Strata,
            DateFormat = DateFormat ?? file.DateFormat,
            Sheet = Sheet ?? file.Sheet,
            ColumnMapping = file.Columns ?? new Dictionary<string, string>(),
            Threads = Threads ?? 0,
        };
        return more is null ? settings : more(file, settings);
    }

    internal static IReadOnlyList<Level> ParseLevels(string flag, IEnumerable<string> texts)
    {
        try { return texts.SelectMany(Level.ParseList).ToArray(); }
        catch (FormatException e) { throw new SettingsException($"{flag}: {e.Message}"); }
    }
}
