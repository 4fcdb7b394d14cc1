using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM during a run stops it cleanly: its hidden partial folder (up to hundreds of
/// MB) is deleted, its lock released, the earlier result kept byte for byte, and it exits with 130 or 143
/// as documented. A run killed outright (SIGKILL) cannot clean up: the next run to the same folder removes
/// what it left and says so, with its size. Real signals to a real child process.
/// </summary>
public sealed class SignalTests
{
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private const int SigInt = 2, SigKill = 9, SigTerm = 15;

    /// <summary>Twenty copies of the large sample: a run that is still busy when the signal comes.</summary>
    private static readonly Lazy<string> _exports = new(() =>
    {
        var exports = Path.Combine(TestFiles.TempFolder(), "exports");
        Directory.CreateDirectory(exports);
        for (var i = 0; i < 20; i++) File.Copy(Samples.Large, Path.Combine(exports, $"part-{i:00}.csv"));
        return exports;
    });

    public static TheoryData<int, string, int> Signals() => new()
    {
        { SigInt, "pass 1", 130 },
        { SigInt, "pass 2", 130 },
        { SigTerm, "pass 1", 143 },
        { SigTerm, "pass 2", 143 },
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

        using var run = Process.Start(AvrrProcess.StartInfo(parent, null, "run", _exports.Value, "--out", out_, "--quiet"))!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        var partial = Path.Combine(parent, $".results.avrr-partial-{run.Id}");
        // Pass 1 starts once the partial folder exists; pass 2 once the scores file is in it.
        var mark = when == "pass 1" ? partial : Path.Combine(partial, "returnee_scores.csv");
        var wait = Stopwatch.StartNew();
        while (!Path.Exists(mark) && !run.HasExited && wait.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(2);
        Assert.True(Path.Exists(mark), $"the run did not reach {when} (exited: {run.HasExited})");
        Assert.Equal(0, kill(run.Id, signal));
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(1)), "the run did not stop within a minute of the signal");

        var printed = output.Result + error.Result;
        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}, expected {exitCode}: {printed}");
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
        using var run = Process.Start(AvrrProcess.StartInfo(parent, null, "run", _exports.Value, "--out", out_, "--quiet", "--lang", "fr"))!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        var partial = Path.Combine(parent, $".newres3.avrr-partial-{run.Id}");
        var wait = Stopwatch.StartNew();
        while (!Path.Exists(partial) && !run.HasExited && wait.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(2);
        Assert.True(Path.Exists(partial), $"the run did not start (exited: {run.HasExited})");
        Assert.Equal(0, kill(run.Id, SigInt));
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(1)), "the run did not stop within a minute of the signal");

        var printed = output.Result + error.Result;
        Assert.Equal(130, run.ExitCode);
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
        using var run = Process.Start(AvrrProcess.StartInfo(parent, null, "run", _exports.Value, "--out", out_, "--quiet"))!;
        _ = run.StandardOutput.ReadToEndAsync();
        _ = run.StandardError.ReadToEndAsync();
        var scores = Path.Combine(parent, $".results.avrr-partial-{run.Id}", "returnee_scores.csv");
        var wait = Stopwatch.StartNew();
        while (!(File.Exists(scores) && new FileInfo(scores).Length > 1_000_000) && !run.HasExited && wait.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(2);
        Assert.True(File.Exists(scores), $"the run did not start writing (exited: {run.HasExited})");
        Assert.Equal(0, kill(run.Id, SigKill));
        run.WaitForExit();
        Assert.Contains($".results.avrr-partial-{run.Id}", Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));

        var next = Avrr.Expect(0, "run", Samples.Clean, "--out", out_, "--quiet");

        Assert.Matches(@"note: removed the partial result of an interrupted run \([0-9.]+ MB\) beside ", next.Output);
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }
}
