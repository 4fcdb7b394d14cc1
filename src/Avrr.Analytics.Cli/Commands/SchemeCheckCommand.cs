using System.ComponentModel;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Avrr.Analytics.Cli.Commands;

/// <summary><c>avrr scheme check FILE</c>: load a scheme file and list every problem (exit 2 when there is one).</summary>
public sealed class SchemeCheckCommand(IAnsiConsole console) : Command<SchemeCheckCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [LocalizedDescription("The scheme file to check.")]
        public string File { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var scheme = SchemeReader.Load(settings.File);
            console.MarkupLine($"[green]ok[/]: {TerminalText.Markup(scheme.Id)} — {scheme.Dimensions.Count} dimensions, {scheme.Indicators.Count} indicators, {scheme.Questions.Count} questions, {scheme.Scales.Count} scales{(scheme.HasEqualWeights ? ", equal weights" : "")}.");
            return (int)ExitCode.Done;
        }
        catch (SchemeException e)
        {
            console.MarkupLine($"[red]{TerminalText.Markup(settings.File)} cannot be used[/] ({e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}):");
            foreach (var problem in e.Problems) console.WriteLine("  - " + TerminalText.Safe(problem));
            return (int)ExitCode.UsageError;
        }
    }
}
