namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Distribution: how the composite spreads in the whole sample and in each country — its quartiles and
/// the weighted share of surveys in each band — from the aggregates (no row of a survey is read).
/// </summary>
public sealed class DistributionSection : ReportSection
{
    public override string Id => "distribution";

    public override string Title(ReportContext report) => report.T.DistributionTitle;

    public override string? Unavailable(ReportContext report) =>
        report.Aggregates.Has("share_low") && report.Aggregates.Has("median") ? null : report.T.NoDistribution;

    public override void Render(ReportContext report, Html.Html html)
    {
        var t = report.T;
        var aggregates = report.Aggregates;
        var language = report.Language;
        var groups = new List<(string Label, int? Row)> { (t.AllCountries, report.Find(aggregates, "all", "composite")) };
        groups.AddRange(report.Values("country", "country").Select(c => (report.GroupLabel("country", c), report.Find(aggregates, "country", "composite", ("country", c)))));
        var bands = report.Result.Scheme.Options.Bands;
        html.Element("p", string.Format(t.DistributionLead, language.Score(bands.Medium), language.Score(bands.High)), "note");

        var shares = groups.Select(g => g.Row is { } r && !report.Suppressed(aggregates, r) && aggregates.Number(r, "share_low") is { } low
            ? new[] { low, aggregates.Number(r, "share_medium") ?? 0, aggregates.Number(r, "share_high") ?? 0 } : null).ToArray();
        var chart = report.Charts.StackedShares(groups.Select(g => g.Label).ToArray(), [t.BandLow, t.BandMedium, t.BandHigh], shares, language.Percent, t.ShareAxis, t.DistributionChartLabel);
        report.Figure(html, chart, t.DistributionChartCaption);

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.Group).Element("th", t.SurveysN)
            .Element("th", t.P25).Element("th", t.Median).Element("th", t.P75).Element("th", t.BandLow).Element("th", t.BandMedium).Element("th", t.BandHigh)
            .Raw("</tr></thead><tbody>");
        foreach (var (label, row) in groups)
        {
            if (row is not { } r) continue;
            html.Raw("<tr>").Element("th", label);
            if (report.Suppressed(aggregates, r)) { html.Raw("<td colspan=\"7\">"); report.SuppressedNote(html); html.Raw("</td></tr>"); continue; }
            html.Raw("<td>"); report.Count(html, aggregates, r, "n"); html.Raw("</td>");
            foreach (var column in new[] { "p25", "median", "p75" }) { html.Raw("<td>"); report.Number(html, aggregates, r, column); html.Raw("</td>"); }
            foreach (var column in new[] { "share_low", "share_medium", "share_high" }) { html.Raw("<td>"); report.Number(html, aggregates, r, column, language.Percent); html.Raw("</td>"); }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }
}
