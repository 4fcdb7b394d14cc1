using System.Runtime.InteropServices;
using Avrr.Analytics.Wording;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// The interruption's messages are in the run's language (issue 22 §2): a run paused in pass 1 and stopped by
/// SIGTERM prints, in French and in English, no sentence of the other language's catalogue.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InterruptionLanguageTests
{
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private const int SigTerm = 15;

    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("en")]
    public void An_interrupted_run_speaks_its_language(string code)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals are sent with kill(2)");
        var language = Language.Of(code)!;
        var parent = TestFiles.TempFolder();
        using var run = PausedRun.Start(parent, "pass-1", "run", Samples.Sample, "--out", Path.Combine(parent, "results"), "--quiet", "--lang", code);
        Assert.Equal(0, kill(run.Id, SigTerm));
        var (exit, printed) = run.WaitForExit();

        Assert.True(exit == 143, $"exit {exit}, expected 143: {printed}");
        var words = Catalogue.Of(language).Console;
        Assert.Contains(words.Interrupted + " " + words.Format(words.InterruptedNothing, "SIGTERM"), printed, StringComparison.Ordinal);
        MessageLanguageTests.AssertSpeaks(language, printed, "interruption");
    }
}
