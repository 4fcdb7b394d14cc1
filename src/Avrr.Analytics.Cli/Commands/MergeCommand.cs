using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.Runs.Merging;
using Avrr.Analytics.Runs.Planning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary>
/// <c>avrr merge PARTIAL... [--out DIR]</c>: the tables and the report of one run over the surveys of several
/// partials (docs/partials.md), from their cells' sums alone. Partials that disagree exit 2; a partial that is
/// not one, or was changed after it was written, exits 3.
/// </summary>
public sealed class MergeCommand(IAnsiConsole console, ProgressConsole progress) : Command<MergeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PARTIAL>")]
        [LocalizedDescription("Partial folders (avrr run --partial-out, or avrr partial seal), in order: the order of their surveys.")]
        public string[] Partials { get; init; } = [];

        [CommandOption("--out <DIR>")]
        [LocalizedDescription("The result folder (default: results). Replaced as a whole, only when the run succeeds.")]
        public string? Out { get; init; }

        [CommandOption("--min-cell <N>")]
        [LocalizedDescription("Withhold every statistic of a merged group with fewer surveys than this (default: the partials' own).")]
        public string? MinCell { get; init; }

        [CommandOption("--ci <METHOD>")]
        [LocalizedDescription("95% intervals: t (Student's t) or normal (default: the partials' own).")]
        public string? Ci { get; init; }

        [CommandOption("--df <RULE>")]
        [LocalizedDescription("Degrees of freedom of the t intervals and tests: domain or design (default: the partials' own).")]
        public string? Df { get; init; }

        [CommandOption("--fdr <METHOD>")]
        [LocalizedDescription("How the tests of a family of findings are decided: bh or none (default: the partials' own).")]
        public string? Fdr { get; init; }

        [CommandOption("--lang <LANG>")]
        [LocalizedDescription("Language of the summary and the report: en or fr (default: the partials' own).")]
        public string? Lang { get; init; }

        [CommandOption("--formats <LIST>")]
        [LocalizedDescription("Output formats: csv, parquet or csv,parquet (default: both).")]
        public string? Formats { get; init; }

        [CommandOption("--no-report")]
        [LocalizedDescription("Do not write report.html and results.xlsx.")]
        public bool? NoReport { get; init; }

        [CommandOption("--disjoint-inputs")]
        [LocalizedDescription("Partials made from the same export hold different surveys of it on purpose (rows filtered before each run): merge them instead of refusing.")]
        public bool? DisjointInputs { get; init; }

        [CommandOption("--require-signature")]
        [LocalizedDescription("Merge only partials signed with the organisation's key, which AVRR_PARTIAL_KEY gives (docs/partials.md).")]
        public bool? RequireSignature { get; init; }

        [CommandOption("--quiet")]
        [LocalizedDescription("No progress, only the final summary.")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Partials.Length == 0) throw new UsageException(Said.Of(c => c.Usage.NoPartial));
        var sources = new SettingSources(null);
        MergeSettings merge;
        try
        {
            merge = new MergeSettings
            {
                Partials = settings.Partials,
                OutputFolder = settings.Out ?? "results",
                MinCell = FlagValues.WholeNumber(RunSetting.MinCell, settings.MinCell, 1, int.MaxValue),
                Ci = settings.Ci is null ? null : RunCommand.ParseCi(settings.Ci),
                Df = settings.Df is null ? null : RunCommand.ParseDf(settings.Df),
                Fdr = settings.Fdr is null ? null : RunCommand.ParseFdr(settings.Fdr),
                Language = FlagValues.Language(settings.Lang),
                Formats = RunCommand.ParseFormats(settings.Formats is null ? ["csv", "parquet"] : [settings.Formats]),
                Report = settings.NoReport is not true,
                DisjointInputs = settings.DisjointInputs is true,
                RequireSignature = settings.RequireSignature is true,
                PartialKey = Environment.GetEnvironmentVariable(SettingNames.PartialKeyVariable) is { Length: > 0 } key ? key : null,
            };
        }
        catch (SettingsException e) { throw new UsageException(sources.Word(e)); }
        using var interruption = new Interruption(cancellationToken);
        try
        {
            var words = Words.For(merge.Language ?? "en");
            var result = RunProgress.Run(console, progress, words, settings.Quiet, observer => EvaluationMerge.Execute(merge, observer, interruption.Token));
            var text = Words.For(result.Language);
            Summary.Print(console, result.Run, new RunSettings { Inputs = settings.Partials, Language = result.Language, MinCell = result.MinCell, Unweighted = result.UnweightedOnPurpose });
            console.WriteLine(text.Format(text.Merged, settings.Partials.Length));
            console.WriteLine(text.MergedLeftOut);
            return (int)ExitCode.Done;
        }
        catch (OperationCanceledException) when (interruption.Signal is not null)
        {
            var words = Words.For(merge.Language ?? "en");
            console.MarkupLine($"[yellow]{words.Interrupted}[/] " + Markup.Escape(
                words.Format(Catalogue.Of(merge.Language).Usage.MergeStopped, interruption.SignalName, merge.OutputFolder)));
            return (int)interruption.ExitCode;
        }
        catch (SettingsException e) { throw new UsageException(sources.Word(e)); }
        catch (PartialsDisagreeException e) { throw new UsageException(e.Message); }
    }
}
