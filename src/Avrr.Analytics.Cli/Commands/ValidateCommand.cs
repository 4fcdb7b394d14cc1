using System.Globalization;
using Avrr.Analytics.Cli.Output;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary><c>avrr validate INPUT...</c>: read and validate only; exit 1 when anything is rejected.</summary>
public sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandOption("--quiet")]
        [System.ComponentModel.Description("No progress, only the accounting and the first rejects.")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (run, sources) = settings.ToRunSettings();
        InputSettings.NoteThreads(console, run);
        ValidationReport result;
        using var interruption = new Interruption(cancellationToken);
        try
        {
            result = RunProgress.Run(console, settings.Quiet, observer => ValidationRun.Execute(run, observer: observer, cancel: interruption.Token));
        }
        catch (SettingsException e)
        {
            throw new UsageException(sources.Word(e));
        }
        catch (OperationCanceledException) when (interruption.Signal is not null)
        {
            console.MarkupLine("[yellow]interrupted:[/] " + Markup.Escape($"the validation was stopped by {interruption.SignalName}."));
            return (int)interruption.ExitCode;
        }
        var culture = CultureInfo.InvariantCulture;
        foreach (var (path, format) in result.Inputs) console.WriteLine($"{path}: {format}");
        console.MarkupLine(string.Create(culture,
            $"[bold]{result.RowsRead:N0}[/] rows read, [green]{result.RowsScored:N0}[/] valid, [yellow]{result.RowsRejected:N0}[/] rejected"));
        if (result.BlankRowsSkipped > 0)
            console.WriteLine(string.Create(culture, $"{result.BlankRowsSkipped:N0} blank rows (every field empty) were passed over."));
        foreach (var (reason, count) in result.RejectsByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            console.MarkupLine(string.Create(culture, $"[yellow]{reason}[/]: {count:N0}"));
            foreach (var reject in result.FirstRejects[reason])
                console.WriteLine(string.Create(culture, $"  {reject.Source} row {reject.Row}: {reject.Message}"));
        }
        return (int)(result.RowsRejected > 0 ? ExitCode.TooManyRejected : ExitCode.Done);
    }
}
