namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// --threads asks for at most 4 threads per core: more (100,000 crashed the process and left its partial
/// folder) are not started, a note says so, and the run writes exactly what it writes with one thread.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ThreadLimitTests
{
    [Fact]
    public void Threads_beyond_four_per_core_are_capped_with_a_note_and_give_the_same_result()
    {
        var parent = TestFiles.TempFolder();
        var capped = Path.Combine(parent, "capped");
        var one = Path.Combine(parent, "one");

        var call = AvrrProcess.Run(parent, null, "run", Samples.Large, "--out", capped, "--threads", "100000", "--quiet");
        Avrr.Expect(0, "run", Samples.Large, "--out", one, "--threads", "1", "--quiet");

        Assert.True(call.ExitCode is 0 or 1, call.ToString());
        Assert.Contains($"note: --threads 100000: using {4 * Environment.ProcessorCount} threads, the most a run starts on this machine", call.Output, StringComparison.Ordinal);
        Assert.Equal(["capped", "one"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
        foreach (var file in new[] { "returnee_scores.csv", "aggregates.csv", "panel_change.csv", "rejects.csv", "returnee_scores.parquet", "aggregates.parquet" })
            Assert.True(File.ReadAllBytes(Path.Combine(capped, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(one, file))), $"{file} differs");
    }
}
