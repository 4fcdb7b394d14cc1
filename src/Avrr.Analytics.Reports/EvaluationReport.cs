using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Sections;
using Avrr.Analytics.Reports.Text;

namespace Avrr.Analytics.Reports;

/// <summary>
/// report.html (docs/report.md): one self-contained page made from a result folder alone — styles inline,
/// charts inline as SVG, no script, no request of any kind — in English or French. The same renderer serves
/// <c>avrr run</c> (at the end of the run, from the result it has just written) and <c>avrr report</c>
/// (from any result folder), so the two give the same bytes for the same folder and language.
/// </summary>
public static class EvaluationReport
{
    public const string File = "report.html";

    /// <summary>The generator mark in the page's head, by which <c>avrr report</c> knows a report it may replace.</summary>
    public const string Generator = "avrr report";

    /// <summary>Pays the charts' first use on a thread of the pool (see <see cref="Charts.ChartFonts.WarmUp"/>); the report waits for it if it is not done.</summary>
    public static Task WarmUp() => Task.Run(Charts.ChartFonts.WarmUp);

    public static string Render(ResultFolder result, ReportLanguage language)
    {
        var report = new ReportContext(result, language);
        var t = report.T;
        var sections = ReportSections.All.Select(s => (Section: s, Title: s.Title(report), Reason: s.Unavailable(report))).ToArray();
        var html = new Html.Html();
        html.Raw("<!DOCTYPE html>\n<html lang=\"").Text(language.Code).Raw("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Raw("<meta name=\"generator\" content=\"").Text($"{Generator} {result.Manifest.EngineVersion}").Raw("\">\n");
        // No request may leave the page: nothing but inline styles and images, whatever a browser would fetch.
        html.Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        html.Raw("<title>").Text(t.ReportTitle).Raw("</title>\n<style>\n").Raw(Html.ReportStyle.Css).Raw("\n</style>\n</head>\n<body>\n");

        html.Raw("<header>\n").Element("h1", t.ReportTitle);
        var manifest = result.Manifest;
        var subtitle = new List<string>();
        if (manifest.FirstSurveyDate is { } first && manifest.LastSurveyDate is { } last) subtitle.Add(string.Format(t.PeriodRange, language.Date(first), language.Date(last)));
        subtitle.Add(string.Format(t.SchemeSubtitle, result.Scheme.Title(language.Code)));
        html.Element("p", string.Join(" · ", subtitle), "subtitle");
        html.Element("p", string.Format(t.PeoplesData, manifest.MinCell), "note");
        // What changes the meaning of every number below, before anything else.
        foreach (var column in manifest.WeightLikeColumns)
            html.Open("div", "warning banner", ("role", "alert")).Text(string.Format(t.BannerWeightLike, column)).Close("div");
        foreach (var (column, unknown, surveys) in manifest.MostlyUnknown)
            html.Open("div", "warning banner", ("role", "alert")).Text(string.Format(t.BannerMostlyUnknown, column, language.Count(unknown), language.Count(surveys))).Close("div");
        if (manifest.SkippedInputs.Count > 0)
            html.Element("p", string.Format(t.BannerSkipped, language.Count(manifest.SkippedInputs.Count), string.Join(", ", manifest.SkippedInputs)), "note");
        html.Raw("<nav class=\"toc\">").Element("h2", t.Contents).Raw("<ol>");
        foreach (var (section, title, reason) in sections)
        {
            html.Raw("<li>").Open("a", null, ("href", "#" + section.Id)).Text(title).Close("a");
            if (reason is not null) html.Raw(" ").Element("span", "(" + t.LeftOutShort + ")", "off");
            html.Raw("</li>");
        }
        html.Raw("</ol></nav>\n</header>\n");

        foreach (var (section, title, reason) in sections)
        {
            html.Open("section", "report-section", ("id", section.Id)).Raw("\n").Element("h2", title);
            if (reason is not null) html.Element("p", string.Format(t.LeftOut, reason), "left-out");
            else section.Render(report, html);
            html.Raw("\n</section>\n");
        }

        var tables = new[] { "aggregates", "panel_change", "comparisons", "data_quality" }.Concat(sections.SelectMany(s => s.Section.Tables))
            .Select(result.Table).OfType<ResultTable>().Select(x => x.Name.Contains('/') ? x.Name[..(x.Name.LastIndexOf('/') + 1)] + x.File : x.File);
        html.Raw("<footer>").Element("p", string.Format(t.Generated, manifest.EngineVersion, string.Join(", ", tables.Append(ResultFolder.ManifestFile)))).Raw("</footer>\n");
        html.Raw("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Renders the report of a result folder and writes it (UTF-8 without BOM, LF line ends).</summary>
    public static void Write(ResultFolder result, ReportLanguage language, string path) =>
        System.IO.File.WriteAllText(path, Render(result, language), new System.Text.UTF8Encoding(false));
}
