using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary><c>avrr run INPUT... [--out DIR] [--config FILE]</c>: the quarterly evaluation.</summary>
public sealed class RunCommand(IAnsiConsole console, ProgressConsole progress) : Command<RunCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandOption("--out <DIR>")]
        [LocalizedDescription("The result folder (default: results). Replaced as a whole, only when the run succeeds.")]
        public string? Out { get; init; }

        [CommandOption("--levels <LEVELS>")]
        [LocalizedDescription("More levels besides all, country, country+community (and country+quarter): e.g. \"country+sex;assistance_type\".")]
        public string? Levels { get; init; }

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

        [CommandOption("--formats <LIST>")]
        [LocalizedDescription("Output formats: csv, parquet or csv,parquet (default: both).")]
        public string? Formats { get; init; }

        [CommandOption("--indicators")]
        [LocalizedDescription("Estimate each indicator too, not only the composite and the dimensions.")]
        public bool? Indicators { get; init; }

        [CommandOption("--max-rejected-share <SHARE>")]
        [LocalizedDescription("Exit with code 1 (outputs still written) when more than this share of the rows is rejected (default: 0.10).")]
        public string? MaxRejectedShare { get; init; }

        [CommandOption("--no-report")]
        [LocalizedDescription("Do not write report.html and results.xlsx.")]
        public bool? NoReport { get; init; }

        [CommandOption("--partial-out <DIR>")]
        [LocalizedDescription("Also write a partial: the cells' sums that avrr merge turns into the tables of several runs together (docs/partials.md).")]
        public string? PartialOut { get; init; }

        [CommandOption("--partial-panel <HOW>")]
        [LocalizedDescription("How the partial carries panel change: cells (default; each returnee's surveys in one partial) or returnees (a summary per returnee, keyed by a salted hash; the salt in AVRR_PARTIAL_SALT).")]
        public string? PartialPanel { get; init; }

        [CommandOption("--partition-by <COLS>")]
        [LocalizedDescription("Write returnee_scores.parquet as a Hive-style tree partitioned by these columns, e.g. country,quarter.")]
        public string? PartitionBy { get; init; }

        [CommandOption("--no-insights")]
        [LocalizedDescription("Skip the insights (profiles, drivers, early warning) and the profile column of returnee_scores.")]
        public bool? NoInsights { get; init; }

        [CommandOption("--insights-seed <N>")]
        [LocalizedDescription("Seed of the insights' sample and models (default: 1). The same seed gives the same insights.")]
        public string? InsightsSeed { get; init; }

        [CommandOption("--insights-sample <N>")]
        [LocalizedDescription("Returnees in the seeded training sample of the insights (default: 5000).")]
        public string? InsightsSample { get; init; }

        [CommandOption("--driver-terms <LIST>")]
        [LocalizedDescription("The attributes of the drivers' models, e.g. \"sex,assistance_type,country\" (default: country and every attribute with 2 to 20 values).")]
        public string? DriverTerms { get; init; }

        [CommandOption("--no-audit")]
        [LocalizedDescription("Do not audit the index (audit/: coherence, reliability, derived weights, rank uncertainty).")]
        public bool? NoAudit { get; init; }

        [CommandOption("--audit-samples <N>")]
        [LocalizedDescription("Base samples of the audit's uncertainty analysis; N × 7 variants are scored (default: 256; 0 skips it).")]
        public string? AuditSamples { get; init; }

        [CommandOption("--audit-seed <S>")]
        [LocalizedDescription("Seed of the audit's uncertainty analysis (default: 1). The same seed gives the same audit.")]
        public string? AuditSeed { get; init; }

        [CommandOption("--audit-level <LEVEL>")]
        [LocalizedDescription("The level whose groups the audit describes and ranks (default: country), e.g. country+sex.")]
        public string? AuditLevel { get; init; }

        [CommandOption("--calibrate <FILE>")]
        [LocalizedDescription("Calibrate the weights to the population totals of a margin: a CSV file of the margin's columns and total (e.g. country,sex,total). Repeat for several margins.")]
        public string[]? Calibrate { get; init; }

        [CommandOption("--calibrate-method <METHOD>")]
        [LocalizedDescription("How the weights are calibrated: poststratify (the default for one margin), rake (the default for several) or linear.")]
        public string? CalibrateMethod { get; init; }

        [CommandOption("--calibrate-bounds <L,U>")]
        [LocalizedDescription("Bounds of the ratio of a calibrated weight to its base weight, e.g. 0.3,3 (rake and linear; linear with bounds is the truncated linear method).")]
        public string? CalibrateBounds { get; init; }

        [CommandOption("--calibrate-iterations <N>")]
        [LocalizedDescription("The iterations a calibration may take before it is refused (default: 50).")]
        public string? CalibrateIterations { get; init; }

        [CommandOption("--quiet")]
        [LocalizedDescription("No progress, only the final summary.")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (run, sources) = settings.ToRunSettings("run", (file, s, sources) => s with
        {
            OutputFolder = sources.Pick(RunSetting.Out, settings.Out, file.Out) ?? "results",
            ExtraLevels = sources.Pick(RunSetting.Levels, settings.Levels is null ? null : new[] { settings.Levels }, file.Levels?.ToArray()) is { } levels
                ? sources.Try(() => InputSettings.ParseLevels(levels), []) : [],
            MinCell = sources.Try(() => FlagValues.WholeNumber(RunSetting.MinCell, sources.Pick(RunSetting.MinCell, settings.MinCell, file.MinCell?.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, int.MaxValue), null) ?? 5,
            Ci = sources.Try(() => ParseCi(sources.Pick(RunSetting.Ci, settings.Ci, file.Ci)), IntervalMethod.StudentT),
            Df = sources.Try(() => ParseDf(sources.Pick(RunSetting.Df, settings.Df, file.Df)), DegreesOfFreedomRule.Domain),
            Fdr = sources.Try(() => ParseFdr(sources.Pick(RunSetting.Fdr, settings.Fdr, file.Fdr)), Inference.MultipleTesting.BenjaminiHochberg),
            Formats = sources.Try(() => ParseFormats(sources.Pick(RunSetting.Formats, settings.Formats is null ? null : new[] { settings.Formats }, file.Formats?.ToArray()) ?? ["csv", "parquet"]), OutputFormats.Csv | OutputFormats.Parquet),
            Indicators = sources.Pick(RunSetting.Indicators, settings.Indicators, file.Indicators) ?? false,
            MaxRejectedShare = sources.Try(() => FlagValues.Number(RunSetting.MaxRejectedShare, sources.Pick(RunSetting.MaxRejectedShare, settings.MaxRejectedShare,
                file.MaxRejectedShare?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), t => t.Share), null) ?? RunSettings.DefaultMaxRejectedShare,
            Report = sources.Pick(RunSetting.Report, settings.NoReport is true ? false : (bool?)null, file.Report) ?? true,
            PartialOut = sources.Pick(RunSetting.PartialOut, settings.PartialOut, file.PartialOut),
            PartialPanel = sources.Try(() => ParsePartialPanel(sources.Pick(RunSetting.PartialPanel, settings.PartialPanel, file.PartialPanel)), Runs.Planning.PartialPanel.Cells),
            PartialSalt = Environment.GetEnvironmentVariable(SettingNames.PartialSaltVariable),
            PartialKey = Environment.GetEnvironmentVariable(SettingNames.PartialKeyVariable) is { Length: > 0 } key ? key : null,
            PartitionBy = sources.Pick(RunSetting.PartitionBy, settings.PartitionBy is null ? null : new[] { settings.PartitionBy }, file.PartitionBy?.ToArray()) ?? [],
            Insights = sources.Pick(RunSetting.Insights, settings.NoInsights is true ? false : (bool?)null, file.Insights) ?? true,
            InsightsSeed = sources.Try(() => FlagValues.WholeNumber(RunSetting.InsightsSeed, sources.Pick(RunSetting.InsightsSeed, settings.InsightsSeed,
                file.InsightsSeed?.ToString(System.Globalization.CultureInfo.InvariantCulture)), int.MinValue, int.MaxValue), null) ?? RunSettings.DefaultInsightsSeed,
            // The least size is the plan's (RunPlan.MinInsightsSample), which words it in returnees.
            InsightsSample = sources.Try(() => FlagValues.WholeNumber(RunSetting.InsightsSample, sources.Pick(RunSetting.InsightsSample, settings.InsightsSample,
                file.InsightsSample?.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, int.MaxValue), null) ?? RunSettings.DefaultInsightsSample,
            DriverTerms = sources.Pick(RunSetting.DriverTerms, settings.DriverTerms?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries), file.DriverTerms?.ToArray()),
            Audit = sources.Pick(RunSetting.Audit, settings.NoAudit is true ? false : (bool?)null, file.Audit) ?? true,
            AuditSamples = sources.Try(() => FlagValues.WholeNumber(RunSetting.AuditSamples, sources.Pick(RunSetting.AuditSamples, settings.AuditSamples,
                file.AuditSamples?.ToString(System.Globalization.CultureInfo.InvariantCulture)), 0, RunSettings.MaxAuditSamples), null) ?? RunSettings.DefaultAuditSamples,
            AuditSeed = sources.Try(() => FlagValues.WholeNumber(RunSetting.AuditSeed, sources.Pick(RunSetting.AuditSeed, settings.AuditSeed,
                file.AuditSeed?.ToString(System.Globalization.CultureInfo.InvariantCulture)), int.MinValue, int.MaxValue), null) ?? RunSettings.DefaultAuditSeed,
            Calibrate = sources.Pick(RunSetting.Calibrate, settings.Calibrate is { Length: > 0 } margins ? margins : null, file.Calibrate?.ToArray()) ?? [],
            CalibrateMethod = sources.Try(() => ParseCalibrateMethod(sources.Pick(RunSetting.CalibrateMethod, settings.CalibrateMethod, file.CalibrateMethod)), null),
            CalibrateBounds = sources.Try(() => ParseCalibrateBounds(sources.Pick(RunSetting.CalibrateBounds, settings.CalibrateBounds, file.CalibrateBounds)), null),
            CalibrateIterations = sources.Try(() => FlagValues.WholeNumber(RunSetting.CalibrateIterations, sources.Pick(RunSetting.CalibrateIterations, settings.CalibrateIterations,
                file.CalibrateIterations?.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, RunSettings.MaxCalibrateIterations), null) ?? Calibration.WeightCalibration.DefaultMaxIterations,
            AuditLevel = sources.Pick(RunSetting.AuditLevel, settings.AuditLevel, file.AuditLevel) is { } auditLevel ? sources.Try(() => ParseLevel(auditLevel), RunSettings.DefaultAuditLevel) : RunSettings.DefaultAuditLevel,
        });
        InputSettings.NoteThreads(console, run);
        using var interruption = new Interruption(cancellationToken);
        // What an interruption keeps: only a result that was there before the run (a new folder is never made).
        var earlier = Directory.Exists(run.OutputFolder) && File.Exists(Path.Combine(run.OutputFolder, EvaluationRun.ManifestFile));
        try
        {
            var result = RunProgress.Run(console, progress, Words.For(run.Language), settings.Quiet, observer => EvaluationRun.Execute(run, observer, interruption.Token));
            Summary.Print(console, result, run);
            return (int)(result.RejectedShareAbove(run.MaxRejectedShare) ? ExitCode.TooManyRejected : ExitCode.Done);
        }
        catch (SettingsException e)
        {
            throw new UsageException(sources.Word(e));
        }
        catch (OperationCanceledException) when (interruption.Signal is not null)
        {
            var words = Words.For(run.Language);
            console.MarkupLine($"[yellow]{words.Interrupted}[/] " + TerminalText.Markup(earlier
                ? words.Format(words.InterruptedKept, interruption.SignalName, run.OutputFolder)
                : words.Format(words.InterruptedNothing, interruption.SignalName)));
            return (int)interruption.ExitCode;
        }
    }

    private static Level ParseLevel(string text)
    {
        try { return Level.Parse(text); }
        catch (FormatException e) { throw new SettingsException(RunSetting.AuditLevel, text, e.Message); }
    }

    internal static Calibration.CalibrationMethod? ParseCalibrateMethod(string? text) =>
        text is null ? null
        : SettingWords.ParseCalibration(text) ?? throw new SettingsException(RunSetting.CalibrateMethod, text, "unknown calibration method (poststratify, rake, linear)");

    /// <summary>"L,U": two numbers (a dot for decimals); the plan checks 0 ≤ L &lt; 1 &lt; U.</summary>
    internal static (double Lower, double Upper)? ParseCalibrateBounds(string? text)
    {
        if (text is null) return null;
        var parts = text.Split([',', ';'], StringSplitOptions.TrimEntries);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, invariant, out var lower)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, invariant, out var upper))
            return (lower, upper);
        throw new SettingsException(RunSetting.CalibrateBounds, text, "must be two numbers L,U with 0 ≤ L < 1 < U, such as 0.3,3");
    }

    internal static IntervalMethod ParseCi(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "t" => IntervalMethod.StudentT,
        "normal" => IntervalMethod.Normal,
        _ => throw new SettingsException(RunSetting.Ci, text, Said.Of(c => c.Usage.CiForm)),
    };

    internal static DegreesOfFreedomRule ParseDf(string? text) =>
        text is null ? DegreesOfFreedomRule.Domain
        : SettingWords.ParseDf(text) ?? throw new SettingsException(RunSetting.Df, text, Said.Of(c => c.Usage.DfForm));

    internal static Inference.MultipleTesting ParseFdr(string? text) =>
        text is null ? Inference.MultipleTesting.BenjaminiHochberg
        : SettingWords.ParseFdr(text) ?? throw new SettingsException(RunSetting.Fdr, text, Said.Of(c => c.Usage.FdrForm));

    internal static PartialPanel ParsePartialPanel(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "cells" => Runs.Planning.PartialPanel.Cells,
        "returnees" => Runs.Planning.PartialPanel.Returnees,
        _ => throw new SettingsException(RunSetting.PartialPanel, text, Said.Of(c => c.Usage.PanelForm)),
    };

    internal static OutputFormats ParseFormats(IEnumerable<string> texts)
    {
        OutputFormats formats = 0;
        foreach (var name in texts.SelectMany(t => t.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)))
        {
            formats |= name.Trim().ToLowerInvariant() switch
            {
                "csv" => OutputFormats.Csv,
                "parquet" => OutputFormats.Parquet,
                _ => throw new SettingsException(RunSetting.Formats, name, Said.Of(c => c.Usage.FormatForm)),
            };
        }
        if (formats == 0) throw new SettingsException(RunSetting.Formats, null, Said.Of(c => c.Usage.NoFormat));
        return formats;
    }
}
