using System.Diagnostics;
using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.IO.Samples;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary><c>avrr sample --rows N --seed S --out FILE</c>: a synthetic survey export (.csv or .xlsx), identical for the same seed.</summary>
public sealed class SampleCommand(IAnsiConsole console, ProgressConsole progress) : Command<SampleCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--rows <N>")]
        [LocalizedDescription("Rows to write.")]
        [System.ComponentModel.DefaultValue("3000")]
        public string Rows { get; init; } = "3000";

        [CommandOption("--seed <S>")]
        [LocalizedDescription("Seed of the generator: the same seed gives the same file.")]
        [System.ComponentModel.DefaultValue("1")]
        public string Seed { get; init; } = "1";

        [CommandOption("--out <FILE>")]
        [LocalizedDescription("The file to write: .csv or .xlsx.")]
        public string? Out { get; init; }

        [CommandOption("--lang <LANG>")]
        [LocalizedDescription("Language for people: en or fr (default: en).")]
        public string? Lang { get; init; }

        [CommandOption("--quiet")]
        [LocalizedDescription("No progress.")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var rows = Whole("--rows", settings.Rows, 1);
        var seed = Whole("--seed", settings.Seed, int.MinValue);
        if (string.IsNullOrWhiteSpace(settings.Out)) throw new UsageException(Said.Of(c => c.Usage.SampleOutRequired));
        var extension = Path.GetExtension(settings.Out).ToLowerInvariant();
        if (!SampleExport.Extensions.Contains(extension))
            throw new UsageException(Said.Of(c => c.Format(c.Usage.SampleExtension, settings.Out, extension.Length == 0 ? c.Usage.NoExtension : extension)));
        var words = Words.For(FlagValues.Language(settings.Lang));
        var folder = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (folder is not null) Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        long lastLine = -5000;
        Action<long>? report = settings.Quiet ? null : written =>
        {
            if (clock.ElapsedMilliseconds - lastLine < 5000 && written < rows) return;
            lastLine = clock.ElapsedMilliseconds;
            progress.Console.WriteLine("avrr: " + RunProgress.Line(words, "writing the sample", written, (double)written / rows, clock.Elapsed));
        };
        SampleExport.Write(settings.Out, rows, seed, progress: report);
        console.WriteLine(TerminalText.Safe(words.Format(Catalogue.Of(settings.Lang).Usage.SampleWrote, rows, seed, settings.Out)));
        return (int)ExitCode.Done;
    }

    private static int Whole(string flag, string text, int min)
    {
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min) return value;
        throw new UsageException(Said.Of(c => c.Usage.FlagWholeNumber, flag, text, min, int.MaxValue));
    }
}
