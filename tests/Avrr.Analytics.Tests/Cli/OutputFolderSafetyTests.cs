using System.Text;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// The runner never deletes or overwrites a file it did not make. It replaces only a result folder of
/// its own (one whose manifest lists every file in it), an empty folder or one that does not exist, and
/// refuses everything else with exit code 2 before touching anything. Each case runs on real folders
/// holding real files, which must still be there byte for byte afterwards.
/// </summary>
public sealed class OutputFolderSafetyTests
{
    /// <summary>Every file under a folder (hidden ones too) with its bytes, by relative path.</summary>
    private static SortedDictionary<string, byte[]> Tree(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);

    private static void AssertSameTree(SortedDictionary<string, byte[]> before, string folder)
    {
        var after = Tree(folder);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
    }

    /// <summary>A user's folder of exports: an export and a document beside it.</summary>
    private static string Exports(string parent)
    {
        var exports = Path.Combine(parent, "exports");
        Directory.CreateDirectory(exports);
        File.Copy(Samples.Sample, Path.Combine(exports, "RSS_2025_Q3_fr.csv"));
        File.WriteAllBytes(Path.Combine(exports, "notes.docx"), [0x50, 0x4B, 3, 4, .. "the evaluation plan"u8]);
        return exports;
    }

    [Fact]
    public void An_out_folder_that_holds_the_input_export_is_refused_and_both_files_stay_byte_for_byte()
    {
        var parent = TestFiles.TempFolder();
        var exports = Exports(parent);
        var before = Tree(parent);

        var call = Avrr.Expect(2, "run", Path.Combine(exports, "RSS_2025_Q3_fr.csv"), "--out", exports);

        Assert.Contains("it holds the input", call.Output);
        Assert.Contains("Nothing was touched", call.Output);
        AssertSameTree(before, parent);
    }

    [Fact]
    public void A_folder_of_inputs_given_as_out_is_refused()
    {
        var parent = TestFiles.TempFolder();
        var exports = Exports(parent);
        File.Delete(Path.Combine(exports, "notes.docx"));
        var before = Tree(parent);

        Avrr.Expect(2, "run", exports, "--out", exports);

        AssertSameTree(before, parent);
    }

    [Fact]
    public void A_parent_of_an_input_is_refused()
    {
        var parent = TestFiles.TempFolder();
        var exports = Exports(parent);
        var before = Tree(parent);

        var call = Avrr.Expect(2, "run", Path.Combine(exports, "RSS_2025_Q3_fr.csv"), "--out", parent);

        Assert.Contains("it holds the input", call.Output);
        AssertSameTree(before, parent);
    }

    [Fact]
    public void A_non_empty_folder_the_runner_did_not_make_is_refused_and_its_files_are_listed()
    {
        // Like data-samples/: tracked files, no manifest of avrr.
        var parent = TestFiles.TempFolder();
        var samples = Path.Combine(parent, "data-samples");
        Directory.CreateDirectory(samples);
        File.WriteAllText(Path.Combine(samples, "evaluation.json"), "{}");
        File.WriteAllText(Path.Combine(samples, "rss-15.json"), "{}");
        var before = Tree(parent);

        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", samples);

        Assert.Contains("it is not empty and it is not a result folder of avrr", call.Output);
        Assert.Contains("evaluation.json, rss-15.json", call.Output);
        AssertSameTree(before, parent);
    }

    [Fact]
    public void A_result_folder_with_a_file_added_by_the_user_is_refused_and_the_file_is_named()
    {
        var parent = TestFiles.TempFolder();
        var results = Path.Combine(parent, "results");
        SampleResults.CopyDefault(results);
        File.WriteAllText(Path.Combine(results, "notes.txt"), "my comments on the quarter");
        Directory.CreateDirectory(Path.Combine(results, "charts"));
        File.WriteAllText(Path.Combine(results, "charts", "mine.svg"), "<svg/>");
        var before = Tree(parent);

        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", results, "--quiet");

        Assert.Contains("it holds files that avrr did not write", call.Output);
        Assert.Contains("charts/mine.svg", call.Output);
        Assert.Contains("notes.txt", call.Output);
        AssertSameTree(before, parent);
    }

    [Fact]
    public void A_spreadsheet_lock_file_in_the_result_folder_is_named_as_such()
    {
        var parent = TestFiles.TempFolder();
        var results = Path.Combine(parent, "results");
        SampleResults.CopyDefault(results);
        File.WriteAllText(Path.Combine(results, ".~lock.aggregates.csv#"), "user,host");

        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", results, "--quiet");

        Assert.Contains("is one of its files open in a spreadsheet?", call.Output);
        Assert.True(File.Exists(Path.Combine(results, ".~lock.aggregates.csv#")));
    }

    [Fact]
    public void An_empty_folder_and_a_folder_that_does_not_exist_are_used()
    {
        var parent = TestFiles.TempFolder();
        var empty = Path.Combine(parent, "empty");
        Directory.CreateDirectory(empty);

        Avrr.Expect(0, ["run", Samples.Sample, "--out", empty, "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);
        Avrr.Expect(0, ["run", Samples.Sample, "--out", Path.Combine(parent, "new", "results"), "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);

        Assert.True(File.Exists(Path.Combine(empty, "manifest.json")));
        Assert.True(File.Exists(Path.Combine(parent, "new", "results", "manifest.json")));
    }

    [Fact]
    public void A_result_of_the_runner_is_replaced_as_a_whole()
    {
        var parent = TestFiles.TempFolder();
        var results = Path.Combine(parent, "results");
        SampleResults.CopyDefault(results);

        Avrr.Expect(0, ["run", Samples.Sample, "--out", results, "--formats", "csv", "--quiet", .. SampleResults.TablesOnly]);

        Assert.False(File.Exists(Path.Combine(results, "returnee_scores.parquet")));
        Assert.False(Directory.Exists(Path.Combine(results, "insights")));
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void The_current_folder_and_a_folder_above_it_are_refused(string out_)
    {
        var parent = TestFiles.TempFolder();
        var work = Path.Combine(parent, "work");
        Directory.CreateDirectory(work);
        File.Copy(Samples.Sample, Path.Combine(work, "export.csv"));
        File.WriteAllText(Path.Combine(work, "notes.docx"), "keep me");
        var before = Tree(parent);

        var call = AvrrProcess.Run(work, null, "run", "export.csv", "--out", out_);

        Assert.True(call.ExitCode == 2, call.ToString());
        Assert.Contains(out_ == "." ? "it is the current folder" : "it holds the current folder", call.Output);
        AssertSameTree(before, parent);
    }

    [Fact]
    public void A_home_folder_is_refused()
    {
        // A stand-in home folder: the child's HOME, so that nothing real is at stake.
        var home = TestFiles.TempFolder();
        File.WriteAllText(Path.Combine(home, ".profile"), "export PATH");
        var before = Tree(home);

        var call = AvrrProcess.Run(TestFiles.TempFolder(), new Dictionary<string, string> { ["HOME"] = home }, "run", Samples.Sample, "--out", home);

        Assert.True(call.ExitCode == 2, call.ToString());
        Assert.Contains("it is a home folder", call.Output);
        AssertSameTree(before, home);
    }

    [Fact]
    public void The_root_of_the_file_system_is_refused()
    {
        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", "/");
        Assert.Contains("it is the root of a file system", call.Output);
    }

    [Fact]
    public void A_symlink_to_a_folder_that_holds_the_input_is_refused()
    {
        var parent = TestFiles.TempFolder();
        var exports = Exports(parent);
        var link = Path.Combine(parent, "results");
        Directory.CreateSymbolicLink(link, exports);
        var before = Tree(exports);

        var call = Avrr.Expect(2, "run", Path.Combine(exports, "RSS_2025_Q3_fr.csv"), "--out", link);

        Assert.Contains("it holds the input", call.Output);
        AssertSameTree(before, exports);
        Assert.NotNull(new DirectoryInfo(link).LinkTarget);
    }

    [Fact]
    public void An_input_reached_through_a_symlinked_folder_inside_out_is_refused()
    {
        var parent = TestFiles.TempFolder();
        var exports = Exports(parent);
        var linkToExports = Path.Combine(parent, "shortcut");
        Directory.CreateSymbolicLink(linkToExports, exports);
        var before = Tree(exports);

        Avrr.Expect(2, "run", Path.Combine(linkToExports, "RSS_2025_Q3_fr.csv"), "--out", exports);

        AssertSameTree(before, exports);
    }

    [Fact]
    public void A_symlinked_out_is_followed_its_target_gets_the_result_and_the_link_stays_a_link()
    {
        var parent = TestFiles.TempFolder();
        var real = Path.Combine(parent, "store", "results-2025-q3");
        Avrr.Expect(0, ["run", Samples.Sample, "--out", real, "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);
        var link = Path.Combine(parent, "latest");
        Directory.CreateSymbolicLink(link, real);

        Avrr.Expect(0, ["run", Samples.Sample, "--out", link, "--quiet", "--formats", "parquet", .. SampleResults.TablesOnly]);

        Assert.Equal(real, new DirectoryInfo(link).ResolveLinkTarget(true)!.FullName);
        Assert.True(File.Exists(Path.Combine(real, "returnee_scores.parquet")));
        Assert.False(File.Exists(Path.Combine(real, "returnee_scores.csv")));
        Assert.Equal("results-2025-q3", Assert.Single(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(real)!).Select(Path.GetFileName)));
    }

    [Fact]
    public void A_trailing_slash_on_out_is_the_same_folder()
    {
        var parent = TestFiles.TempFolder();
        var results = Path.Combine(parent, "res") + "/";

        Avrr.Expect(0, ["run", Samples.Sample, "--out", results, "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);
        Avrr.Expect(0, ["run", Samples.Sample, "--out", results, "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);

        Assert.Equal(["res"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(parent, "res", "manifest.json")));
    }

    [Fact]
    public void An_out_name_near_the_255_byte_limit_works_because_the_hidden_names_are_derived_shorter()
    {
        var parent = TestFiles.TempFolder();
        var name = new string('r', 200) + "-résultats-" + new string('x', 30);
        Assert.True(Encoding.UTF8.GetByteCount(name) is > 240 and <= 255);

        Avrr.Expect(0, ["run", Samples.Sample, "--out", Path.Combine(parent, name), "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);
        Avrr.Expect(0, ["run", Samples.Sample, "--out", Path.Combine(parent, name), "--quiet", "--formats", "csv", .. SampleResults.TablesOnly]);

        Assert.Equal([name], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public void A_run_while_another_holds_the_folder_is_refused_with_exit_5_and_touches_nothing()
    {
        var parent = TestFiles.TempFolder();
        var results = Path.Combine(parent, "results");
        SampleResults.CopyDefault(results);
        var before = Tree(results);
        // What a running avrr holds: the folder's lock file, opened exclusively.
        using (new FileStream(Path.Combine(parent, ".results.avrr-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var call = Avrr.Expect(5, "run", Samples.Sample, "--out", results, "--quiet");
            Assert.Contains("another avrr run is writing its result to this folder", call.Output);
        }
        AssertSameTree(before, results);
        Avrr.Expect(0, ["run", Samples.Sample, "--out", results, "--quiet", .. SampleResults.TablesOnly]);
    }

    [Fact]
    public void Two_runs_to_one_folder_at_once_the_second_is_refused_and_the_first_finishes()
    {
        var parent = TestFiles.TempFolder();
        var results = Path.Combine(parent, "results");
        var exports = Path.Combine(parent, "exports");
        Directory.CreateDirectory(exports);
        for (var i = 0; i < 2; i++) File.Copy(Samples.Large, Path.Combine(exports, $"part-{i}.csv"));
        // The first run holds the folder while it is paused in its first pass, however busy the machine is.
        using var first = PausedRun.Start(parent, "pass-1", ["run", exports, "--out", results, "--quiet", .. SampleResults.TablesOnly]);
        Assert.True(Directory.Exists(Path.Combine(parent, $".results.avrr-partial-{first.Id}")), "the first run did not start writing");

        var second = Avrr.Run("run", Samples.Sample, "--out", results, "--quiet");

        first.Resume();
        var firstCall = first.WaitForExit();
        Assert.True(second.ExitCode == 5, second.ToString());
        Assert.True(firstCall.ExitCode is 0 or 1, firstCall.ToString());
        Assert.Equal(2 * 12_000, (long)OutputContract.Manifest(results)["rows_read"]!);
        Assert.Equal(["exports", "results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_run_that_scores_no_row_is_refused_with_the_dominant_reason_and_keeps_the_earlier_result()
    {
        var parent = TestFiles.TempFolder();
        var results = Path.Combine(parent, "results");
        SampleResults.CopyDefault(results);
        var before = Tree(results);
        // An Excel re-save: every date written 14/07/2025.
        var (header, rows) = Samples.Fields(Samples.Clean);
        var date = Array.IndexOf(header, "survey_date");
        foreach (var row in rows) row[date] = $"{row[date][8..10]}/{row[date][5..7]}/{row[date][..4]}";
        var resaved = Samples.Write(Path.Combine(parent, "resaved.csv"), header, rows);

        var call = Avrr.Expect(3, "run", resaved, "--out", results);

        Assert.Contains("every one of the", call.Output);
        Assert.Contains("most were invalid_date", call.Output);
        Assert.Contains("dd/MM/yyyy", call.Output);
        AssertSameTree(before, results);
        Assert.Equal(["resaved.csv", "results"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Cast<string>().Order(StringComparer.Ordinal));
    }
}
