using System.Globalization;
using Avrr.Analytics.Reports;
using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Text;

namespace Avrr.Analytics.Tests.Reports;

/// <summary>
/// The audit section of report.html (docs/report.md, "Audit of the index"): its numbers are the audit/
/// tables' cells, it is written in French too, a group below min-cell shows no number, a skipped
/// uncertainty analysis is said with its reason, names from the data are escaped, and the audit tables
/// are sheets of results.xlsx.
/// </summary>
public sealed class AuditSectionTests(SampleResultFixture sample) : IClassFixture<SampleResultFixture>
{
    private static AngleSharp.Dom.IElement Section(ReportPage page) => page.Document.QuerySelector("section#audit")!;

    private static List<Dictionary<string, string>> Audit(string folder, string table) => CsvRecords.ReadTable(Path.Combine(folder, "audit", table + ".csv"));

    private static string Run(params string[] extra)
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "results");
        Cli.Avrr.Expect(0, ["run", Cli.Samples.Sample, "--out", folder, "--quiet", "--formats", "csv", "--no-insights", .. extra]);
        return folder;
    }

    private static string Render(string folder, string language) => EvaluationReport.Render(ResultFolder.Open(folder), ReportLanguage.Of(language)!);

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Each_dimension_s_alpha_and_each_country_s_ranks_are_shown_as_the_audit_tables_have_them(string language)
    {
        var page = new ReportPage(sample.Render(language));
        var numbers = Section(page).QuerySelectorAll("[data-table]")
            .Select(e => (Table: e.GetAttribute("data-table")!, Row: int.Parse(e.GetAttribute("data-row")!, CultureInfo.InvariantCulture), Column: e.GetAttribute("data-col")!, Shown: e.TextContent))
            .ToArray();
        var reliability = Audit(sample.Folder, "reliability");
        for (var r = 0; r < reliability.Count; r++)
        {
            var expected = double.Parse(reliability[r]["alpha_raw"], CultureInfo.InvariantCulture);
            var shown = Assert.Single(numbers, n => n.Table == "audit/reliability" && n.Row == r && n.Column == "alpha_raw").Shown;
            Assert.Equal(expected.ToString("0.00", CultureInfo.InvariantCulture), ReportPage.Read(shown, language).Value.ToString("0.00", CultureInfo.InvariantCulture));
        }
        var ranks = Audit(sample.Folder, "rank_uncertainty");
        Assert.Equal(5, ranks.Count);
        for (var r = 0; r < ranks.Count; r++)
            foreach (var column in new[] { "n", "nominal_rank", "median_rank", "rank_p05", "rank_p95" })
            {
                var shown = Assert.Single(numbers, n => n.Table == "audit/rank_uncertainty" && n.Row == r && n.Column == column).Shown;
                Assert.Equal(double.Parse(ranks[r][column], CultureInfo.InvariantCulture), ReportPage.Read(shown, language).Value);
            }
        // Every weight of the scheme's tree: three columns of 18 nodes.
        Assert.Equal(18 * 3, numbers.Count(n => n.Table == "audit/weights"));
    }

    [Fact]
    public void The_sentences_take_their_figures_from_the_tables()
    {
        var text = Section(new ReportPage(sample.Render("en"))).TextContent;
        var pca = Audit(sample.Folder, "pca").First(r => r["scope"] == "economic" && r["component"] == "1");
        var eigenvalue = double.Parse(pca["eigenvalue"], CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture);
        Assert.Contains($"Economic: one component stands out (eigenvalue {eigenvalue}", text, StringComparison.Ordinal);
        var runs = Audit(sample.Folder, "notes").Single(r => r["key"] == "uncertainty_runs")["value"];
        Assert.Contains($"under {int.Parse(runs, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture)} variants of the index", text, StringComparison.Ordinal);
        // The sample's ranking of countries moves in none or a few of the 512 runs of A and B: the sensitivity indices are withheld, and the report says why.
        Assert.All(Audit(sample.Folder, "sensitivity"), r => Assert.Equal(("", "negligible_variance"), (r["total"], r["total_withheld"])));
        var moved = Audit(sample.Folder, "notes").Single(r => r["key"] == "sensitivity_moved_runs")["value"];
        Assert.Contains(moved == "0" ? "The ranking did not change in any variant" : $"The ranking moved in only {moved} of the 512 runs of the design", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_French_section_is_in_French()
    {
        var page = new ReportPage(sample.Render("fr"));
        var section = Section(page);
        Assert.Equal("Audit de l'indice", section.QuerySelector("h2")!.TextContent);
        var headings = section.QuerySelectorAll("h3").Select(h => h.TextContent).ToArray();
        Assert.Contains("Fiabilité\u00A0: alpha de Cronbach", headings);
        Assert.Contains("Quelle est la solidité de chaque rang\u00A0?", headings);
        var moved = Audit(sample.Folder, "notes").Single(r => r["key"] == "sensitivity_moved_runs")["value"];
        Assert.Contains(moved == "0" ? "Le classement n'a changé dans aucune variante" : "Le classement n'a bougé que dans", section.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("The ranking", section.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^0,\d\d$", section.QuerySelector("[data-table='audit/reliability'][data-col='alpha_raw']")!.TextContent);
        Assert.Contains(page.Document.QuerySelectorAll("nav.toc a"), a => a.TextContent == "Audit de l'indice");
    }

    [Fact]
    public void A_group_below_min_cell_shows_no_number_in_the_section_its_charts_or_the_workbook()
    {
        // A min-cell just above the second smallest country: the two smallest are not ranked.
        var sizes = Audit(sample.Folder, "rank_uncertainty").Select(r => (Country: r["country"], N: long.Parse(r["n"], CultureInfo.InvariantCulture))).OrderBy(c => c.N).ToArray();
        var minCell = sizes[1].N + 1;
        var folder = Run("--min-cell", minCell.ToString(CultureInfo.InvariantCulture));
        var ranks = Audit(folder, "rank_uncertainty");
        var small = ranks.Select((r, i) => (r, i)).Where(x => x.r["suppressed"] == "true").ToArray();
        var expected = sizes.Take(2).Select(c => c.Country).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, small.Select(x => x.r["country"]));
        var html = Render(folder, "en");
        var section = Section(new ReportPage(html));
        foreach (var (_, row) in small)
            Assert.Empty(section.QuerySelectorAll($"[data-table='audit/rank_uncertainty'][data-row='{row}']"));
        var rows = section.QuerySelectorAll("table tr").Where(tr => expected.Contains(tr.QuerySelector("th")?.TextContent)).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.All(rows, tr => Assert.Equal($"suppressed (n < {minCell})", tr.QuerySelector("[data-suppressed]")!.TextContent));
        // The rank chart names only the ranked countries.
        var rankChart = section.QuerySelectorAll("svg.chart").Single(s => s.GetAttribute("aria-label")!.StartsWith("Median rank", StringComparison.Ordinal)).OuterHtml;
        // Skia writes each text of the chart as a text element, its content between white space.
        string Label(string country) => $@">\s*{country}\s*<";
        Assert.DoesNotMatch(Label(expected[0]), rankChart);
        Assert.DoesNotMatch(Label(expected[1]), rankChart);
        Assert.Matches(Label(sizes[^1].Country), rankChart);

        var workbook = ReadSheet(folder, "audit_rank_uncertainty");
        var header = workbook[0].Select(h => (string)h!).ToList();
        foreach (var sheetRow in workbook.Skip(1).Where(r => expected.Contains((string?)r[header.IndexOf("country")])))
        {
            Assert.Equal(true, sheetRow[header.IndexOf("suppressed")]);
            foreach (var column in new[] { "n", "nominal_rank", "nominal_score", "median_rank", "rank_p05", "rank_p95", "score_p05", "score_p95" })
                Assert.Null(sheetRow[header.IndexOf(column)]);
        }
    }

    [Fact]
    public void A_skipped_uncertainty_analysis_is_said_with_its_reason_in_both_languages()
    {
        var folder = Run("--audit-samples", "0");
        var english = Section(new ReportPage(Render(folder, "en")));
        Assert.Contains("The uncertainty analysis was not run: no sample was asked for (--audit-samples 0).", english.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(english.QuerySelectorAll("svg.chart"), s => s.GetAttribute("aria-label")!.StartsWith("Median rank", StringComparison.Ordinal));
        var french = Section(new ReportPage(Render(folder, "fr")));
        Assert.Contains("L'analyse d'incertitude n'a pas été faite\u00A0: aucun échantillon n'a été demandé (--audit-samples 0).", french.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_audit_the_section_says_why_it_is_not_shown()
    {
        var folder = Run("--no-audit");
        var section = Section(new ReportPage(Render(folder, "en")));
        Assert.Equal("Not shown: the run was made with --no-audit, so the index was not audited.", section.QuerySelector("p.left-out")!.TextContent);
    }

    [Fact]
    public void A_hostile_group_name_in_the_audit_tables_shows_as_text()
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "copy");
        CopyFolder(sample.Folder, folder);
        var path = Path.Combine(folder, "audit", "rank_uncertainty.csv");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\ncountry,BFA,", "\ncountry,<script>alert(1)</script>,", StringComparison.Ordinal));
        var html = Render(folder, "en");
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains(Section(new ReportPage(html)).QuerySelectorAll("th"), th => th.TextContent == "<script>alert(1)</script>");
    }

    [Fact]
    public void The_workbook_has_a_sheet_per_audit_table_with_its_cells()
    {
        foreach (var table in new[] { "reliability", "weights", "rank_uncertainty", "notes" })
        {
            var sheet = ReadSheet(sample.Folder, "audit_" + table);
            var csv = Audit(sample.Folder, table);
            var header = sheet[0].Select(h => (string)h!).ToArray();
            Assert.Equal(csv[0].Keys, header);
            Assert.Equal(csv.Count, sheet.Count - 1);
            for (var r = 0; r < csv.Count; r++)
                for (var c = 0; c < header.Length; c++)
                {
                    var expected = csv[r][header[c]];
                    switch (sheet[r + 1][c])
                    {
                        case null: Assert.Equal("", expected); break;
                        case double d: Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), d); break;
                        case bool b: Assert.Equal(expected, b ? "true" : "false"); break;
                        case string s: Assert.Equal(expected, s); break;
                    }
                }
        }
        // Ids and groups are text cells, even when they look like numbers (min_cell's value "5" in notes).
        Assert.Contains(ReadSheet(sample.Folder, "audit_notes"), r => r[0] is "min_cell" && r[1] is "5");
    }

    private static List<object?[]> ReadSheet(string folder, string name)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(Path.Combine(folder, "results.xlsx"));
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(stream);
        do
        {
            if (reader.Name != name) continue;
            var rows = new List<object?[]>();
            while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
            return rows;
        } while (reader.NextResult());
        throw new InvalidOperationException($"results.xlsx has no sheet {name}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
