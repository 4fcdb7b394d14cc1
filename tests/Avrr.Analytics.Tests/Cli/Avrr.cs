using System.Text;
using Avrr.Analytics.Cli;
using Spectre.Console;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>What one call of the runner gave: its exit code and everything it printed.</summary>
internal sealed record AvrrCall(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>Runs <c>avrr</c> in-process through <see cref="AvrrApp.Run"/> with a captured, non-interactive console.</summary>
internal static class Avrr
{
    public static AvrrCall Run(params string[] args) => RunWithProgress(args).Call;

    /// <summary>Runs with progress on a console of its own (standard error for the runner), and returns both.</summary>
    public static (AvrrCall Call, string Progress) RunWithProgress(params string[] args)
    {
        var (console, writer) = Capture();
        var (progress, progressWriter) = Capture();
        var code = AvrrApp.Run(args, console, progress);
        return (new AvrrCall(code, writer.ToString()), progressWriter.ToString());
    }

    private static (IAnsiConsole, StringWriter) Capture()
    {
        var writer = new StringWriter(new StringBuilder());
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        // Wide enough that no message or path is wrapped across lines.
        console.Profile.Width = 1000;
        return (console, writer);
    }

    /// <summary>Runs and checks the exit code, showing the output when it is not the expected one.</summary>
    public static AvrrCall Expect(int exitCode, params string[] args)
    {
        var call = Run(args);
        Assert.True(call.ExitCode == exitCode, $"expected exit {exitCode} from `avrr {string.Join(' ', args)}`, got {call}");
        return call;
    }
}
