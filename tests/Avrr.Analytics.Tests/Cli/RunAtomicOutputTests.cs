using System.Diagnostics;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Results are written atomically: a refused input, a usage error or an error while writing leaves an
/// earlier result in --out byte for byte, and nothing beside it (no <c>.NAME.avrr-partial-*</c> or
/// <c>.NAME.avrr-previous-*</c> folder, no lock file); a run killed at any step of the final move leaves
/// a state that the next run to the same folder, even a refused one, puts right before anything else.
/// </summary>
public sealed class RunAtomicOutputTests
{
    /// <summary>A folder holding a finished result in "results" (a copy of the shared run of the sample, with insights/ and audit/), and its bytes.</summary>
    private static (string Parent, string Out, SortedDictionary<string, byte[]> Before) EarlierResult()
    {
        var parent = TestFiles.TempFolder();
        var out_ = SampleResults.CopyDefault(Path.Combine(parent, "results"));
        return (parent, out_, OutputContract.Snapshot(out_));
    }

    private static void AssertUntouched(string parent, string out_, SortedDictionary<string, byte[]> before, params string[] others)
    {
        var after = OutputContract.Snapshot(out_);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before)
            Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
        Assert.Equal(["audit", "insights"], Directory.EnumerateDirectories(out_).Select(Path.GetFileName).Order(StringComparer.Ordinal));
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
    public void An_out_that_is_a_file_is_refused_and_the_file_is_kept()
    {
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
        var partial = Path.Combine(parent, $".results.avrr-partial-{deadPid}");
        Directory.CreateDirectory(partial);
        File.WriteAllText(Path.Combine(partial, ".avrr-partial"), out_);
        File.WriteAllText(Path.Combine(partial, "returnee_scores.csv"), "half a file");

        var call = Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, "--quiet", .. SampleResults.TablesOnly]);

        Assert.Contains("removed the partial result of an interrupted run", call.Output);
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
        Assert.NotEqual("half a file", File.ReadAllText(Path.Combine(out_, "returnee_scores.csv")));
    }

    [Fact]
    public void A_folder_beside_out_that_only_looks_like_a_partial_one_is_never_deleted()
    {
        var (parent, out_, _) = EarlierResult();
        var lookalike = Path.Combine(parent, ".results.avrr-partial-123");
        Directory.CreateDirectory(lookalike);
        File.WriteAllText(Path.Combine(lookalike, "thesis.docx"), "a user's file, no marker, no manifest");

        Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, "--quiet", .. SampleResults.TablesOnly]);

        Assert.Equal("a user's file, no marker, no manifest", File.ReadAllText(Path.Combine(lookalike, "thesis.docx")));
    }

    /// <summary>The steps of the final move, in order, where a kill leaves a different state on disk.</summary>
    public static TheoryData<string> CommitSteps() => new() { "commit:partial-complete", "commit:previous-set-aside", "commit:result-moved", "discard:renamed" };

    [Theory]
    [MemberData(nameof(CommitSteps))]
    [Trait("Category", "Slow")]
    public void A_kill_at_any_step_of_the_final_move_is_put_right_by_the_next_run_even_a_refused_one(string step)
    {
        var (parent, out_, before) = EarlierResult();
        var exports = Path.Combine(parent, "exports");
        Directory.CreateDirectory(exports);
        File.Copy(Samples.Clean, Path.Combine(exports, "clean.csv"));

        // A second run with other rows, killed (SIGKILL) at the step.
        var killed = AvrrProcess.Run(parent, new Dictionary<string, string> { ["AVRR_TEST_KILL_AT"] = step }, "run", exports, "--out", out_, "--quiet");
        Assert.True(killed.ExitCode == 137, $"the run was not killed at {step}: {killed}");

        // The next run is refused (its input does not exist), yet it puts the folder right first.
        var refused = Avrr.Expect(3, "run", Path.Combine(parent, "no-such-export.csv"), "--out", out_);

        Assert.Equal(["exports", "results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
        var after = OutputContract.Snapshot(out_);
        var newResultInPlace = step is "commit:result-moved" or "discard:renamed";
        if (newResultInPlace)
        {
            // The killed run had moved its complete result into place: that result is kept.
            Assert.Equal(Path.Combine(exports, "clean.csv"), (string)OutputContract.Manifest(out_)["inputs"]![0]!["path"]!);
        }
        else
        {
            // It had not: the earlier result is back, byte for byte.
            Assert.Contains(step == "commit:previous-set-aside" ? "restored the earlier result" : "removed the partial result", refused.Output);
            Assert.Equal(before.Keys, after.Keys);
            foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
        }
        Avrr.Expect(0, "run", Samples.Sample, "--out", out_, "--quiet");
        Assert.Equal(["exports", "results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Killing_a_run_while_it_writes_leaves_the_earlier_result_untouched_and_the_next_run_cleans_up()
    {
        var (parent, out_, before) = EarlierResult();
        // Ten copies of the large sample: more batches than a run holds in flight, so that it is still reading when killed.
        var exports = Path.Combine(TestFiles.TempFolder(), "exports");
        Directory.CreateDirectory(exports);
        for (var i = 0; i < 10; i++) File.Copy(Samples.Large, Path.Combine(exports, $"part-{i}.csv"));

        // The run pauses while it writes (pass 2), however busy the machine is, and is killed there.
        using var run = PausedRun.Start(parent, "pass-2", "run", exports, "--out", out_, "--quiet");
        Assert.True(Directory.Exists(Path.Combine(parent, $".results.avrr-partial-{run.Id}")), "the run did not start writing");
        run.Kill();
        run.WaitForExit();

        // The earlier result is whole; the killed run's partial folder (and its lock file) are beside it.
        var after = OutputContract.Snapshot(out_);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before)
            Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
        Assert.Contains(".results.avrr-partial-" + run.Id, Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));

        // The next run removes them.
        Avrr.Expect(0, "run", Samples.Sample, "--out", out_, "--quiet");
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
