using Avrr.Analytics.Reports.Charts;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Over time: the composite by quarter in each country (the country+quarter level, written when the
/// surveys span several quarters), and the paired change of returnees from their first (baseline) to
/// their last (follow-up) survey (panel_change), each with its interval.
/// </summary>
public sealed class OverTimeSection : ReportSection
{
    public const string QuarterLevel = "country+quarter";

    public override string Id => "over-time";

    public override string Title(ReportContext report) => report.T.OverTimeTitle;

    public override string? Unavailable(ReportContext report) =>
        report.Rows(report.Aggregates, QuarterLevel, "composite").Any() || report.Result.Table("panel_change") is not null ? null : report.T.NoOverTime;

    public override void Render(ReportContext report, Html.Html html)
    {
        var t = report.T;
        var aggregates = report.Aggregates;
        if (!report.Rows(aggregates, QuarterLevel, "composite").Any()) html.Element("p", t.NoQuarters, "missing");
        else Quarters(report, html);

        html.Element("h3", t.PanelTitle);
        var panel = report.Result.Table("panel_change");
        if (panel is null) { html.Element("p", t.NoPanel, "missing"); return; }
        html.Element("p", t.PanelLead, "note");
        var countries = panel.RowsWhere("level", "country").Select(r => panel.Text(r, "country")).OfType<string>().Distinct().ToArray();
        var groups = new List<(string Label, int? Row, Func<string, int?> Of)>
        {
            (t.AllCountries, report.Find(panel, "all", "composite"), m => report.Find(panel, "all", m)),
        };
        groups.AddRange(countries.Select(c => (report.GroupLabel("country", c), report.Find(panel, "country", "composite", ("country", c)), (Func<string, int?>)(m => report.Find(panel, "country", m, ("country", c))))));
        var chart = report.Charts.Intervals(groups.Select(g => g.Label).ToArray(),
            [new ChartSeries(t.Composite, groups.Select(g => report.Point(panel, g.Row, "mean_change")).ToArray())], t.ChangeAxis, 0, t.PanelChartLabel);
        report.Figure(html, chart, t.PanelChartCaption);

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.Group).Element("th", t.ReturneesHeader);
        foreach (var m in new[] { "composite" }.Concat(report.Dimensions)) html.Element("th", report.MeasureLabel(m));
        html.Raw("</tr></thead><tbody>");
        foreach (var (label, row, of) in groups)
        {
            html.Raw("<tr>").Element("th", label).Raw("<td>");
            if (row is { } r && !report.Suppressed(panel, r)) report.Count(html, panel, r, "returnees"); else html.Raw("–");
            html.Raw("</td>");
            foreach (var m in new[] { "composite" }.Concat(report.Dimensions))
            {
                html.Raw("<td>");
                if (of(m) is { } mr) report.Estimate(html, panel, mr, "mean_change", report.Language.Difference); else html.Raw("–");
                html.Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }

    private static void Quarters(ReportContext report, Html.Html html)
    {
        var t = report.T;
        var aggregates = report.Aggregates;
        var quarters = report.Values(QuarterLevel, "quarter").Order(StringComparer.Ordinal).ToArray();
        var countries = report.Values(QuarterLevel, "country");
        var rows = countries.ToDictionary(c => c, c => quarters.Select(q => report.Find(aggregates, QuarterLevel, "composite", ("country", c), ("quarter", q))).ToArray());
        var series = countries.Select(c => new ChartSeries(report.GroupLabel("country", c), rows[c].Select(r => report.Point(aggregates, r)).ToArray())).ToArray();
        var chart = report.Charts.Lines(quarters.Select(report.Language.Quarter).ToArray(), series, t.CompositeAxis, t.QuartersChartLabel);
        report.Figure(html, chart, string.Format(t.QuartersChartCaption, report.Result.Manifest.MinCell));

        html.Open("table", "estimates quarters").Raw("<thead><tr>").Element("th", t.Quarter);
        foreach (var c in countries) html.Element("th", report.GroupLabel("country", c));
        html.Raw("</tr></thead><tbody>");
        for (var q = 0; q < quarters.Length; q++)
        {
            html.Raw("<tr>").Element("th", report.Language.Quarter(quarters[q]));
            foreach (var c in countries)
            {
                html.Raw("<td>");
                if (rows[c][q] is { } r) report.Estimate(html, aggregates, r); else html.Raw("–");
                html.Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }
}
