using System.ComponentModel;
using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;
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

        [CommandOption("--no-audit")]
        [Description("Do not audit the index (audit/: coherence, reliability, derived weights, rank uncertainty).")]
        public bool? NoAudit { get; init; }

        [CommandOption("--audit-samples <N>")]
        [Description("Base samples of the audit's uncertainty analysis; N × 7 variants are scored (default: 32; 0 skips it).")]
        public int? AuditSamples { get; init; }

        [CommandOption("--audit-seed <S>")]
        [Description("Seed of the audit's uncertainty analysis (default: 1). The same seed gives the same audit.")]
        public int? AuditSeed { get; init; }

        [CommandOption("--audit-level <LEVEL>")]
        [Description("The level whose groups the audit describes and ranks (default: country), e.g. country+sex.")]
        public string? AuditLevel { get; init; }

        [CommandOption("--quiet")]
        [Description("No progress, only the final summary.")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (run, sources) = settings.ToRunSettings((file, s, sources) => s with
        {
            OutputFolder = sources.Pick(RunSetting.Out, settings.Out, file.Out) ?? "results",
            ExtraLevels = sources.Pick(RunSetting.Levels, settings.Levels is null ? null : new[] { settings.Levels }, file.Levels?.ToArray()) is { } levels
                ? InputSettings.ParseLevels(levels) : [],
            MinCell = sources.Pick(RunSetting.MinCell, settings.MinCell, file.MinCell) ?? 5,
            Language = sources.Pick(RunSetting.Lang, settings.Lang, file.Lang) ?? "en",
            Formats = ParseFormats(sources.Pick(RunSetting.Formats, settings.Formats is null ? null : new[] { settings.Formats }, file.Formats?.ToArray()) ?? ["csv", "parquet"]),
            Indicators = sources.Pick(RunSetting.Indicators, settings.Indicators, file.Indicators) ?? false,
            MaxRejectedShare = sources.Pick(RunSetting.MaxRejectedShare, settings.MaxRejectedShare, file.MaxRejectedShare) ?? RunSettings.DefaultMaxRejectedShare,
            Audit = sources.Pick(RunSetting.Audit, settings.NoAudit is true ? false : null, file.Audit) ?? true,
            AuditSamples = sources.Pick(RunSetting.AuditSamples, settings.AuditSamples, file.AuditSamples) ?? s.AuditSamples,
            AuditSeed = sources.Pick(RunSetting.AuditSeed, settings.AuditSeed, file.AuditSeed) ?? s.AuditSeed,
            AuditLevel = sources.Pick(RunSetting.AuditLevel, settings.AuditLevel, file.AuditLevel) is { } level ? ParseLevel(level) : s.AuditLevel,
        });
        try
        {
            var result = RunProgress.Run(console, settings.Quiet, observer => EvaluationRun.Execute(run, observer, cancellationToken));
            Summary.Print(console, result, run);
            return (int)(result.RejectedShareAbove(run.MaxRejectedShare) ? ExitCode.TooManyRejected : ExitCode.Done);
        }
        catch (SettingsException e)
        {
            throw new UsageException(sources.Word(e));
        }
    }

    private static Level ParseLevel(string text)
    {
        try { return Level.Parse(text); }
        catch (FormatException e) { throw new SettingsException(RunSetting.AuditLevel, text, e.Message); }
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
                _ => throw new SettingsException(RunSetting.Formats, name, "unknown format (csv, parquet)"),
            };
        }
        if (formats == 0) throw new SettingsException(RunSetting.Formats, null, "name csv, parquet or both");
        return formats;
    }
}
