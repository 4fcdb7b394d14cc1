using System.Diagnostics;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Results are written atomically (outputs.md): a refused input, a usage error or an error while writing
/// leaves an earlier result in --out byte for byte, and nothing beside it (no <c>.NAME.partial-*</c> or
/// <c>.NAME.previous-*</c> folder); the partial folder of a killed run is cleaned by the next run.
/// </summary>
public sealed class RunAtomicOutputTests
{
    /// <summary>A folder holding a finished result in "results", and its bytes.</summary>
    private static (string Parent, string Out, SortedDictionary<string, byte[]> Before) EarlierResult()
    {
        var parent = TestFiles.TempFolder();
        var out_ = Path.Combine(parent, "results");
        Avrr.Expect(1, "run", Samples.Sample, "--out", out_, "--quiet");
        return (parent, out_, OutputContract.Snapshot(out_));
    }

    private static void AssertUntouched(string parent, string out_, SortedDictionary<string, byte[]> before, params string[] others)
    {
        var after = OutputContract.Snapshot(out_);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before)
            Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
        Assert.Empty(Directory.EnumerateDirectories(out_));
        // Beside --out: the earlier result and the test's own inputs, nothing else (no partial or previous folder).
        Assert.Equal(others.Append("results").Order(StringComparer.Ordinal),
            Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_export_missing_a_required_column_is_refused_and_leaves_the_earlier_result_untouched()
    {
        var (parent, out_, before) = EarlierResult();
        var (header, rows) = Samples.Fields(Samples.Sample);
        var country = Array.IndexOf(header, "country");
        var noCountry = Samples.Write(Path.Combine(parent, "no-country.csv"),
            header.Where((_, i) => i != country).ToArray(), rows.Select(r => r.Where((_, i) => i != country).ToArray()));

        var call = Avrr.Expect(3, "run", noCountry, "--out", out_);

        Assert.Contains("country", call.Output);
        Assert.Contains("Nothing was written", call.Output);
        AssertUntouched(parent, out_, before, "no-country.csv");
    }

    [Fact]
    public void A_binary_file_named_csv_is_refused_and_leaves_the_earlier_result_untouched()
    {
        var (parent, out_, before) = EarlierResult();
        var binary = Path.Combine(parent, "export.csv");
        File.WriteAllBytes(binary, [.. "returnee_id,country\n"u8, 0, 1, 2, 3, 0xFF, 0xFE, 0, 0, 7, 8, 9]);

        var call = Avrr.Expect(3, "run", binary, "--out", out_);

        Assert.Contains("export.csv", call.Output);
        AssertUntouched(parent, out_, before, "export.csv");
    }

    [Fact]
    public void A_file_that_pretends_to_be_parquet_is_refused_even_after_a_good_input()
    {
        var (parent, out_, before) = EarlierResult();
        var fake = Path.Combine(parent, "export.parquet");
        File.WriteAllText(fake, "returnee_id,country,survey_date\nR1,SEN,2025-01-01\n");

        // The good input comes first: the refusal still happens before anything is written.
        Avrr.Expect(3, "run", Samples.Sample, fake, "--out", out_);

        AssertUntouched(parent, out_, before, "export.parquet");
    }

    [Fact]
    public void A_usage_error_leaves_the_earlier_result_untouched()
    {
        var (parent, out_, before) = EarlierResult();

        Avrr.Expect(2, "run", Samples.Sample, "--out", out_, "--levels", "country+religion");

        AssertUntouched(parent, out_, before);
    }

    [Fact]
    public void An_error_after_writing_removes_the_partial_folder_and_keeps_what_was_at_out()
    {
        // --out names a file: everything is written into the partial folder, then the move into place fails.
        var parent = TestFiles.TempFolder();
        var out_ = Path.Combine(parent, "results");
        File.WriteAllText(out_, "not a folder");

        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", out_);

        Assert.Contains("is a file, not a folder", call.Output);
        Assert.Equal("not a folder", File.ReadAllText(out_));
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public void The_partial_folder_of_a_killed_run_is_removed_by_the_next_run_and_never_mixed_into_the_result()
    {
        var (parent, out_, _) = EarlierResult();
        var deadPid = DeadProcessId();
        var partial = Path.Combine(parent, $".results.partial-{deadPid}");
        var previous = Path.Combine(parent, $".results.previous-{deadPid}");
        Directory.CreateDirectory(partial);
        File.WriteAllText(Path.Combine(partial, "returnee_scores.csv"), "half a file");
        Directory.CreateDirectory(previous);
        File.WriteAllText(Path.Combine(previous, "aggregates.csv"), "an old result set aside");

        Avrr.Expect(1, "run", Samples.Sample, "--out", out_, "--quiet");

        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
        Assert.NotEqual("half a file", File.ReadAllText(Path.Combine(out_, "returnee_scores.csv")));
    }

    [Fact]
    public void A_successful_run_replaces_the_earlier_result_as_a_whole()
    {
        var (parent, out_, _) = EarlierResult();
        File.WriteAllText(Path.Combine(out_, "notes.txt"), "a file of an older result");

        Avrr.Expect(1, "run", Samples.Sample, "--out", out_, "--formats", "csv", "--quiet");

        Assert.False(File.Exists(Path.Combine(out_, "notes.txt")));
        Assert.False(File.Exists(Path.Combine(out_, "returnee_scores.parquet")));
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public void Killing_a_run_while_it_writes_leaves_the_earlier_result_untouched_and_the_next_run_cleans_up()
    {
        var (parent, out_, before) = EarlierResult();
        // Enough rows that the run is still scoring when it is killed: ten copies of the large sample.
        var exports = Path.Combine(TestFiles.TempFolder(), "exports");
        Directory.CreateDirectory(exports);
        for (var i = 0; i < 10; i++) File.Copy(Samples.Large, Path.Combine(exports, $"part-{i}.csv"));

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Avrr.Analytics.Cli.dll"), "run", exports, "--out", out_, "--quiet" })
            start.ArgumentList.Add(arg);
        using var run = Process.Start(start)!;
        run.StandardOutput.ReadToEndAsync();
        run.StandardError.ReadToEndAsync();
        var partial = Path.Combine(parent, $".results.partial-{run.Id}");
        // Wait (bounded) for the run to have started writing, then kill it there.
        var wait = Stopwatch.StartNew();
        while (!Directory.Exists(partial) && !run.HasExited && wait.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(5);
        Assert.True(Directory.Exists(partial), $"the run did not start writing (exited: {run.HasExited})");
        run.Kill(entireProcessTree: true);
        run.WaitForExit();

        // The earlier result is whole; the killed run's partial folder is the only thing beside it.
        var after = OutputContract.Snapshot(out_);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before)
            Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
        Assert.Equal([".results.partial-" + run.Id, "results"],
            Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));

        // The next run removes it.
        Avrr.Expect(1, "run", Samples.Sample, "--out", out_, "--quiet");
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
        Directory.Delete(exports, recursive: true);
    }

    /// <summary>A process id no process has now.</summary>
    private static int DeadProcessId()
    {
        for (var pid = int.MaxValue - 1; ; pid--)
        {
            try { using var p = Process.GetProcessById(pid); }
            catch (ArgumentException) { return pid; }
        }
    }
}
