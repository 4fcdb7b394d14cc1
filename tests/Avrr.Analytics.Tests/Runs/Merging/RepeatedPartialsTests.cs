using System.Diagnostics;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Merging;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Tests.Cli;
using Avrr.Analytics.Tests.Runs.Partials;
using AvrrCli = Avrr.Analytics.Tests.Cli.Avrr;

namespace Avrr.Analytics.Tests.Runs.Merging;

/// <summary>
/// Issue 23 §2: the merge counts no survey twice. The same partial given twice, a copy of it (renamed, hard-linked, a
/// link to its folder, its id edited), two partials of the same export (with other settings, a copy of the export
/// under another name), and the same recipe tables sealed twice are refused with exit 3, naming both partials, in any
/// order of the arguments; the same export in periods that do not overlap, or with --disjoint-inputs, merges. With
/// returnee summaries, a repeated submission that landed in two exports (an export split by rows) is refused where it
/// used to be scored twice (392 scored where one run scores 390), also between a partial of the engine and one of the
/// SQL recipe.
/// </summary>
public sealed class RepeatedPartialsTests
{
    private sealed class Made
    {
        public MergeFixture F { get; } = new();
        public string First { get; }
        public string Second { get; }
        public string PartialFirst { get; }
        public string PartialSecond { get; }

        public Made()
        {
            First = F.Write("first", F.Rows.Take(1000));
            Second = F.Write("second", F.Rows.Skip(1000));
            PartialFirst = F.Partial("first", [First], Design.WeightsOnly);
            PartialSecond = F.Partial("second", [Second], Design.WeightsOnly);
        }
    }

    private static readonly Lazy<Made> Shared = new(() => new Made());

    private static AvrrCall Merge(int exit, params string[] args)
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "merged");
        var call = AvrrCli.Expect(exit, ["merge", .. args, "--out", out_, "--quiet", "--no-report", "--formats", "csv"]);
        if (exit != 0) Assert.False(Directory.Exists(out_), "a refused merge wrote its result folder");
        return call;
    }

    private static string Copy(string partial, string name, bool hardLinks = false)
    {
        var copy = Path.Combine(TestFiles.TempFolder(), name);
        foreach (var file in Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(partial, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (hardLinks) Run("ln", file, target);
            else File.Copy(file, target);
        }
        return copy;
    }

    [Fact]
    public void The_same_partial_given_twice_is_refused_with_exit_3_naming_both_in_any_order()
    {
        var m = Shared.Value;
        var call = Merge(3, m.PartialFirst, m.PartialFirst, m.PartialSecond);
        Assert.Contains($"partial refused: {m.PartialFirst}: it is the same partial as {m.PartialFirst} (id ", call.Output);
        Assert.Contains("its surveys would be counted twice", call.Output);
        Assert.Contains($"it is the same partial as {m.PartialFirst}", Merge(3, m.PartialSecond, m.PartialFirst, m.PartialFirst).Output);
        Assert.Contains($"{m.PartialFirst}/: it is the same partial as {m.PartialFirst}", Merge(3, m.PartialFirst, m.PartialSecond, m.PartialFirst + "/").Output);
    }

    [SkippableFact]
    public void A_copy_of_a_partial_renamed_hard_linked_or_linked_is_refused_naming_both()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "hard links are made with ln");
        var m = Shared.Value;
        var renamed = Copy(m.PartialFirst, "office-dakar-final");
        Assert.Contains($"partial refused: {renamed}: it is the same partial as {m.PartialFirst}", Merge(3, m.PartialFirst, m.PartialSecond, renamed).Output);
        Assert.Contains($"partial refused: {m.PartialFirst}: it is the same partial as {renamed}", Merge(3, renamed, m.PartialFirst).Output);

        var linked = Copy(m.PartialFirst, "hard-linked", hardLinks: true);
        Assert.Contains("it is the same partial as", Merge(3, linked, m.PartialSecond, m.PartialFirst).Output);

        var symbolic = Path.Combine(TestFiles.TempFolder(), "link-to-partial");
        Directory.CreateSymbolicLink(symbolic, m.PartialFirst);
        Assert.Contains("it is the same partial as", Merge(3, m.PartialFirst, symbolic).Output);

        // Many copies: the first repetition is named, nothing is merged.
        var copies = Enumerable.Range(0, 20).Select(i => Copy(m.PartialFirst, "copy-" + i)).ToArray();
        Assert.Contains("it is the same partial as", Merge(3, [m.PartialSecond, .. copies]).Output);
    }

    [Fact]
    public void A_copy_whose_id_was_changed_and_hashed_again_is_refused_for_holding_the_same_tables()
    {
        var m = Shared.Value;
        var copy = Copy(m.PartialFirst, "new-id");
        PartialForgery.Edit(copy, body => body["id"] = "0123456789abcdef0123456789abcdef");
        var call = Merge(3, m.PartialFirst, copy);
        Assert.Contains($"partial refused: {copy}: it holds the same tables as {m.PartialFirst}", call.Output);
    }

    [Fact]
    public void Two_partials_of_one_export_are_refused_whatever_their_other_settings_or_the_exports_name_unless_said_disjoint()
    {
        var m = Shared.Value;
        var folder = TestFiles.TempFolder();
        // The same export with another threshold and language: the same surveys, so the same tables, in another partial.
        var again = Path.Combine(folder, "again");
        AvrrCli.Expect(0, "run", m.First, "--out", Path.Combine(folder, "r-again"), "--partial-out", again, "--min-cell", "10", "--lang", "fr",
            "--formats", "csv", "--no-report", "--no-insights", "--no-audit", "--quiet");
        Assert.Contains($"partial refused: {again}: it holds the same tables as {m.PartialFirst}", Merge(3, m.PartialFirst, again, "--min-cell", "5").Output);

        // A copy of the export under another name (the same bytes, the same SHA-256), up to a date: other tables, the same surveys up to it.
        var renamed = Path.Combine(folder, "SEN_2026_Q3 (final).csv");
        File.Copy(m.First, renamed);
        var dates = m.F.Rows.Take(1000).Select(r => r[m.F.Column("survey_date")]).Order(StringComparer.Ordinal).ToArray();
        var other = Path.Combine(folder, "other");
        AvrrCli.Expect(0, "run", renamed, "--out", Path.Combine(folder, "r-other"), "--partial-out", other, "--to", dates[^100],
            "--formats", "csv", "--no-report", "--no-insights", "--no-audit", "--quiet");
        var call = Merge(3, m.PartialFirst, m.PartialSecond, other);
        Assert.Contains($"partial refused: {other}: it was made from the same export as {m.PartialFirst} ({renamed} in it, {m.First} in {m.PartialFirst}", call.Output);
        Assert.Contains("give --disjoint-inputs", call.Output);

        // Said to hold different surveys of it on purpose: merged (the flag is the user's word, and the manifest keeps it).
        var out_ = Path.Combine(TestFiles.TempFolder(), "merged");
        AvrrCli.Expect(0, "merge", m.PartialFirst, other, "--out", out_, "--disjoint-inputs", "--quiet", "--no-report");
        Assert.Contains("\"disjoint_inputs\": true", File.ReadAllText(Path.Combine(out_, "manifest.json")));
    }

    [Fact]
    public void One_cumulative_export_run_for_two_periods_that_do_not_overlap_merges_and_for_overlapping_ones_is_refused()
    {
        var m = Shared.Value;
        var all = m.F.Write("cumulative", m.F.Rows);
        var dates = m.F.Rows.Select(r => DateOnly.Parse(r[m.F.Column("survey_date")], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        var middle = dates[dates.Length / 2];
        string Partial(string name, DateOnly? from, DateOnly? to)
        {
            var partial = Path.Combine(m.F.Folder, "period-" + name);
            Avrr.Analytics.Runs.EvaluationRun.Execute(new RunSettings
            {
                Inputs = [all], OutputFolder = Path.Combine(m.F.Folder, "period-result-" + name), PartialOut = partial, Period = new SurveyPeriod(from, to),
                Formats = OutputFormats.Csv, Report = false, Insights = false, Audit = false, Threads = 1,
            });
            return partial;
        }
        var (before, after) = (Partial("before", null, middle), Partial("after", middle.AddDays(1), null));
        Merge(0, before, after);
        var overlapping = Partial("overlapping", middle, null);
        var call = Merge(3, before, overlapping);
        Assert.Contains("it was made from the same export as", call.Output);
        Assert.Contains($"in from {SurveyPeriod.Text(middle)} and up to {SurveyPeriod.Text(middle)}, which overlap", call.Output);
    }

    [Fact]
    public void The_same_recipe_tables_sealed_twice_are_refused_for_holding_the_same_tables()
    {
        var m = Shared.Value;
        var folder = TestFiles.TempFolder();
        var result = Path.Combine(folder, "tree");
        Avrr.Analytics.Runs.EvaluationRun.Execute(new RunSettings
        {
            Inputs = [m.First], OutputFolder = result, PartitionBy = ["country", "quarter"], Report = false, Insights = false, Audit = false, Threads = 1,
        });
        var tables = Path.Combine(folder, "sql");
        Directory.CreateDirectory(tables);
        using (var db = new DuckDb()) db.Execute(PartialRecipe.Sql(new RecipeSettings().Plan(), PartialPanel.Cells, Path.Combine(result, "returnee_scores"), tables, SqlDialect.DuckDb));
        var copy = Copy(tables, "sql-copy");
        PartialSeal.Seal(tables, new RecipeSettings());
        PartialSeal.Seal(copy, new RecipeSettings());
        Assert.Contains($"partial refused: {copy}: it holds the same tables as {tables}", Merge(3, tables, copy).Output);
    }

    [Fact]
    public void A_repeated_submission_in_two_exports_with_returnee_summaries_is_refused_where_it_was_scored_twice()
    {
        var f = Shared.Value.F;
        var rows = f.Rows;
        // The export split by rows, a survey submitted twice (the second a correction) landing in both halves.
        var repeated = (string[])rows[10].Clone();
        repeated[f.Column("econ_satisfaction")] = repeated[f.Column("econ_satisfaction")] == "1" ? "2" : "1";
        var (a, b) = (f.Write("split-a", rows.Take(1000)), f.Write("split-b", rows.Skip(1000).Append(repeated)));
        var single = Avrr.Analytics.Runs.EvaluationRun.Execute(new RunSettings
        {
            Inputs = [a, b], OutputFolder = Path.Combine(f.Folder, "split-single"), Formats = OutputFormats.Csv, Report = false, Insights = false, Audit = false, Threads = 1,
        });
        Assert.Equal(rows.Count, single.RowsScored);
        Assert.Equal(1, single.RejectsByReason["duplicate_survey"]);

        var partials = new[] { ("a", a), ("b", b) }.Select(p => f.Partial("split-" + p.Item1, [p.Item2], Design.StrataClusters, PartialPanel.Returnees)).ToArray();
        var e = Assert.Throws<PartialRefusedException>(() => f.Merge("split", partials));
        Assert.Equal(partials[1], e.Partial);
        Assert.Contains($"it holds 1 survey(s) that {partials[0]} holds too (the same returnee and round, or date)", e.Message);
        Assert.Contains("duplicate_survey", e.Message);
        Assert.False(Directory.Exists(Path.Combine(f.Folder, "merged-split")));

    }

    [Fact]
    public void A_repeated_submission_between_a_partial_of_the_engine_and_one_of_the_recipe_is_refused_too()
    {
        var f = Shared.Value.F;
        var rows = f.Rows;
        var (a, b) = (f.Write("mixed-a", rows.Take(1000)), f.Write("mixed-b", rows.Skip(1000).Append(rows[20])));
        var engine = f.Partial("mixed-a", [a], Design.WeightsOnly, PartialPanel.Returnees);
        var tree = Path.Combine(f.Folder, "mixed-b-tree");
        Avrr.Analytics.Runs.EvaluationRun.Execute(new RunSettings
        {
            Inputs = [b], OutputFolder = tree, PartitionBy = ["country", "quarter"], Report = false, Insights = false, Audit = false, Threads = 1,
        });
        var sql = Path.Combine(f.Folder, "mixed-b-sql");
        Directory.CreateDirectory(sql);
        var recipe = new RecipeSettings { PartialPanel = PartialPanel.Returnees, PartialSalt = MergeFixture.Salt };
        using (var db = new DuckDb())
        {
            db.Execute($"SET VARIABLE {PartialRecipe.SaltVariable} = {DuckDb.Quote(MergeFixture.Salt)}");
            db.Execute(PartialRecipe.Sql(recipe.Plan(), PartialPanel.Returnees, Path.Combine(tree, "returnee_scores"), sql, SqlDialect.DuckDb));
        }
        PartialSeal.Seal(sql, recipe);
        var e = Assert.Throws<PartialRefusedException>(() => f.Merge("mixed", [engine, sql]));
        Assert.Contains($"it holds 1 survey(s) that {engine} holds too", e.Message);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
