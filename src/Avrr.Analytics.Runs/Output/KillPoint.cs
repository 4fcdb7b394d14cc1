using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Avrr.Analytics.Runs.Output;

/// <summary>
/// Fault injection for the tests, unset in normal use. When the environment variable AVRR_TEST_KILL_AT names
/// a step of the output folder's state machine, the process kills itself there (SIGKILL), as a power cut or
/// <c>kill -9</c> would. When AVRR_TEST_PAUSE_AT names a pass (<c>pass-1</c>, <c>pass-2</c>), the run pauses
/// after that pass's first batch, once it has said so on standard error, until it is cancelled (a signal) or
/// its standard input gives a line or ends: a test's signal or kill then lands in that pass, however busy the
/// machine is, instead of racing the run.
/// </summary>
internal static class KillPoint
{
    private static readonly string? At = Environment.GetEnvironmentVariable("AVRR_TEST_KILL_AT");
    private static readonly string? PauseAt = Environment.GetEnvironmentVariable("AVRR_TEST_PAUSE_AT");

    public static void Here(string step)
    {
        if (At is not null && string.Equals(At, step, StringComparison.Ordinal)) Process.GetCurrentProcess().Kill();
    }

    /// <summary>The rows callback of a pass, which pauses once after the first batch when AVRR_TEST_PAUSE_AT names the pass; else <paramref name="rows"/> itself.</summary>
    public static Action<long>? PauseIn(string pass, Action<long>? rows, CancellationToken cancel)
    {
        if (!string.Equals(PauseAt, pass, StringComparison.Ordinal)) return rows;
        var paused = 0;
        return total =>
        {
            rows?.Invoke(total);
            if (Interlocked.Exchange(ref paused, 1) == 1) return;
            Console.Error.WriteLine($"avrr test: paused in {pass}");
            Console.Error.Flush();
            var resumed = Task.Run(Console.In.ReadLine);
            try { resumed.Wait(TimeSpan.FromMinutes(2), cancel); }
            catch (OperationCanceledException) { }
        };
    }
}
