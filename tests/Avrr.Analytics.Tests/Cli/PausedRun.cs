using System.Diagnostics;
using System.Text;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>avrr</c> as a child process that pauses in a pass (AVRR_TEST_PAUSE_AT: after the pass's first batch) and
/// waits there until it is signalled, killed or resumed. A test's signal or kill then lands in that pass
/// however busy the machine is, where a test that watched the run's files raced it (and lost under load).
/// </summary>
internal sealed class PausedRun : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly StringBuilder _error = new();
    /// <summary>True once the run says it paused; false if its standard error ends first.</summary>
    private readonly TaskCompletionSource<bool> _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Id => _process.Id;

    private PausedRun(string workingDirectory, string pass, string[] args)
    {
        var start = DefaultSignals(AvrrProcess.StartInfo(workingDirectory, new Dictionary<string, string> { ["AVRR_TEST_PAUSE_AT"] = pass }, args));
        start.RedirectStandardInput = true;
        _process = Process.Start(start)!;
        _output = _process.StandardOutput.ReadToEndAsync();
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { _paused.TrySetResult(false); return; }
            lock (_error) _error.AppendLine(e.Data);
            if (e.Data.StartsWith("avrr test: paused in " + pass, StringComparison.Ordinal)) _paused.TrySetResult(true);
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// The run as a terminal's Ctrl-C meets it, with SIGINT at its default. A test host started with SIGINT ignored
    /// (as a script's background job is) passes that on to its children, and neither they nor a shell can undo it for
    /// themselves: GNU env's --default-signal does, where it is (Linux); elsewhere the run starts as it is.
    /// </summary>
    private static ProcessStartInfo DefaultSignals(ProcessStartInfo start)
    {
        if (!File.Exists("/usr/bin/env") || !OperatingSystem.IsLinux()) return start;
        var wrapped = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory,
        };
        wrapped.ArgumentList.Add("--default-signal=INT");
        wrapped.ArgumentList.Add(start.FileName);
        foreach (var arg in start.ArgumentList) wrapped.ArgumentList.Add(arg);
        foreach (var (name, value) in start.Environment) wrapped.Environment[name] = value;
        return wrapped;
    }

    /// <summary>Starts the run and returns once it has paused in the pass (<c>pass-1</c> or <c>pass-2</c>).</summary>
    public static PausedRun Start(string workingDirectory, string pass, params string[] args)
    {
        var run = new PausedRun(workingDirectory, pass, args);
        var paused = run._paused.Task.Wait(TimeSpan.FromMinutes(3)) && run._paused.Task.Result;
        if (!paused)
        {
            run.Dispose();
            Assert.Fail($"avrr {string.Join(' ', args)} did not pause in {pass}: {run.Printed()}");
        }
        return run;
    }

    /// <summary>Lets the run go on (its standard input ends).</summary>
    public void Resume() => _process.StandardInput.Close();

    /// <summary>Kills the run outright (SIGKILL), as a power cut or <c>kill -9</c> would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits (at most a minute) for the run to end; its exit code and everything it printed.</summary>
    public AvrrCall WaitForExit()
    {
        Assert.True(_process.WaitForExit(TimeSpan.FromMinutes(1)), "the run did not end within a minute");
        // The rest of standard error (its events), then the rest of standard output.
        _process.WaitForExit();
        Assert.True(_output.Wait(TimeSpan.FromMinutes(1)), "the run's standard output did not end");
        return new AvrrCall(_process.ExitCode, Printed());
    }

    private string Printed()
    {
        var output = _output.IsCompleted ? _output.Result : "";
        lock (_error) return output + _error;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
