using Avrr.Analytics.Reports.Results;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Findings: short sentences generated from the tested differences of the comparisons table and from the
/// paired changes of panel_change, each with its number, interval and n (docs/report.md, "The findings
/// rules"). A difference is called significant only when the run's test says so (its 95% interval
/// excludes 0); every other one is said to show no significant difference. Nothing here is read off a chart.
/// </summary>
public sealed class FindingsSection : ReportSection
{
    public override string Id => "findings";

    public override string Title(ReportContext report) => report.T.Findings;

    public override string? Unavailable(ReportContext report) =>
        report.Result.Table(Comparisons.Table) is null && report.Result.Table("panel_change") is null ? report.T.NoFindings : null;

    public override void Render(ReportContext report, Html.Html html)
    {
        var t = report.T;
        html.Element("p", t.FindingsLead, "lead");
        var comparisons = report.Result.Table(Comparisons.Table);
        if (comparisons is null) html.Element("p", t.NoComparisonsTable, "missing");
        else
        {
            Countries(report, html, comparisons);
            Weakest(report, html, comparisons);
            Communities(report, html, comparisons);
            Quarters(report, html, comparisons);
        }
        Panel(report, html);
    }

    private static void Countries(ReportContext report, Html.Html html, ResultTable table)
    {
        var t = report.T;
        var rows = Comparisons.Rows(table, Comparisons.VsAll, "country", "composite").Where(r => Comparisons.Shown(table, r)).ToArray();
        if (rows.Length == 0) return;
        html.Element("h3", t.FindingsCountries);
        html.Open("ul", "findings");
        foreach (var r in rows.Where(r => table.Flag(r, "significant")).OrderBy(r => table.Number(r, "estimate")))
        {
            html.Open("li", table.Number(r, "estimate") < 0 ? "below" : "above");
            html.Text(string.Format(table.Number(r, "estimate") < 0 ? t.BelowAll : t.AboveAll, Comparisons.Group(report, table, r), report.MeasureLabel("composite"))).Text(t.Colon);
            Comparisons.Difference(report, html, table, r, "n");
            html.Text(".").Close("li");
        }
        NoDifference(report, html, table, rows.Where(r => !table.Flag(r, "significant")), string.Format(t.NoDifferenceAll, report.MeasureLabel("composite")));
        html.Close("ul");
    }

    private static void Weakest(ReportContext report, Html.Html html, ResultTable table)
    {
        var t = report.T;
        var rows = new[] { "all", "country" }.SelectMany(level => Comparisons.Rows(table, Comparisons.WeakestDimension, level)).Where(r => Comparisons.Shown(table, r)).ToArray();
        if (rows.Length == 0) return;
        html.Element("h3", t.FindingsWeakest);
        html.Open("ul", "findings");
        foreach (var r in rows)
        {
            var group = table.Text(r, "level") == "all" ? t.AllCountries : Comparisons.Group(report, table, r);
            var measure = report.MeasureLabel(table.Text(r, "measure") ?? "");
            var reference = report.MeasureLabel(table.Text(r, "reference") ?? "");
            var significant = table.Flag(r, "significant");
            html.Open("li", significant ? "below" : "none");
            html.Text(string.Format(significant ? t.WeakestSignificant : t.WeakestNotSignificant, group, measure, reference)).Text(t.Colon);
            Comparisons.Difference(report, html, table, r, "n");
            html.Text(".").Close("li");
        }
        html.Close("ul");
    }

    private static void Communities(ReportContext report, Html.Html html, ResultTable table)
    {
        var t = report.T;
        var rows = Comparisons.Rows(table, Comparisons.VsParent, "country+community", "composite").ToArray();
        var shown = rows.Where(r => Comparisons.Shown(table, r)).ToArray();
        if (shown.Length == 0) return;
        html.Element("h3", t.FindingsCommunities);
        html.Open("ul", "findings");
        foreach (var r in shown.Where(r => table.Flag(r, "significant")).OrderBy(r => table.Number(r, "estimate")))
        {
            html.Open("li", table.Number(r, "estimate") < 0 ? "below" : "above");
            html.Text(string.Format(table.Number(r, "estimate") < 0 ? t.BelowParent : t.AboveParent, Comparisons.Group(report, table, r), report.MeasureLabel("composite"))).Text(t.Colon);
            Comparisons.Difference(report, html, table, r, "n");
            html.Text(".").Close("li");
        }
        var none = shown.Count(r => !table.Flag(r, "significant"));
        if (none > 0) html.Element("li", string.Format(t.NoDifferenceParent, report.Language.Count(none)), "none");
        var withheld = rows.Length - shown.Length;
        if (withheld > 0) html.Element("li", string.Format(t.ComparisonsWithheld, report.Language.Count(withheld), report.Result.Manifest.MinCell), "none");
        html.Close("ul");
    }

    private static void Quarters(ReportContext report, Html.Html html, ResultTable table)
    {
        var t = report.T;
        var rows = new[] { "all+quarter", "quarter", "country+quarter" }.SelectMany(level => Comparisons.Rows(table, Comparisons.VsPreviousQuarter, level, "composite"))
            .Where(r => Comparisons.Shown(table, r)).ToArray();
        if (rows.Length == 0) return;
        html.Element("h3", t.FindingsQuarters);
        html.Open("ul", "findings");
        foreach (var r in rows.Where(r => table.Flag(r, "significant")))
        {
            var rose = table.Number(r, "estimate") > 0;
            html.Open("li", rose ? "above" : "below");
            html.Text(string.Format(rose ? t.QuarterRose : t.QuarterFell, Comparisons.Group(report, table, r), report.MeasureLabel("composite"), report.Language.Quarter(table.Text(r, "reference") ?? ""))).Text(t.Colon);
            Comparisons.Difference(report, html, table, r, "n");
            html.Text(".").Close("li");
        }
        var none = rows.Count(r => !table.Flag(r, "significant"));
        if (none > 0) html.Element("li", string.Format(t.NoQuarterChange, report.Language.Count(none)), "none");
        html.Close("ul");
    }

    private static void Panel(ReportContext report, Html.Html html)
    {
        var t = report.T;
        var panel = report.Result.Table("panel_change");
        if (panel is null) { html.Element("p", t.NoPanel, "missing"); return; }
        var rows = report.Rows(panel, "all", "composite").Concat(report.Dimensions.SelectMany(d => report.Rows(panel, "all", d)))
            .Concat(report.Rows(panel, "country", "composite"))
            .Where(r => !report.Suppressed(panel, r) && panel.Number(r, "ci_low") is not null).ToArray();
        if (rows.Length == 0) return;
        html.Element("h3", t.FindingsPanel);
        html.Open("ul", "findings");
        foreach (var r in rows)
        {
            double low = panel.Number(r, "ci_low")!.Value, high = panel.Number(r, "ci_high")!.Value;
            var group = panel.Text(r, "level") == "all" ? t.AllCountries : Comparisons.Group(report, panel, r);
            var measure = report.MeasureLabel(panel.Text(r, "measure") ?? "");
            var template = low > 0 ? t.PanelRose : high < 0 ? t.PanelFell : t.PanelNoChange;
            html.Open("li", low > 0 ? "above" : high < 0 ? "below" : "none");
            html.Text(string.Format(template, group, measure)).Text(t.Colon);
            report.Number(html, panel, r, "mean_change", report.Language.Difference);
            html.Text(" (").Text(t.Interval95Short).Text(" ");
            report.Number(html, panel, r, "ci_low", report.Language.Difference);
            html.Text(" " + t.To + " ");
            report.Number(html, panel, r, "ci_high", report.Language.Difference);
            html.Text(t.Semicolon + t.ReturneesN + " = ");
            report.Count(html, panel, r, "returnees");
            html.Text(").").Close("li");
        }
        html.Close("ul");
    }

    /// <summary>The groups with no significant difference, said as such, each with its numbers.</summary>
    private static void NoDifference(ReportContext report, Html.Html html, ResultTable table, IEnumerable<int> rows, string lead)
    {
        var list = rows.ToArray();
        if (list.Length == 0) return;
        html.Open("li", "none").Text(lead).Text(report.T.Colon);
        for (var i = 0; i < list.Length; i++)
        {
            if (i > 0) html.Text(report.T.Semicolon);
            html.Text(Comparisons.Group(report, table, list[i]) + " ");
            Comparisons.Difference(report, html, table, list[i], "n");
        }
        html.Text(".").Close("li");
    }
}
