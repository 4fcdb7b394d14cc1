namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Communities: per country, every community with its n, composite (and interval), dimensions and its
/// tested difference from its country, lowest composite first, so that the ones needing support come
/// first; a suppressed community is listed last as "suppressed (n &lt; 5)", without a number.
/// </summary>
public sealed class CommunitiesSection : ReportSection
{
    public const string Level = "country+community";

    public override string Id => "communities";

    public override string Title(ReportContext report) => report.T.CommunitiesTitle;

    public override string? Unavailable(ReportContext report) =>
        report.Rows(report.Aggregates, Level, "composite").Any() ? null : report.T.NoCommunities;

    public override void Render(ReportContext report, Html.Html html)
    {
        var t = report.T;
        var aggregates = report.Aggregates;
        var comparisons = report.Result.Table(Comparisons.Table);
        var hasVs = comparisons is not null && Comparisons.Rows(comparisons, Comparisons.VsParent, Level, "composite").Any();
        html.Element("p", string.Format(t.CommunitiesLead, report.Result.Manifest.MinCell), "note");
        foreach (var country in report.Values("country", "country"))
        {
            var rows = report.Rows(aggregates, Level, "composite").Where(r => aggregates.Text(r, "country") == country).ToArray();
            if (rows.Length == 0) continue;
            var ordered = rows.Where(r => !report.Suppressed(aggregates, r)).OrderBy(r => aggregates.Number(r, "mean")).ThenBy(r => r)
                .Concat(rows.Where(r => report.Suppressed(aggregates, r))).ToArray();
            html.Element("h3", report.GroupLabel("country", country));
            html.Open("table", "estimates communities").Raw("<thead><tr>");
            html.Element("th", t.Community).Element("th", t.SurveysN).Element("th", report.MeasureLabel("composite") + " " + t.WithInterval);
            foreach (var d in report.Dimensions) html.Element("th", report.MeasureLabel(d));
            if (hasVs) html.Element("th", t.DifferenceFromCountry);
            html.Raw("</tr></thead><tbody>");
            foreach (var row in ordered)
            {
                var community = aggregates.Text(row, "community");
                html.Raw("<tr>").Element("th", report.GroupLabel("community", community));
                if (report.Suppressed(aggregates, row))
                {
                    html.Raw($"<td colspan=\"{3 + report.Dimensions.Count + (hasVs ? 1 : 0) - 1}\">");
                    report.SuppressedNote(html);
                    html.Raw("</td></tr>");
                    continue;
                }
                html.Raw("<td>"); report.Count(html, aggregates, row, "n"); html.Raw("</td><td>");
                report.Estimate(html, aggregates, row); html.Raw("</td>");
                foreach (var d in report.Dimensions)
                {
                    html.Raw("<td>");
                    if (report.Find(aggregates, Level, d, ("country", country), ("community", community ?? "")) is { } dr)
                    {
                        if (report.Suppressed(aggregates, dr)) report.SuppressedNote(html); else report.Number(html, aggregates, dr, "mean");
                    }
                    else html.Raw("–");
                    html.Raw("</td>");
                }
                if (hasVs)
                {
                    var vs = Comparisons.Rows(comparisons!, Comparisons.VsParent, Level, "composite")
                        .FirstOrDefault(r => comparisons!.Text(r, "country") == country && comparisons.Text(r, "community") == community, -1);
                    html.Raw("<td>");
                    if (vs >= 0 && Comparisons.Shown(comparisons!, vs))
                    {
                        report.Number(html, comparisons!, vs, "estimate", report.Language.Difference);
                        if (report.Findings.Communities?.Of(vs) is { Significant: true }) html.Raw(" <strong class=\"sig\">").Text(t.SignificantMark).Raw("</strong>");
                    }
                    else html.Raw("–");
                    html.Raw("</td>");
                }
                html.Raw("</tr>");
            }
            html.Raw("</tbody></table>");
        }
        if (hasVs) html.Element("p", report.Findings.Communities?.Decisions == Findings.Decisions.FalseDiscoveryRate ? t.SignificantMarkNote : t.SignificantMarkNoteUnadjusted, "note");
    }
}
