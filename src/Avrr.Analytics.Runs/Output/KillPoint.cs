using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Avrr.Analytics.Runs.Output;

/// <summary>
/// Fault injection for the tests of the output folder's state machine: when the environment variable
/// AVRR_TEST_KILL_AT names a step, the process kills itself there (SIGKILL), as a power cut or
/// <c>kill -9</c> would. Unset in normal use.
/// </summary>
internal static class KillPoint
{
    private static readonly string? At = Environment.GetEnvironmentVariable("AVRR_TEST_KILL_AT");

    public static void Here(string step)
    {
        if (At is not null && string.Equals(At, step, StringComparison.Ordinal)) Process.GetCurrentProcess().Kill();
    }
}
