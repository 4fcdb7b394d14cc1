using System.Text;
using System.Text.Json.Nodes;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>avrr merge</c> through the runner: partials that disagree (scheme, levels, design columns, panel, a setting
/// the merge is not given) are refused with exit 2 and a message naming what differs; a partial changed after it
/// was written (a table's bytes, its descriptor, a file missing) or a folder that is not a partial is refused with
/// exit 3; either way nothing is written. Partials of the clean sample, run once per test class.
/// </summary>
public sealed class MergeCommandTests
{
    private sealed class Made
    {
        public string Folder { get; } = TestFiles.TempFolder();
        public string First { get; }
        public string Second { get; }
        /// <summary>The second export with its weights also in a column named sampling_weight.</summary>
        public string SecondWeighted { get; }
        public int Rows { get; }

        public Made()
        {
            var (header, rows) = Samples.Fields(Samples.Clean);
            Rows = rows.Count;
            First = Samples.Write(Path.Combine(Folder, "first.csv"), header, rows.Take(1000));
            Second = Samples.Write(Path.Combine(Folder, "second.csv"), header, rows.Skip(1000));
            var weight = Array.IndexOf(header, "weight");
            SecondWeighted = Samples.Write(Path.Combine(Folder, "second-weighted.csv"), [.. header, "sampling_weight"], rows.Skip(1000).Select(r => (string[])[.. r, r[weight]]));
        }

        /// <summary>
        /// A partial of one export with extra flags, made once per name. Only the runs of partial-a and partial-b have
        /// insights (the merge of the two must leave them out, and one test looks at a's); no run has an audit or a
        /// report: no test reads them, and a merge has neither.
        /// </summary>
        public string Partial(string name, string export, params string[] flags)
        {
            var partial = Path.Combine(Folder, "partial-" + name);
            if (!Directory.Exists(partial))
                Avrr.Expect(0, ["run", export, "--out", Path.Combine(Folder, "result-" + name), "--partial-out", partial, "--formats", "csv", "--no-report", "--no-audit",
                    .. name is "a" or "b" ? Array.Empty<string>() : ["--no-insights"], "--quiet", .. flags]);
            return partial;
        }

        /// <summary>A copy of a partial to change by hand.</summary>
        public string Copy(string partial, string name)
        {
            var copy = Path.Combine(Folder, name);
            foreach (var file in Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(partial, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            return copy;
        }
    }

    private static readonly Lazy<Made> Shared = new(() => new Made());

    private static AvrrCall Merge(int exit, params string[] partials)
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "merged");
        var call = Avrr.Expect(exit, ["merge", .. partials, "--out", out_, "--quiet"]);
        if (exit != 0) Assert.False(Directory.Exists(out_), "a refused merge wrote its result folder");
        return call;
    }

    [Fact]
    public void A_merge_of_partials_of_unweighted_runs_says_it_is_unweighted_in_its_summary_manifest_and_report()
    {
        var m = Shared.Value;
        var (a, b) = (m.Partial("unweighted-a", m.First, "--unweighted"), m.Partial("unweighted-b", m.Second, "--unweighted"));
        Assert.Equal("false", System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(a, "partial.json")))!["partial"]!["settings"]!["weighted"]!.ToJsonString());
        var out_ = Path.Combine(TestFiles.TempFolder(), "merged");
        var call = Avrr.Expect(0, "merge", a, b, "--out", out_, "--quiet");
        // The summary's line, as after a run (Summary.Print), and the manifest's keys, as a run's.
        Assert.Contains("The estimates are unweighted (every survey weighs 1): as asked (--unweighted, or \"weight\": null).", call.Output);
        var settings = OutputContract.Manifest(out_)["settings"]!;
        Assert.Equal("false", settings["weighted"]!.ToJsonString());
        Assert.Equal("true", settings["unweighted"]!.ToJsonString());
        Assert.Contains("Weights: none, the estimates are unweighted (every survey weighs 1): as asked (--unweighted).", File.ReadAllText(Path.Combine(out_, "report.html")));

        // With a partial of a weighted run, the merge is still unweighted (some surveys weigh 1), but not on purpose.
        var mixed = Path.Combine(TestFiles.TempFolder(), "mixed");
        var both = Avrr.Expect(0, "merge", m.Partial("a", m.First), b, "--out", mixed, "--quiet", "--no-report");
        Assert.Contains("The estimates are unweighted (every survey weighs 1): the inputs have no column weight.", both.Output);
        Assert.Equal("false", OutputContract.Manifest(mixed)["settings"]!["weighted"]!.ToJsonString());
        Assert.Equal("false", OutputContract.Manifest(mixed)["settings"]!["unweighted"]!.ToJsonString());
    }

    [Fact]
    public void Two_partials_of_the_same_settings_merge_with_exit_0_and_a_summary()
    {
        var m = Shared.Value;
        var call = Merge(0, m.Partial("a", m.First), m.Partial("b", m.Second));
        Assert.Contains("2 partials merged", call.Output);
        Assert.Contains($"{m.Rows:N0} scored", call.Output);
    }

    [Fact]
    public void A_merged_result_has_no_insights_and_says_so_in_its_summary_its_manifest_and_its_report()
    {
        var m = Shared.Value;
        var (a, b) = (m.Partial("a", m.First), m.Partial("b", m.Second));
        // The runs that made the partials have insights: the merge could have carried them, and does not.
        Assert.True(Directory.Exists(Path.Combine(m.Folder, "result-a", "insights")));
        var out_ = Path.Combine(TestFiles.TempFolder(), "merged");
        var call = Avrr.Expect(0, "merge", a, b, "--out", out_, "--quiet");
        Assert.Contains("No insights, returnee_scores or rejects.csv: they need each returnee's own surveys", call.Output);

        Assert.False(Directory.Exists(Path.Combine(out_, "insights")));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(out_, "manifest.json")))!;
        Assert.StartsWith("none: profiles, drivers and the early warning are learnt from each returnee's own surveys", (string)manifest["insights_note"]!);
        Assert.Null(manifest["insights"]);
        Assert.Null(manifest["settings"]!["insights"]);
        Assert.DoesNotContain(manifest["files"]!.AsArray(), f => ((string)f!).StartsWith("insights", StringComparison.Ordinal));
        var report = File.ReadAllText(Path.Combine(out_, "report.html"));
        Assert.Contains("This result merges 2 partials (avrr merge): its tables are those of one run over all their surveys. It has no insights", report);

        var french = Path.Combine(TestFiles.TempFolder(), "fusion");
        Assert.Contains("Ni analyses, ni returnee_scores, ni rejects.csv", Avrr.Expect(0, "merge", a, b, "--out", french, "--lang", "fr", "--quiet").Output);
        Assert.Contains("Ce résultat fusionne 2 partiels (avrr merge)", File.ReadAllText(Path.Combine(french, "report.html")));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void The_profile_column_of_the_insights_is_in_the_runs_returnee_scores_and_nowhere_in_its_partial()
    {
        var m = Shared.Value;
        var partial = m.Partial("a", m.First);
        var scores = File.ReadLines(Path.Combine(m.Folder, "result-a", "returnee_scores.csv")).First().Split(',');
        Assert.Contains("profile", scores);
        Assert.DoesNotContain("profile", File.ReadAllText(Path.Combine(partial, "partial.json")));
        using var db = new Runs.Partials.DuckDb();
        foreach (var table in Directory.EnumerateFiles(partial, "*.parquet", SearchOption.AllDirectories))
        {
            var columns = db.Rows($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet({Runs.Partials.DuckDb.Quote(table)}, hive_partitioning = false))")
                .Select(r => (string)r[0]!).ToArray();
            Assert.DoesNotContain("profile", columns);
        }
    }

    [Fact]
    public void Clusters_of_returnees_are_refused_in_a_partial_whose_PSU_labels_would_be_their_ids()
    {
        var m = Shared.Value;
        var folder = TestFiles.TempFolder();
        var call = Avrr.Expect(2, "run", m.First, "--out", Path.Combine(folder, "r"), "--partial-out", Path.Combine(folder, "p"), "--cluster", "returnee_id", "--quiet");
        Assert.Contains("--cluster returnee_id: clusters of returnees cannot go into a partial, whose PSU labels would then be every returnee's id", call.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "p")));
        Assert.False(Directory.Exists(Path.Combine(folder, "r")));
        Assert.Contains("clusters of returnees cannot go into a partial",
            Avrr.Expect(2, "partial", "sql", "--tree", "t", "--to", "p", "--cluster", "returnee_id").Output);
        // Without a partial, clusters of returnees are a design like any other.
        Avrr.Expect(0, "run", m.First, "--out", Path.Combine(folder, "r"), "--cluster", "returnee_id", "--formats", "csv", "--no-report", "--no-insights", "--no-audit", "--quiet");
    }

    [Fact]
    public void Partials_of_another_scheme_are_refused_naming_the_scheme()
    {
        var m = Shared.Value;
        var scheme = Path.Combine(m.Folder, "heavier-economic.json");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.Repository, "data-samples", "rss-15.json"),
            Encoding.UTF8), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        json["id"] = "rss-15-heavier-economic";
        json["dimensions"]![0]!["weight"] = 2;
        File.WriteAllText(scheme, json.ToJsonString());
        var call = Merge(2, m.Partial("a", m.First), m.Partial("other-scheme", m.Second, "--scheme", scheme));
        Assert.Contains("the partials disagree on the scheme", call.Output);
        Assert.Contains("rss-15-heavier-economic", call.Output);
    }

    [Theory]
    [InlineData("levels", "the levels", new[] { "--levels", "country+sex" })]
    [InlineData("indicators", "the measures", new[] { "--indicators" })]
    [InlineData("cluster", "the cluster column", new[] { "--cluster", "community" })]
    [InlineData("strata", "the strata column", new[] { "--strata", "country" })]
    [InlineData("weight", "the weight column", new[] { "--weight", "sampling_weight" })]
    public void Partials_that_disagree_on_a_setting_of_the_estimates_are_refused_with_exit_2_naming_it(string name, string what, string[] flags)
    {
        var m = Shared.Value;
        var call = Merge(2, m.Partial("a", m.First), m.Partial(name, name == "weight" ? m.SecondWeighted : m.Second, flags));
        Assert.Contains($"the partials disagree on {what}", call.Output);
        Assert.Contains("partial-a has", call.Output);
    }

    [Fact]
    public void Partials_with_different_thresholds_need_the_merge_to_say_which_it_uses()
    {
        var m = Shared.Value;
        var (a, b) = (m.Partial("a", m.First), m.Partial("min-cell-10", m.Second, "--min-cell", "10"));
        var call = Merge(2, a, b);
        Assert.Contains("different --min-cell (5 in", call.Output);
        Assert.Contains("give --min-cell", call.Output);
        var out_ = Path.Combine(TestFiles.TempFolder(), "merged");
        Avrr.Expect(0, "merge", a, b, "--out", out_, "--min-cell", "10", "--quiet");
        Assert.Contains("\"min_cell\": 10", File.ReadAllText(Path.Combine(out_, "manifest.json")));
    }

    [Fact]
    public void A_partial_whose_table_was_changed_by_hand_is_refused_with_exit_3()
    {
        var m = Shared.Value;
        var changed = m.Copy(m.Partial("a", m.First), "changed-values");
        var values = Path.Combine(changed, "values.parquet");
        var bytes = File.ReadAllBytes(values);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(values, bytes);
        var call = Merge(3, changed, m.Partial("b", m.Second));
        Assert.Contains("partial refused:", call.Output);
        Assert.Contains("the file values.parquet was changed after the partial was written", call.Output);
        Assert.Contains("Nothing was written", call.Output);
    }

    [Fact]
    public void A_partial_whose_descriptor_was_edited_is_refused_with_exit_3()
    {
        var m = Shared.Value;
        var changed = m.Copy(m.Partial("a", m.First), "changed-descriptor");
        var descriptor = Path.Combine(changed, "partial.json");
        File.WriteAllText(descriptor, File.ReadAllText(descriptor).Replace("\"rows_scored\": 1000", "\"rows_scored\": 1001"));
        var call = Merge(3, changed, m.Partial("b", m.Second));
        Assert.Contains("its \"partial\" object was changed after it was written", call.Output);
    }

    [Fact]
    public void A_partial_with_a_table_missing_or_added_is_refused_with_exit_3()
    {
        var m = Shared.Value;
        var missing = m.Copy(m.Partial("a", m.First), "missing-table");
        File.Delete(Path.Combine(missing, "strata.parquet"));
        Assert.Contains("the file strata.parquet that its partial.json lists is missing", Merge(3, missing).Output);

        var added = m.Copy(m.Partial("a", m.First), "added-part");
        Directory.CreateDirectory(Path.Combine(added, "values"));
        File.Move(Path.Combine(added, "values.parquet"), Path.Combine(added, "values", "part-0.parquet"));
        Assert.Contains("missing", Merge(3, added).Output);
    }

    [Fact]
    public void A_folder_that_is_not_a_partial_is_refused_with_exit_3()
    {
        var m = Shared.Value;
        var call = Merge(3, Path.Combine(m.Folder, "result-a"));
        Assert.Contains("it holds no partial.json, so it is not a partial of avrr", call.Output);
    }

    [Fact]
    public void Returnee_summaries_without_a_salt_are_refused_naming_the_environment_variable()
    {
        var m = Shared.Value;
        var call = Avrr.Expect(2, "run", m.First, "--out", Path.Combine(TestFiles.TempFolder(), "r"), "--partial-out", Path.Combine(TestFiles.TempFolder(), "p"),
            "--partial-panel", "returnees");
        Assert.Contains("AVRR_PARTIAL_SALT", call.Output);
    }

    [Fact]
    public void Partials_with_panel_by_cells_and_by_returnees_are_refused()
    {
        var m = Shared.Value;
        var folder = TestFiles.TempFolder();
        var returnees = Path.Combine(folder, "partial-returnees");
        EvaluationRun.Execute(new RunSettings
        {
            Inputs = [m.Second], OutputFolder = Path.Combine(folder, "r"), PartialOut = returnees, PartialPanel = PartialPanel.Returnees,
            PartialSalt = "a salt of sixteen or more characters", Formats = OutputFormats.Csv, Report = false, Insights = false, Audit = false,
        });
        var call = Merge(2, m.Partial("a", m.First), returnees);
        Assert.Contains("how panel change is carried (--partial-panel): ", call.Output);
    }

    [Fact]
    public void A_partial_folder_that_is_the_result_folder_or_inside_or_around_it_is_refused_at_once_with_exit_2_touching_nothing()
    {
        // Issue 23 §9: --partial-out equal to --out ran the whole evaluation, then exited 5 on its own lock and left an empty folder.
        var parent = TestFiles.TempFolder();
        var results = Path.Combine(parent, "results");
        var link = Path.Combine(parent, "link");
        Directory.CreateSymbolicLink(link, results);
        // The input does not exist: a refusal of the folders, with exit 2, comes before any input is read.
        var missing = Path.Combine(parent, "no-such-export.csv");
        foreach (var (out_, partial) in new[]
        {
            (results, results), (results, results + "/"), (results, Path.Combine(parent, "x", "..", "results")), (results, link),
            (results, Path.Combine(results, "partial")), (Path.Combine(results, "inner"), results),
        })
        {
            var call = Avrr.Expect(2, "run", missing, "--out", out_, "--partial-out", partial, "--quiet");
            Assert.Contains($"--partial-out {partial}: it is the result folder", call.Output);
            Assert.Equal(["link"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
        }
    }

    [Fact]
    public void The_partial_folder_is_kept_safe_like_the_result_folder()
    {
        var m = Shared.Value;
        var parent = TestFiles.TempFolder();
        var foreign = Path.Combine(parent, "documents");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "plan.txt"), "the evaluation plan");
        var call = Avrr.Expect(2, "run", m.First, "--out", Path.Combine(parent, "results"), "--partial-out", foreign, "--quiet");
        Assert.Contains("--partial-out " + foreign, call.Output);
        Assert.Contains("it is not empty and it is not a partial folder of avrr", call.Output);
        Assert.Equal("the evaluation plan", File.ReadAllText(Path.Combine(foreign, "plan.txt")));
        Assert.False(Directory.Exists(Path.Combine(parent, "results")));

        var inside = Avrr.Expect(2, "run", m.First, "--out", Path.Combine(parent, "results"), "--partial-out", Path.Combine(parent, "results", "partial"), "--quiet");
        Assert.Contains("write the partial to a folder of its own", inside.Output);

        // A partial avrr made is replaced by the next run's.
        var partial = Path.Combine(parent, "partial");
        Avrr.Expect(0, ["run", m.First, "--out", Path.Combine(parent, "results"), "--partial-out", partial, "--quiet", .. SampleResults.TablesOnly]);
        Avrr.Expect(0, ["run", m.Second, "--out", Path.Combine(parent, "results"), "--partial-out", partial, "--quiet", .. SampleResults.TablesOnly]);
        Assert.Contains($"\"rows_scored\": {m.Rows - 1000}", File.ReadAllText(Path.Combine(partial, "partial.json")));
        Assert.Contains(Path.GetFileName(m.Second), File.ReadAllText(Path.Combine(partial, "partial.json")));
    }
}
