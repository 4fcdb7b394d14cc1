namespace Avrr.Analytics.Reports.Sections;

/// <summary>Headline: the period, the counts, the composite and the dimensions of the whole sample with their intervals, and the share in each band.</summary>
public sealed class HeadlineSection : ReportSection
{
    public override string Id => "headline";

    public override string Title(ReportContext report) => report.T.Headline;

    public override string? Unavailable(ReportContext report)
    {
        var all = report.Find(report.Aggregates, "all", "composite");
        if (all is null) return report.T.NoAllLevel;
        return report.Suppressed(report.Aggregates, all.Value) ? string.Format(report.T.WholeSampleSuppressed, report.Result.Manifest.MinCell) : null;
    }

    public override void Render(ReportContext report, Html.Html html)
    {
        var t = report.T;
        var language = report.Language;
        var manifest = report.Result.Manifest;
        var aggregates = report.Aggregates;

        html.Open("dl", "facts");
        if (manifest.FirstSurveyDate is { } first && manifest.LastSurveyDate is { } last)
            Fact(t.Period, string.Format(t.PeriodRange, language.Date(first), language.Date(last)));
        Fact(t.SurveysScored, language.Count(manifest.RowsScored));
        if (manifest.Returnees is { } returnees) Fact(t.Returnees, language.Count(returnees));
        Fact(t.PanelReturnees, language.Count(manifest.PanelReturnees));
        Fact(t.Countries, language.Count(report.Values("country", "country").Count));
        html.Close("dl");

        html.Open("table", "estimates").Raw("<thead><tr>");
        html.Element("th", t.Measure).Element("th", t.Mean).Element("th", t.Interval95).Element("th", t.SurveysN);
        html.Raw("</tr></thead><tbody>");
        foreach (var measure in new[] { "composite" }.Concat(report.Dimensions))
        {
            if (report.Find(aggregates, "all", measure) is not { } row) continue;
            html.Raw(measure == "composite" ? "<tr class=\"main\">" : "<tr>");
            html.Element("th", report.MeasureLabel(measure));
            if (report.Suppressed(aggregates, row))
            {
                html.Raw("<td colspan=\"3\">");
                report.SuppressedNote(html);
                html.Raw("</td></tr>");
                continue;
            }
            html.Raw("<td>"); report.Number(html, aggregates, row, "mean"); html.Raw("</td><td>");
            report.Interval(html, aggregates, row); html.Raw("</td><td>");
            report.Count(html, aggregates, row, "n"); html.Raw("</td></tr>");
        }
        html.Raw("</tbody></table>");

        var composite = report.Find(aggregates, "all", "composite")!.Value;
        var bands = report.Result.Scheme.Options.Bands;
        html.Open("p", "bands").Text(string.Format(t.BandsLead, language.Score(bands.Medium), language.Score(bands.High))).Raw(" ");
        Band(t.BandLow, "share_low");
        html.Raw(" · ");
        Band(t.BandMedium, "share_medium");
        html.Raw(" · ");
        Band(t.BandHigh, "share_high");
        html.Close("p");
        html.Element("p", t.HeadlineNote, "note");

        void Fact(string name, string value) => html.Element("dt", name).Element("dd", value);

        void Band(string name, string column)
        {
            html.Open("strong").Text(name).Close("strong").Raw(" ");
            report.Number(html, aggregates, composite, column, language.Percent);
        }
    }
}
