using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Avrr.Analytics.BrowserTests;

/// <summary>
/// report.html of the sample run in a real browser (docs/report.md): it opens with JavaScript off, with
/// no console message of error or warning, no request but the file itself (any other is aborted and
/// recorded), every chart visible with a size; and printed to PDF on A4 and on Letter, it has every section.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReportInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Dictionary<string, string[]> Headings = new()
    {
        ["en"] = ["Reintegration sustainability: evaluation report", "Contents", "Headline", "Findings", "Countries", "Communities", "Over time", "Distribution", "Data quality", "Insights: profiles, drivers, early warning", "Audit of the index", "Methodology"],
        ["fr"] = ["Durabilité de la réintégration : rapport d'évaluation", "Sommaire", "L'essentiel", "Constats", "Pays", "Communautés", "Évolution dans le temps", "Distribution", "Qualité des données", "Analyses : profils, facteurs associés, alerte précoce", "Audit de l'indice", "Méthodologie"],
    };

    private sealed record Opened(IBrowserContext Context, IPage Page, List<string> Messages, List<string> Requests, List<string> Failed);

    private async Task<Opened> Open(string language)
    {
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        var page = await context.NewPageAsync();
        var opened = new Opened(context, page, [], [], []);
        page.Console += (_, m) => { if (m.Type is "error" or "warning") opened.Messages.Add($"{m.Type}: {m.Text}"); };
        page.PageError += (_, e) => opened.Messages.Add("page error: " + e);
        page.Request += (_, r) => opened.Requests.Add(r.Url);
        page.RequestFailed += (_, r) => opened.Failed.Add(r.Url + " " + r.Failure);
        // Nothing may leave the machine: a request for anything but a file is aborted (and so recorded).
        await context.RouteAsync(url => !url.StartsWith("file://", StringComparison.Ordinal), route => route.AbortAsync("blockedbyclient"));
        var response = await page.GotoAsync(new Uri(browser.Report(language)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response!.Ok);
        return opened;
    }

    [ChromiumFact]
    public async Task The_report_opens_offline_without_error_and_every_chart_is_visible()
    {
        foreach (var language in new[] { "en", "fr" })
        {
            var opened = await Open(language);
            var charts = opened.Page.Locator("svg.chart");
            var count = await charts.CountAsync();
            // Five charts of the estimates, five of the insights, then the audit's heat map, scree plot, weights, ranks under
            // the variants and ranks with sampling error (the sample's ranking moves under no variant: no sensitivity bars).
            Assert.Equal(15, count);
            for (var i = 0; i < count; i++)
            {
                Assert.True(await charts.Nth(i).IsVisibleAsync(), $"chart {i} of the {language} report is not visible");
                var box = await charts.Nth(i).BoundingBoxAsync();
                Assert.True(box is { Width: > 300, Height: > 100 }, $"chart {i} of the {language} report has the size {box?.Width}×{box?.Height}");
            }
            // The insights section (docs/report.md, "Insights") is there, with its five charts: centroids, profile mix, importance, calibration, risk by country.
            Assert.True(await opened.Page.Locator("#insights h2").IsVisibleAsync(), $"the {language} report has no insights section");
            Assert.Equal(5, await opened.Page.Locator("#insights svg.chart").CountAsync());
            Assert.Equal(0, await opened.Page.Locator("#insights p.left-out").CountAsync());
            Assert.Equal(new Uri(browser.Report(language)).AbsoluteUri, Assert.Single(opened.Requests));
            Assert.Empty(opened.Failed);
            Assert.Empty(opened.Messages);
            if (language == "en" && Environment.GetEnvironmentVariable("AVRR_REPORT_SCREENSHOT") is { Length: > 0 } screenshot)
                await opened.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, Clip = new Clip { X = 0, Y = 0, Width = 1100, Height = 1900 }, FullPage = true });
            await opened.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task Printed_on_A4_and_on_Letter_the_report_has_every_section_each_on_its_own_pages()
    {
        foreach (var language in new[] { "en", "fr" })
            foreach (var format in new[] { "A4", "Letter" })
            {
                var opened = await Open(language);
                var pdf = await opened.Page.PdfAsync(new PagePdfOptions { Format = format, PrintBackground = true });
                await opened.Context.CloseAsync();
                using var document = PdfDocument.Open(pdf);
                Assert.True(document.NumberOfPages >= 9, $"{language} on {format}: {document.NumberOfPages} pages");
                // PdfPig gives a page's letters without the spaces between words: compare without white space.
                var pages = document.GetPages().Select(p => Squash(p.Text)).ToArray();
                var headings = Headings[language];
                foreach (var heading in headings)
                    Assert.True(pages.Any(p => p.Contains(Squash(heading), StringComparison.Ordinal)), $"the {language} PDF on {format} lacks '{heading}'");
                // Each section starts a page of its own, in order: some page begins with its heading.
                var first = headings.Skip(2).Select(h => Array.FindIndex(pages, p => p.StartsWith(Squash(h), StringComparison.Ordinal))).ToArray();
                Assert.True(first[0] > 0 && first.Zip(first.Skip(1)).All(p => p.First < p.Second), $"{language} on {format}: sections start on pages {string.Join(", ", first)}");
                Assert.Contains(pages, p => p.Contains(language == "fr" ? "0,5" : "0.5", StringComparison.Ordinal));
            }
    }

    /// <summary>Without white space, and with the font's ligatures as their letters (NFKC: the "ﬁ" of "profiles" is "fi").</summary>
    private static string Squash(string text) => new(text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
