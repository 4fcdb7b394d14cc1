using System.ComponentModel;
using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.IO.Run;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary><c>avrr run INPUT... [--out DIR] [--config FILE]</c>: the quarterly evaluation.</summary>
public sealed class RunCommand(IAnsiConsole console) : Command<RunCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("The result folder (default: results). Replaced as a whole, only when the run succeeds.")]
        public string? Out { get; init; }

        [CommandOption("--levels <LEVELS>")]
        [Description("More levels besides all, country, country+community (and country+quarter): e.g. \"country+sex;assistance_type\".")]
        public string? Levels { get; init; }

        [CommandOption("--min-cell <N>")]
        [Description("Withhold every statistic of a group with fewer surveys than this (default: 5).")]
        public int? MinCell { get; init; }

        [CommandOption("--lang <LANG>")]
        [Description("Language of labels for people: en or fr (default: en).")]
        public string? Lang { get; init; }

        [CommandOption("--formats <LIST>")]
        [Description("Output formats: csv, parquet or csv,parquet (default: both).")]
        public string? Formats { get; init; }

        [CommandOption("--indicators")]
        [Description("Estimate each indicator too, not only the composite and the dimensions.")]
        public bool? Indicators { get; init; }

        [CommandOption("--max-rejected-share <SHARE>")]
        [Description("Exit with code 1 (outputs still written) when more than this share of the rows is rejected (default: 0.10).")]
        public double? MaxRejectedShare { get; init; }

        [CommandOption("--quiet")]
        [Description("No progress, only the final summary.")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var run = settings.ToRunSettings((file, s) => s with
        {
            OutputFolder = settings.Out ?? file.Out ?? "results",
            ExtraLevels = settings.Levels is not null ? InputSettings.ParseLevels("--levels", [settings.Levels])
                : file.Levels is not null ? InputSettings.ParseLevels("levels", file.Levels) : [],
            MinCell = settings.MinCell ?? file.MinCell ?? 5,
            Language = settings.Lang ?? file.Lang ?? "en",
            Formats = ParseFormats(settings.Formats is not null ? [settings.Formats] : file.Formats ?? ["csv", "parquet"]),
            Indicators = settings.Indicators ?? file.Indicators ?? false,
            MaxRejectedShare = settings.MaxRejectedShare ?? file.MaxRejectedShare ?? RunSettings.DefaultMaxRejectedShare,
        });
        if (run.MaxRejectedShare is < 0 or > 1 || double.IsNaN(run.MaxRejectedShare))
            throw new SettingsException($"--max-rejected-share must be a share between 0 and 1, got {run.MaxRejectedShare.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var result = RunProgress.Run(console, settings.Quiet, observer => EvaluationRun.Execute(run, observer));
        Summary.Print(console, result, run);
        return (int)(result.RejectedShareAbove(run.MaxRejectedShare) ? ExitCode.TooManyRejected : ExitCode.Done);
    }

    internal static OutputFormats ParseFormats(IEnumerable<string> texts)
    {
        OutputFormats formats = 0;
        foreach (var name in texts.SelectMany(t => t.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)))
        {
            formats |= name.Trim().ToLowerInvariant() switch
            {
                "csv" => OutputFormats.Csv,
                "parquet" => OutputFormats.Parquet,
                _ => throw new SettingsException($"--formats: unknown format '{name}' (csv, parquet)"),
            };
        }
        if (formats == 0) throw new SettingsException("--formats must name csv, parquet or both");
        return formats;
    }
}
