using System.IO.Compression;
using Avrr.Analytics.Reports;
using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Text;
using Avrr.Analytics.Reports.Workbook;
using ExcelDataReader;

namespace Avrr.Analytics.Tests.Reports;

/// <summary>
/// The report and the workbook of a hand-written result folder (Data/report-result): numbers chosen by
/// hand, a comparisons table in the contract of docs/report.md (with the significant and the not
/// significant), aggregates with extra columns (psus, df, note), hostile names, and suppressed rows that
/// were tampered with (they still hold 0.987654, 0.912345 and 0.876543, which must show nowhere).
/// </summary>
public sealed class HandWrittenResultTests
{
    private static readonly string Folder = TestFiles.Data("report-result");

    private static ReportPage Page(string language) => new(EvaluationReport.Render(ResultFolder.Open(Folder), ReportLanguage.Of(language)!));

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Replace('\u00A0', ' ');

    [Fact]
    public void Findings_say_which_countries_are_significantly_below_and_above_and_which_show_no_significant_difference()
    {
        var findings = Squash(Page("en").Document.GetElementById("findings")!.TextContent);
        Assert.Contains("AAA is significantly below the all-country mean (Composite score): −0.07 (95% CI −0.10 to −0.04; n = 70).", findings);
        Assert.Contains("<b>BBB</b> is significantly above the all-country mean (Composite score): +0.05 (95% CI +0.01 to +0.09; n = 50).", findings);
        Assert.Contains("No significant difference from the all-country mean (Composite score): CCC +0.01 (95% CI −0.03 to +0.06; n = 25) few clusters.", findings);
        Assert.Contains("AAA: Economic is the weakest dimension, significantly below Psychosocial: −0.05 (95% CI −0.08 to −0.01; n = 70).", findings);
        Assert.Contains("CCC: the lowest dimension, Economic, is not significantly below Psychosocial (no significant difference)", findings);
        Assert.Contains("AAA · <script>alert(1)</script> is significantly below its country's mean (Composite score): −0.06 (95% CI −0.10 to −0.02; n = 40).", findings);
        Assert.Contains("1 other communities show no significant difference", findings);
        Assert.Contains("1 communities are not compared: they have fewer than 5 surveys (suppressed).", findings);
        Assert.Contains("AAA · Q1 2026: a significant rise since Q4 2025 (Composite score): +0.09 (95% CI +0.03 to +0.15; n = 27).", Squash(findings).Replace("Q1 2026", "Q1 2026"));
        Assert.Contains("All countries: between their first and last survey, returnees rose significantly (Composite score): +0.05 (95% CI +0.02 to +0.09; n returnees = 20).", findings);
        Assert.Contains("All countries: between their first and last survey, returnees fell significantly (Economic): −0.06", findings);
        Assert.Contains("AAA: no significant change between returnees' first and last survey (Composite score): +0.01 (95% CI −0.02 to +0.05; n returnees = 12).", findings);
        Assert.Contains("associations observed in the survey data, not causes", findings);
    }

    [Fact]
    public void French_findings_use_french_words_numbers_and_punctuation()
    {
        var findings = Page("fr").Document.GetElementById("findings")!.TextContent;
        Assert.Contains("AAA est significativement en dessous de la moyenne de tous les pays (Score composite)\u00A0: −0,07 (IC à 95\u00A0% −0,10 à −0,04\u00A0; n = 70).", findings);
        Assert.Contains("Pas de différence significative avec la moyenne de tous les pays (Score composite)\u00A0: CCC +0,01", findings);
        Assert.Contains("AAA · T1\u00A02026\u00A0: hausse significative depuis T4\u00A02025", findings);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Every_number_shown_is_its_hand_written_cell_and_no_suppressed_row_is_shown(string language)
    {
        var page = Page(language);
        var numbers = page.Numbers().ToList();
        Assert.NotEmpty(numbers);
        foreach (var (table, row, column, shown) in numbers)
        {
            var cells = CsvRecords.ReadTable(Path.Combine(Folder, table + ".csv"))[row];
            Assert.NotEqual("true", cells.GetValueOrDefault("suppressed"));
            var (value, half) = ReportPage.Read(shown, language);
            Assert.True(Math.Abs(value - double.Parse(cells[column], System.Globalization.CultureInfo.InvariantCulture)) <= half + 1e-12, $"{table} {row} {column}: {shown}");
        }
        // Not in any text of the page or its charts, nor in a chart's label for screen readers.
        var shownText = page.Document.DocumentElement.TextContent + string.Join(" ", page.Document.QuerySelectorAll("[aria-label]").Select(e => e.GetAttribute("aria-label")));
        foreach (var leaked in new[] { "0.99", "0,99", "0.91", "0,91", "0.88", "0,88", "0.98", "0,98" })
            Assert.DoesNotContain(leaked, shownText, StringComparison.Ordinal);
        var tiny = page.Document.QuerySelectorAll("tr").Single(tr => tr.QuerySelector("th")?.TextContent == "Tiny");
        Assert.Equal(language == "fr" ? "masqué (n < 5)" : "suppressed (n < 5)", tiny.QuerySelector("td")!.TextContent);
        Assert.Empty(tiny.QuerySelectorAll("[data-table]"));
    }

    [Fact]
    public void Names_from_the_data_are_text_in_the_page_and_in_its_charts_never_markup()
    {
        var page = Page("en");
        Assert.Empty(page.Document.QuerySelectorAll("script, b, i, img"));
        Assert.DoesNotContain(page.Document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(page.Document.QuerySelectorAll("th"), th => th.TextContent == "<script>alert(1)</script>");
        Assert.Contains(page.Document.QuerySelectorAll("th"), th => th.TextContent == "exports/<i>q1</i>.csv");
        Assert.Contains(page.Document.QuerySelectorAll("th"), th => th.TextContent == "<script>x</script>");
        // The country's name is a tick label of the charts: text there too.
        Assert.Contains(page.Document.QuerySelectorAll("svg text"), t => t.TextContent.Trim() == "<b>BBB</b>");
        Assert.Contains(page.Document.QuerySelectorAll("th"), th => th.TextContent == "=HYPERLINK(1)");
        Assert.Contains(page.Document.QuerySelectorAll("th"), th => th.TextContent == "(unknown)");
    }

    [Fact]
    public void Extra_columns_of_a_later_engine_are_read_and_the_df_column_names_the_t_interval()
    {
        var methodology = Squash(Page("en").Document.GetElementById("methodology")!.TextContent);
        Assert.Contains("t quantile for the design's degrees of freedom", methodology);
        Assert.Contains("Equal weights.", methodology);
        Assert.Contains("Clusters (primary sampling units): the column community.", methodology);
        // A note of a comparison follows its sentence; a note of an estimate follows it in its table.
        Assert.Contains("few clusters", Page("en").Document.GetElementById("findings")!.TextContent, StringComparison.Ordinal);
        var community = Page("en").Document.QuerySelectorAll("tr").Single(tr => tr.QuerySelector("th")?.TextContent == "=HYPERLINK(1)");
        Assert.Equal("few clusters", community.QuerySelector(".row-note")!.TextContent);
    }

    [Fact]
    public void Sections_without_data_say_why_and_the_others_are_shown()
    {
        var page = Page("en");
        Assert.Contains("This result has no data_quality table", page.Document.GetElementById("data-quality")!.TextContent);
        // The hand-written result has no insights/ and no audit/ tables: only those two sections are left out, each saying why.
        Assert.Equal(["insights", "audit"], page.Document.QuerySelectorAll("p.left-out").Select(p => p.Closest("section")!.Id));
        var leftOut = page.Document.QuerySelectorAll("p.left-out")[0];
        Assert.Equal("Not shown: the result has no insights/ tables (it was made by an engine without them, or they were removed).", leftOut.TextContent);
    }

    [Fact]
    public void The_workbook_has_a_sheet_per_level_and_table_with_number_cells_and_suppressed_rows_empty()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "results.xlsx");
        ResultsWorkbook.Write(ResultFolder.Open(Folder), path);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var sheets = new Dictionary<string, List<object?[]>>();
        using (var stream = File.OpenRead(path))
        using (var reader = ExcelReaderFactory.CreateReader(stream))
            do
            {
                var rows = new List<object?[]>();
                while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
                sheets[reader.Name] = rows;
            } while (reader.NextResult());
        Assert.Equal(["all", "country", "country+community", "country+quarter", "comparisons", "panel_change", "rejects"], sheets.Keys);
        var communities = sheets["country+community"];
        var header = communities[0].Select(h => (string)h!).ToList();
        Assert.Equal(["level", "country", "community", "measure", "n_rows", "n", "weight_sum", "mean"], header.Take(8));
        var tiny = communities.Single(r => (string?)r[2] == "Tiny");
        Assert.Equal(3.0, tiny[header.IndexOf("n_rows")]);
        Assert.True((bool)tiny[header.IndexOf("suppressed")]!);
        foreach (var column in new[] { "n", "mean", "se", "ci_low", "ci_high", "median", "p25", "p75", "share_high", "psus", "df" })
            Assert.Null(tiny[header.IndexOf(column)]);
        var hyperlink = communities.Single(r => (string?)r[2] == "=HYPERLINK(1)");
        Assert.Equal(0.5011, hyperlink[header.IndexOf("mean")]);
        Assert.Equal("few clusters", hyperlink[header.IndexOf("note")]);
        var comparisons = sheets["comparisons"];
        var tinyComparison = comparisons.Single(r => (string?)r[2] == "Tiny");
        Assert.Null(tinyComparison[comparisons[0].ToList().IndexOf("estimate")]);
        Assert.Equal("=cmd|x", sheets["rejects"][1][4]);
        // Text that looks like a formula is a text cell: no sheet has a formula.
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var xml = new StreamReader(entry.Open());
            var text = xml.ReadToEnd();
            Assert.DoesNotContain("<f>", text, StringComparison.Ordinal);
            Assert.Contains("state=\"frozen\"", text, StringComparison.Ordinal);
        }
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }
}
