using System.Runtime.InteropServices;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM during a run stops it cleanly: its hidden partial folder (up to hundreds of
/// MB) is deleted, its lock released, the earlier result kept byte for byte, and it exits with 130 or 143
/// as documented. A run killed outright (SIGKILL) cannot clean up: the next run to the same folder removes
/// what it left and says so, with its size. Real signals to a real child process, paused in the pass
/// (<see cref="PausedRun"/>) so that the signal lands there and not after the run has ended.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SignalTests
{
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private const int SigInt = 2, SigKill = 9, SigTerm = 15;

    /// <summary>
    /// Twenty copies of the large sample: more batches than a run holds in flight, so that its reader is still reading
    /// when the signal comes, and the pass stops at its next batch.
    /// </summary>
    private static readonly Lazy<string> _exports = new(() =>
    {
        var exports = Path.Combine(TestFiles.TempFolder(), "exports");
        Directory.CreateDirectory(exports);
        for (var i = 0; i < 20; i++) File.Copy(Samples.Large, Path.Combine(exports, $"part-{i:00}.csv"));
        return exports;
    });

    public static TheoryData<int, string, int> Signals() => new()
    {
        { SigInt, "pass-1", 130 },
        { SigInt, "pass-2", 130 },
        { SigTerm, "pass-1", 143 },
        { SigTerm, "pass-2", 143 },
    };

    [SkippableTheory]
    [MemberData(nameof(Signals))]
    public void A_signal_during_a_run_deletes_its_partial_folder_keeps_the_earlier_result_and_exits_with_the_documented_code(int signal, string when, int exitCode)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals are sent with kill(2)");
        var parent = TestFiles.TempFolder();
        var out_ = Path.Combine(parent, "results");
        Avrr.Expect(0, "run", Samples.Clean, "--out", out_, "--quiet");
        var before = OutputContract.Snapshot(out_);

        using var run = PausedRun.Start(parent, when, "run", _exports.Value, "--out", out_, "--quiet");
        // The partial folder exists from pass 1 on; the scores file is in it in pass 2.
        var partial = Path.Combine(parent, $".results.avrr-partial-{run.Id}");
        Assert.True(Path.Exists(when == "pass-1" ? partial : Path.Combine(partial, "returnee_scores.csv")), $"no partial result in {when}");
        Assert.Equal(0, kill(run.Id, signal));
        var (code, printed) = run.WaitForExit();

        Assert.True(code == exitCode, $"exit {code}, expected {exitCode}: {printed}");
        Assert.Contains("interrupted: the run was stopped by " + (signal == SigInt ? "Ctrl-C (SIGINT)" : "SIGTERM"), printed, StringComparison.Ordinal);
        Assert.Contains("its partial result was deleted and nothing was written", printed, StringComparison.Ordinal);
        Assert.Contains($"The earlier result in {out_} is kept as it was.", printed, StringComparison.Ordinal);
        // Nothing beside the earlier result: no partial folder, no lock file, no spill file.
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
        var after = OutputContract.Snapshot(out_);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
    }

    [SkippableFact]
    public void A_run_interrupted_into_a_new_folder_says_nothing_was_written_and_no_earlier_result_is_kept_in_its_language()
    {
        // Issue 22 §4: it said "An earlier result in newres3 is kept" when there was none.
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals are sent with kill(2)");
        var parent = TestFiles.TempFolder();
        var out_ = Path.Combine(parent, "newres3");
        using var run = PausedRun.Start(parent, "pass-1", "run", _exports.Value, "--out", out_, "--quiet", "--lang", "fr");
        Assert.True(Path.Exists(Path.Combine(parent, $".newres3.avrr-partial-{run.Id}")), "no partial result in pass 1");
        Assert.Equal(0, kill(run.Id, SigInt));
        var (code, printed) = run.WaitForExit();

        Assert.True(code == 130, $"exit {code}, expected 130: {printed}");
        Assert.Contains("interrompu : l'évaluation a été arrêtée par Ctrl-C (SIGINT) ; son résultat partiel a été supprimé et rien n'a été écrit.", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("précédent", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("kept", printed, StringComparison.Ordinal);
        Assert.False(Path.Exists(out_));
    }

    [SkippableFact]
    public void The_partial_folder_of_a_run_killed_outright_is_removed_by_the_next_run_which_says_how_large_it_was()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals are sent with kill(2)");
        var parent = TestFiles.TempFolder();
        var out_ = Path.Combine(parent, "results");
        using var run = PausedRun.Start(parent, "pass-2", "run", _exports.Value, "--out", out_, "--quiet");
        var scores = Path.Combine(parent, $".results.avrr-partial-{run.Id}", "returnee_scores.csv");
        Assert.True(File.Exists(scores), "the run did not start writing");
        Assert.Equal(0, kill(run.Id, SigKill));
        Assert.Equal(137, run.WaitForExit().ExitCode);
        Assert.Contains($".results.avrr-partial-{run.Id}", Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));

        var next = Avrr.Expect(0, "run", Samples.Clean, "--out", out_, "--quiet");

        Assert.Matches(@"note: removed the partial result of an interrupted run \([0-9.]+ MB\) beside ", next.Output);
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }
}
