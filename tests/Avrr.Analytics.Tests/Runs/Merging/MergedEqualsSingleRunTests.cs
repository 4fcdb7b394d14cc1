using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Tests.Cli;

namespace Avrr.Analytics.Tests.Runs.Merging;

/// <summary>
/// A merge of partials gives the tables of one run over all their surveys (docs/partials.md), whatever the split:
/// by country, by input file, or at random by row (with returnee summaries, so that the same returnee surveyed in
/// two partials is paired), and in every design: weights only, clusters, strata and clusters, and strata whose
/// lonely PSU is only seen as such (or not) once the partials are together. Every level, measure, comparison, panel
/// change and data_quality row: counts exactly, statistics to 1e-12, quantiles exactly when the single run reads
/// the surveys in the partials' order (ties sit in survey order), and everything but quantiles when it reads the
/// original export.
/// </summary>
public sealed class MergedEqualsSingleRunTests
{
    private static readonly Lazy<MergeFixture> Shared = new(() => new MergeFixture());

    public static TheoryData<Design> Designs => new() { Design.WeightsOnly, Design.Clusters, Design.StrataClusters };

    [Fact]
    public void Partials_of_each_country_merge_into_the_tables_of_one_run_over_every_country()
    {
        var f = Shared.Value;
        var country = f.Column("country");
        var countries = f.Rows.Select(r => r[country]).Distinct().Order(StringComparer.Ordinal).ToArray();
        var files = countries.Select(c => f.Write("country-" + c, f.Rows.Where(r => r[country] == c))).ToArray();
        var partials = files.Select((file, i) => f.Partial("country-" + countries[i], [file], Design.WeightsOnly)).ToArray();
        var merged = f.Merge("by-country", partials);

        ResultTables.AssertSame(f.Single("by-country-in-order", files, Design.WeightsOnly), merged, Quantiles.Exact);
        ResultTables.AssertSame(f.Single("all", [f.Write("all", f.Rows)], Design.WeightsOnly), merged, Quantiles.Skipped);
    }

    [Fact]
    public void Partials_of_each_input_file_merge_into_the_tables_of_one_run_over_the_files()
    {
        var f = Shared.Value;
        var id = f.Column("returnee_id");
        // Three offices, each with every survey of its returnees.
        var files = Enumerable.Range(0, 3).Select(k => f.Write("office-" + k, f.Rows.Where(r => MergeFixture.Digits(r[id]) % 3 == k))).ToArray();
        var partials = files.Select((file, k) => f.Partial("office-" + k, [file], Design.WeightsOnly)).ToArray();
        ResultTables.AssertSame(f.Single("offices", files, Design.WeightsOnly), f.Merge("by-file", partials), Quantiles.Exact);
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Partials_of_rows_split_at_random_merge_with_returnee_summaries_into_the_single_run_also_for_a_returnee_in_two_partials(Design design)
    {
        var f = Shared.Value;
        var random = new Random(20261127);
        var part = f.Rows.Select(_ => random.Next(3)).ToArray();
        var id = f.Column("returnee_id");
        var spread = f.Rows.Select((r, i) => (Id: r[id], Part: part[i])).GroupBy(x => x.Id).Count(g => g.Select(x => x.Part).Distinct().Count() > 1);
        Assert.True(spread > 100, $"only {spread} returnees have surveys in two partials");

        var name = "random-" + design;
        var files = Enumerable.Range(0, 3).Select(k => f.Write($"{name}-{k}", f.Rows.Where((_, i) => part[i] == k))).ToArray();
        var partials = files.Select((file, k) => f.Partial($"{name}-{k}", [file], design, PartialPanel.Returnees)).ToArray();
        var merged = f.Merge(name, partials);

        ResultTables.AssertSame(f.Single(name + "-in-order", files, design), merged, Quantiles.Exact);
        ResultTables.AssertSame(f.Single(name + "-all", [f.Write(name + "-all", f.Rows)], design), merged, Quantiles.Skipped);
        Assert.True(File.Exists(Path.Combine(merged, "panel_change.csv")));
    }

    [Fact]
    public void A_stratum_lonely_in_every_partial_is_lonely_after_the_merge_only_when_its_partials_share_one_PSU()
    {
        var f = Shared.Value;
        var (country, psu, stratum) = (f.Column("country"), f.Column("psu"), f.Column("stratum"));
        var random = new Random(7);
        var part = f.Rows.Select(_ => random.Next(2)).ToArray();
        // BFA: one stratum of one PSU, surveyed in both partials (one PSU, lonely, after the merge too);
        // CIV: one stratum whose PSU is K-a in the first partial and K-b in the second (lonely in each, two PSUs together).
        var rows = f.Rows.Select((r, i) =>
        {
            var row = (string[])r.Clone();
            if (row[country] == "BFA") (row[stratum], row[psu]) = ("S-lonely", "K-one");
            if (row[country] == "CIV") (row[stratum], row[psu]) = ("S-split", part[i] == 0 ? "K-a" : "K-b");
            return row;
        }).ToArray();
        var files = Enumerable.Range(0, 2).Select(k => f.Write("lonely-" + k, rows.Where((_, i) => part[i] == k))).ToArray();
        var partials = files.Select((file, k) => f.Partial("lonely-" + k, [file], Design.StrataClusters, PartialPanel.Returnees)).ToArray();
        var merged = f.Merge("lonely", partials);
        ResultTables.AssertSame(f.Single("lonely-in-order", files, Design.StrataClusters), merged, Quantiles.Exact);

        var aggregates = CsvFile.Read(Path.Combine(merged, "aggregates.csv"));
        string Cell(string group, string column) => aggregates.Rows
            .Single(r => r[aggregates.Index("level")] == "country" && r[aggregates.Index("country")] == group && r[aggregates.Index("measure")] == "composite")[aggregates.Index(column)];
        Assert.Equal("1", Cell("BFA", "psus"));
        Assert.Equal("", Cell("BFA", "se"));
        Assert.Equal("2", Cell("CIV", "psus"));
        Assert.NotEqual("", Cell("CIV", "se"));
    }

    [Fact]
    public void A_group_too_small_in_every_partial_is_shown_after_the_merge_when_it_is_large_enough_there()
    {
        var f = Shared.Value;
        var community = f.Column("community");
        var small = f.Rows.Where(r => r[community] == "Dakar").Take(6).ToArray();
        var rest = f.Rows.Where(r => r[community] != "Dakar").ToArray();
        var files = new[]
        {
            f.Write("small-0", rest.Take(rest.Length / 2).Concat(small.Take(3))),
            f.Write("small-1", rest.Skip(rest.Length / 2).Concat(small.Skip(3))),
        };
        var partials = files.Select((file, k) => f.Partial("small-" + k, [file], Design.WeightsOnly, PartialPanel.Returnees)).ToArray();
        var merged = f.Merge("small", partials);
        ResultTables.AssertSame(f.Single("small-in-order", files, Design.WeightsOnly), merged, Quantiles.Exact);

        static string[] Dakar(string result)
        {
            var aggregates = CsvFile.Read(Path.Combine(result, "aggregates.csv"));
            return aggregates.Rows.Single(r => r[aggregates.Index("level")] == "country+community" && r[aggregates.Index("community")] == "Dakar"
                && r[aggregates.Index("measure")] == "composite");
        }
        var header = CsvFile.Read(Path.Combine(merged, "aggregates.csv"));
        Assert.Equal("true", Dakar(Path.Combine(f.Folder, "result-small-0"))[header.Index("suppressed")]);
        Assert.Equal("true", Dakar(Path.Combine(f.Folder, "result-small-1"))[header.Index("suppressed")]);
        Assert.Equal("false", Dakar(merged)[header.Index("suppressed")]);
        Assert.Equal("6", Dakar(merged)[header.Index("n")]);
    }

    [Fact]
    public void The_report_of_a_merge_is_the_report_of_the_single_run_over_the_same_exports_byte_for_byte_but_for_its_note_on_the_merge_and_why_insights_and_audit_are_not_shown()
    {
        var f = Shared.Value;
        var id = f.Column("returnee_id");
        var files = Enumerable.Range(0, 2).Select(k => f.Write("report-" + k, f.Rows.Where(r => MergeFixture.Digits(r[id]) % 2 == k))).ToArray();
        var partials = files.Select((file, k) => f.Partial("report-" + k, [file], Design.WeightsOnly)).ToArray();
        var merged = f.Merge("report", partials, report: true);
        var single = Path.Combine(f.Folder, "single-report");
        Avrr.Analytics.Runs.EvaluationRun.Execute(new RunSettings
        {
            // Without insights and audit: a merge has neither (they need each returnee's own surveys), and says so.
            Inputs = files, OutputFolder = single, Formats = Avrr.Analytics.IO.Writing.OutputFormats.Csv, Threads = 1, Insights = false, Audit = false,
        });
        var report = File.ReadAllText(Path.Combine(merged, "report.html"));
        var note = System.Text.RegularExpressions.Regex.Match(report, "<p class=\"note merged\">This result merges 2 partials \\(avrr merge\\)[^<]*</p>");
        Assert.True(note.Success, "the merged report does not say that it is a merge");
        // The two sections left out give their reason: for the single run, that they were turned off; for the merge, that it is one.
        var leftOut = new System.Text.RegularExpressions.Regex("<p class=\"left-out\">([^<]*)</p>");
        Assert.Equal(2, leftOut.Matches(report).Count);
        Assert.All(leftOut.Matches(report), m => Assert.Contains("this result was merged from partials (avrr merge)", m.Groups[1].Value));
        Assert.Equal(leftOut.Replace(File.ReadAllText(Path.Combine(single, "report.html")), ""), leftOut.Replace(report.Remove(note.Index, note.Length), ""));
        Assert.True(File.Exists(Path.Combine(merged, "results.xlsx")));
    }
}
