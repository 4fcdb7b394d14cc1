using System.Collections.Concurrent;
using System.Diagnostics;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// Busy time of each stage of a run, for profiling (benchmarks/README.md): set the environment variable
/// AVRR_STAGE_TIMES=1 and the run prints, on standard error, how long each stage worked. Off by default.
/// </summary>
internal static class StageClock
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("AVRR_STAGE_TIMES") == "1";

    private static readonly ConcurrentDictionary<string, long> Ticks = new();

    public static Action<T> Measure<T>(string name, Action<T> action) => item =>
    {
        var start = Stopwatch.GetTimestamp();
        action(item);
        Ticks.AddOrUpdate(name, Stopwatch.GetTimestamp() - start, (_, t) => t + Stopwatch.GetTimestamp() - start);
    };

    public static T Measure<T>(string name, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        var result = work();
        Ticks.AddOrUpdate(name, Stopwatch.GetTimestamp() - start, (_, t) => t + Stopwatch.GetTimestamp() - start);
        return result;
    }

    public static void Report()
    {
        if (!Enabled) return;
        foreach (var (name, ticks) in Ticks.OrderBy(p => p.Key, StringComparer.Ordinal))
            Console.Error.WriteLine($"stage {name,-28} {ticks * 1000.0 / Stopwatch.Frequency,9:F0} ms");
        Ticks.Clear();
    }
}
