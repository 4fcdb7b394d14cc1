using Avrr.Analytics.Reports.Charts;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Countries: the composite by country with its interval and its tested difference from the all-country
/// mean, each country's dimension profile, and the weakest dimension of each (from the comparisons when
/// the result has them, else the lowest mean, marked as such and not tested).
/// </summary>
public sealed class CountriesSection : ReportSection
{
    public override string Id => "countries";

    public override string Title(ReportContext report) => report.T.CountriesTitle;

    public override string? Unavailable(ReportContext report) =>
        report.Rows(report.Aggregates, "country", "composite").Any(r => !report.Suppressed(report.Aggregates, r)) ? null
        : string.Format(report.T.NoCountries, report.Result.Manifest.MinCell);

    public override void Render(ReportContext report, Html.Html html)
    {
        var t = report.T;
        var aggregates = report.Aggregates;
        var countries = report.Values("country", "country");
        var labels = countries.Select(c => report.GroupLabel("country", c)).ToArray();
        var rows = countries.Select(c => report.Find(aggregates, "country", "composite", ("country", c))).ToArray();
        var all = report.Find(aggregates, "all", "composite");
        var allMean = all is { } a && !report.Suppressed(aggregates, a) ? aggregates.Number(a, "mean") : null;
        var comparisons = report.Result.Table(Comparisons.Table);

        var chart = report.Charts.Intervals(labels, [new ChartSeries(t.Composite, rows.Select(r => report.Point(aggregates, r)).ToArray())], t.CompositeAxis,
            allMean, t.CountriesChartLabel);
        report.Figure(html, chart, allMean is { } m ? string.Format(t.CountriesChartCaption, report.Language.Score(m)) : t.CountriesChartCaptionNoMean);

        html.Open("table", "estimates").Raw("<thead><tr>");
        html.Element("th", t.Country).Element("th", t.SurveysN).Element("th", t.Mean).Element("th", t.Interval95);
        if (comparisons is not null) html.Element("th", t.DifferenceFromAll).Element("th", t.Significant);
        html.Raw("</tr></thead><tbody>");
        for (var c = 0; c < countries.Count; c++)
        {
            if (rows[c] is not { } row) continue;
            html.Raw("<tr>").Element("th", labels[c]);
            if (report.Suppressed(aggregates, row))
            {
                html.Raw($"<td colspan=\"{(comparisons is null ? 3 : 5)}\">");
                report.SuppressedNote(html);
                html.Raw("</td></tr>");
                continue;
            }
            html.Raw("<td>"); report.Count(html, aggregates, row, "n"); html.Raw("</td><td>");
            report.Number(html, aggregates, row, "mean"); html.Raw("</td><td>");
            report.Interval(html, aggregates, row); html.Raw("</td>");
            if (comparisons is not null)
            {
                var vs = Comparisons.Rows(comparisons, Comparisons.VsAll, "country", "composite").FirstOrDefault(r => comparisons.Text(r, "country") == countries[c], -1);
                if (vs >= 0 && Comparisons.Shown(comparisons, vs))
                {
                    html.Raw("<td>");
                    report.Number(html, comparisons, vs, "estimate", report.Language.Difference);
                    html.Raw(" <span class=\"ci\">(");
                    report.Number(html, comparisons, vs, "ci_low", report.Language.Difference);
                    html.Raw(" – ");
                    report.Number(html, comparisons, vs, "ci_high", report.Language.Difference);
                    html.Raw(")</span></td>");
                    html.Element("td", report.Findings.Countries?.Of(vs) is { Significant: true } ? t.Yes : t.No);
                }
                else html.Raw("<td>–</td><td>–</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");

        Profile(report, html, countries, labels);
        Weakest(report, html, countries, labels, comparisons);
    }

    private static void Profile(ReportContext report, Html.Html html, IReadOnlyList<string> countries, string[] labels)
    {
        var t = report.T;
        var aggregates = report.Aggregates;
        var dimensions = report.Dimensions;
        html.Element("h3", t.DimensionProfile);
        var series = dimensions.Select(d => new ChartSeries(report.MeasureLabel(d),
            countries.Select(c => report.Point(aggregates, report.Find(aggregates, "country", d, ("country", c)))).ToArray())).ToArray();
        report.Figure(html, report.Charts.Intervals(labels, series, t.ScoreAxis, null, t.ProfileChartLabel), t.ProfileChartCaption);

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.Country);
        foreach (var d in dimensions) html.Element("th", report.MeasureLabel(d));
        html.Raw("</tr></thead><tbody>");
        for (var c = 0; c < countries.Count; c++)
        {
            html.Raw("<tr>").Element("th", labels[c]);
            foreach (var d in dimensions)
            {
                html.Raw("<td>");
                if (report.Find(aggregates, "country", d, ("country", countries[c])) is { } row) report.Estimate(html, aggregates, row);
                else html.Raw("–");
                html.Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }

    private static void Weakest(ReportContext report, Html.Html html, IReadOnlyList<string> countries, string[] labels, Results.ResultTable? comparisons)
    {
        var t = report.T;
        var aggregates = report.Aggregates;
        html.Element("h3", t.WeakestTitle);
        var tested = comparisons is not null && Comparisons.Rows(comparisons, Comparisons.WeakestDimension, "country").Any();
        html.Element("p", tested ? t.WeakestTestedLead : t.WeakestUntestedLead, "note");
        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.Country).Element("th", t.WeakestDimension);
        if (tested) html.Element("th", t.NextLowest).Element("th", t.Difference).Element("th", t.Significant);
        else html.Element("th", t.Mean);
        html.Raw("</tr></thead><tbody>");
        for (var c = 0; c < countries.Count; c++)
        {
            html.Raw("<tr>").Element("th", labels[c]);
            if (tested)
            {
                var r = Comparisons.Rows(comparisons!, Comparisons.WeakestDimension, "country").FirstOrDefault(r => comparisons!.Text(r, "country") == countries[c], -1);
                if (r < 0 || !Comparisons.Shown(comparisons!, r)) { html.Raw("<td colspan=\"4\">"); report.SuppressedNote(html); html.Raw("</td></tr>"); continue; }
                html.Element("td", report.MeasureLabel(comparisons!.Text(r, "measure") ?? "")).Element("td", report.MeasureLabel(comparisons.Text(r, "reference") ?? ""));
                html.Raw("<td>");
                report.Number(html, comparisons, r, "estimate", report.Language.Difference);
                html.Raw(" <span class=\"ci\">(");
                report.Number(html, comparisons, r, "ci_low", report.Language.Difference);
                html.Raw(" – ");
                report.Number(html, comparisons, r, "ci_high", report.Language.Difference);
                html.Raw(")</span></td>").Element("td", report.Findings.Weakest?.Of(r) is { Significant: true } ? t.Yes : t.No);
            }
            else
            {
                var lowest = report.Dimensions.Select(d => report.Find(aggregates, "country", d, ("country", countries[c])))
                    .Where(r => r is { } x && !report.Suppressed(aggregates, x) && aggregates.Number(x, "mean") is not null)
                    .OrderBy(r => aggregates.Number(r!.Value, "mean")).FirstOrDefault();
                if (lowest is not { } row) { html.Raw("<td colspan=\"2\">"); report.SuppressedNote(html); html.Raw("</td></tr>"); continue; }
                html.Element("td", report.MeasureLabel(aggregates.Text(row, "measure") ?? ""));
                html.Raw("<td>"); report.Estimate(html, aggregates, row); html.Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }
}
