using Avrr.Analytics.Reports;
using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Text;

namespace Avrr.Analytics.Tests.Reports;

/// <summary>
/// The run of the synthetic sample (2,000 rows) with every default that the whole test process shares
/// (<see cref="Cli.SampleResults.Default"/>), for the report tests that read its result and never change it.
/// </summary>
public sealed class SampleResultFixture
{
    public string Folder { get; } = Cli.SampleResults.Default;

    public string Render(string language) => EvaluationReport.Render(ResultFolder.Open(Folder), ReportLanguage.Of(language)!);
}

/// <summary>
/// The numbers of report.html are the run's own (docs/report.md): every number the page shows from a
/// table is read back as a reader of the report's language reads it, and equals the cell it points to in
/// the CSV file (read here with the tests' own CSV reader), rounded as shown; counts exactly.
/// </summary>
public sealed class ReportNumbersTests(SampleResultFixture sample) : IClassFixture<SampleResultFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Every_number_shown_is_its_table_cell_rounded_as_shown(string language)
    {
        var page = new ReportPage(sample.Render(language));
        var tables = new Dictionary<string, List<Dictionary<string, string>>>();
        var checkedNumbers = 0;
        foreach (var (table, row, column, shown) in page.Numbers())
        {
            if (!tables.TryGetValue(table, out var rows)) tables[table] = rows = CsvRecords.ReadTable(Path.Combine(sample.Folder, table + ".csv"));
            var cell = rows[row][column];
            Assert.False(string.IsNullOrEmpty(cell), $"{table} row {row} {column} is empty, yet the report shows '{shown}'");
            Assert.NotEqual("true", rows[row].GetValueOrDefault("suppressed"));
            var expected = double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);
            var (value, half) = ReportPage.Read(shown, language);
            if (column is "n" or "returnees" or "surveys") Assert.Equal(expected, value);
            else Assert.True(Math.Abs(value - expected) <= half + 1e-12, $"{table} row {row} {column}: shown '{shown}', the table has {cell}");
            checkedNumbers++;
        }
        // Each of the 5 countries and 21 communities shows its composite mean, interval and n, and more.
        Assert.True(checkedNumbers > 500, $"only {checkedNumbers} numbers checked");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void The_interval_of_every_significant_finding_reads_as_excluding_0(string language)
    {
        // A finding marked below (or above) has an interval of its difference that excludes 0: both of its shown
        // bounds must be below (or above) 0, never "0.00" (the sample's MLI weakest-dimension finding once read "−0.07 to 0.00").
        var page = new ReportPage(sample.Render(language));
        var checkedFindings = 0;
        foreach (var item in page.Document.QuerySelectorAll("#findings li.below, #findings li.above"))
        {
            var bounds = item.QuerySelectorAll("span.num[data-col='ci_low'], span.num[data-col='ci_high']")
                .Select(b => ReportPage.Read(b.TextContent, language).Value).ToArray();
            if (bounds.Length == 0) continue;
            Assert.Equal(2, bounds.Length);
            var below = item.ClassList.Contains("below");
            Assert.True(below ? bounds.All(b => b < 0) : bounds.All(b => b > 0), $"'{item.TextContent}' is marked {(below ? "below" : "above")} but its interval does not read so");
            checkedFindings++;
        }
        Assert.True(checkedFindings >= 5, $"only {checkedFindings} significant findings checked");
    }

    [Fact]
    public void Each_country_and_community_composite_is_shown_with_its_mean_interval_and_n()
    {
        var page = new ReportPage(sample.Render("en"));
        var aggregates = CsvRecords.ReadTable(Path.Combine(sample.Folder, "aggregates.csv"));
        var shown = page.Numbers().Where(n => n.Table == "aggregates").Select(n => (n.Row, n.Column)).ToHashSet();
        for (var r = 0; r < aggregates.Count; r++)
        {
            var row = aggregates[r];
            if (row["measure"] != "composite" || row["level"] is not ("all" or "country" or "country+community") || row["suppressed"] == "true") continue;
            foreach (var column in new[] { "mean", "ci_low", "ci_high", "n" })
                Assert.Contains((r, column), shown);
        }
    }

    [Fact]
    public void French_writes_decimal_commas_no_break_spaces_in_thousands_and_french_words()
    {
        var html = sample.Render("fr");
        var page = new ReportPage(html);
        Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
        var scored = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(sample.Folder, "manifest.json")))!["rows_scored"]!.GetValue<long>();
        Assert.True(scored >= 1000);
        Assert.Contains(">" + scored.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", "\u00A0") + "<", html, StringComparison.Ordinal);
        Assert.Matches(@">0,\d\d<", html);
        Assert.DoesNotMatch(@">0\.\d\d<", html);
        Assert.Contains("Score composite", html, StringComparison.Ordinal);
        Assert.Contains("IC à 95\u00A0%", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Composite score", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Findings", html, StringComparison.Ordinal);
        // Chart ticks are in French too.
        Assert.Matches(@"<text[^>]*>\s*0,\d0\s*</text>", html);
    }

    [Fact]
    public void A_rebuilt_report_is_the_bytes_the_run_wrote()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(sample.Folder, "report.html")), sample.Render("en"));
    }

    [Fact]
    public void Every_section_is_shown_and_the_page_asks_for_nothing_outside_itself()
    {
        var page = new ReportPage(sample.Render("en"));
        foreach (var id in new[] { "headline", "findings", "countries", "communities", "over-time", "distribution", "data-quality", "insights", "methodology" })
            Assert.NotNull(page.Document.GetElementById(id));
        Assert.Empty(page.Document.QuerySelectorAll("script, link, iframe, object, embed, img"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("[src], [href]"), e => !(e.GetAttribute("href") ?? "#").StartsWith('#'));
        // Five charts of the estimates, five of the insights (centroids, profile mix, importance, calibration, risk by country),
        // then the audit's heat map, scree plot, weights, ranks under the variants (no sensitivity bars: the sample's ranking
        // hardly moves under the variants, so every index is withheld) and ranks with their confidence sets.
        Assert.Equal(15, page.Document.QuerySelectorAll("svg.chart").Length);
        Assert.Empty(page.Document.QuerySelectorAll("p.left-out"));
    }
}
