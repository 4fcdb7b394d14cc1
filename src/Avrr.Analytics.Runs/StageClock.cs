using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Avrr.Analytics.Runs;

/// <summary>
/// Time of each stage of a run, for profiling (benchmarks/README.md): set the environment variable
/// AVRR_STAGE_TIMES=1 and the run prints, on standard error, how long each stage took (wall) and how much
/// CPU its thread used (Linux only; on a busy 2-core machine the two differ), the memory after the main
/// stages, then the process's CPU, allocations and garbage collections. Off by default.
/// </summary>
internal static class StageClock
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("AVRR_STAGE_TIMES") == "1";

    private static readonly ConcurrentDictionary<string, (long Wall, long Cpu)> Times = new();
    private static readonly ConcurrentQueue<string> Memory = new();

    /// <summary>Notes the process's memory after a stage: resident, committed by the GC, and the GC heap at its last collection.</summary>
    public static void Memo(string stage)
    {
        if (!Enabled) return;
        var gc = GC.GetGCMemoryInfo();
        Memory.Enqueue($"memory after {stage,-22} {Environment.WorkingSet / 1e6,6:F0} MB resident, {gc.TotalCommittedBytes / 1e6,6:F0} MB committed, {gc.HeapSizeBytes / 1e6,6:F0} MB heap");
    }

    public static Action<T> Measure<T>(string name, Action<T> action) => item =>
    {
        var (wall, cpu) = (Stopwatch.GetTimestamp(), ThreadCpuNanoseconds());
        action(item);
        Add(name, wall, cpu);
    };

    public static T Measure<T>(string name, Func<T> work)
    {
        var (wall, cpu) = (Stopwatch.GetTimestamp(), ThreadCpuNanoseconds());
        var result = work();
        Add(name, wall, cpu);
        return result;
    }

    private static void Add(string name, long wallStart, long cpuStart)
    {
        var time = (Wall: Stopwatch.GetTimestamp() - wallStart, Cpu: ThreadCpuNanoseconds() - cpuStart);
        Times.AddOrUpdate(name, time, (_, t) => (t.Wall + time.Wall, t.Cpu + time.Cpu));
    }

    public static void Report()
    {
        if (!Enabled) return;
        Console.Error.WriteLine($"stage {"",-28} {"wall",9}    {"cpu",9}");
        foreach (var (name, (wall, cpu)) in Times.OrderBy(p => p.Key, StringComparer.Ordinal))
            Console.Error.WriteLine($"stage {name,-28} {wall * 1000.0 / Stopwatch.Frequency,9:F0} ms {cpu / 1e6,9:F0} ms");
        while (Memory.TryDequeue(out var line)) Console.Error.WriteLine(line);
        var process = Process.GetCurrentProcess();
        Console.Error.WriteLine($"process: {process.UserProcessorTime.TotalMilliseconds:F0} ms user, " +
            $"{process.PrivilegedProcessorTime.TotalMilliseconds:F0} ms system, {GC.GetTotalAllocatedBytes() / 1e6:F0} MB allocated, " +
            $"GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms");
        Times.Clear();
    }

    /// <summary>CPU time of the calling thread, from clock_gettime(CLOCK_THREAD_CPUTIME_ID); 0 where that is not available.</summary>
    private static long ThreadCpuNanoseconds()
    {
        if (!Enabled || !OperatingSystem.IsLinux()) return 0;
        return ClockGetTime(ThreadCpuClock, out var time) == 0 ? time.Seconds * 1_000_000_000 + time.Nanoseconds : 0;
    }

    private const int ThreadCpuClock = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
