using Avrr.Analytics.Reports.Findings;
using Avrr.Analytics.Reports.Results;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Findings: short sentences generated from the tested differences of the comparisons table and from the
/// paired changes of panel_change, each with its number, interval, n and adjusted p-value (docs/report.md, "The
/// findings rules"). The lists and their decisions come from <see cref="ReportFindings"/>: a difference is called
/// significant, and given a direction (above, below, a rise, a fall), only when the run's test of it passed within
/// its family; every other one is said to show no significant difference. Each list says how many tests its
/// families made and how they were decided. Nothing here is read off a chart.
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
        var findings = report.Findings;
        html.Element("p", findings.Decisions == Decisions.FalseDiscoveryRate ? t.FindingsLead : t.FindingsLeadUnadjusted, "lead");
        if (report.Result.Table(Comparisons.Table) is null) html.Element("p", t.NoComparisonsTable, "missing");
        else
        {
            Countries(report, html, findings.Countries);
            Weakest(report, html, findings.Weakest);
            Communities(report, html, findings.Communities);
            Quarters(report, html, findings.Quarters);
        }
        Panel(report, html, findings.Changes);
    }

    private static void Countries(ReportContext report, Html.Html html, FindingsList? list)
    {
        var t = report.T;
        if (list is null || !list.Shown.Any()) return;
        var table = list.Table;
        html.Element("h3", t.FindingsCountries);
        Comparisons.FamilyNote(report, html, list, null);
        html.Open("ul", "findings");
        foreach (var f in list.Significant.OrderBy(f => f.Estimate))
        {
            var below = f.Direction == FindingDirection.Below;
            html.Open("li", below ? "below" : "above");
            html.Text(string.Format(below ? t.BelowAll : t.AboveAll, Comparisons.Group(report, table, f.Row), report.MeasureLabel("composite"))).Text(t.Colon);
            Comparisons.Difference(report, html, table, f.Row, "n");
            html.Text(".").Close("li");
        }
        NoDifference(report, html, table, list.NotSignificant.Select(f => f.Row), string.Format(t.NoDifferenceAll, report.MeasureLabel("composite")));
        html.Close("ul");
    }

    private static void Weakest(ReportContext report, Html.Html html, FindingsList? list)
    {
        var t = report.T;
        if (list is null || !list.Shown.Any()) return;
        var table = list.Table;
        html.Element("h3", t.FindingsWeakest);
        Comparisons.FamilyNote(report, html, list, null);
        html.Open("ul", "findings");
        foreach (var f in list.Shown)
        {
            var group = table.Text(f.Row, "level") == "all" ? t.AllCountries : Comparisons.Group(report, table, f.Row);
            var measure = report.MeasureLabel(table.Text(f.Row, "measure") ?? "");
            var reference = report.MeasureLabel(table.Text(f.Row, "reference") ?? "");
            // The lowest dimension − the next lowest is never positive: a significant one is below its reference.
            html.Open("li", f.Significant ? "below" : "none");
            html.Text(string.Format(f.Significant ? t.WeakestSignificant : t.WeakestNotSignificant, group, measure, reference)).Text(t.Colon);
            Comparisons.Difference(report, html, table, f.Row, "n");
            html.Text(".").Close("li");
        }
        html.Close("ul");
    }

    private static void Communities(ReportContext report, Html.Html html, FindingsList? list)
    {
        var t = report.T;
        if (list is null || !list.Shown.Any()) return;
        var table = list.Table;
        html.Element("h3", t.FindingsCommunities);
        Comparisons.FamilyNote(report, html, list, t.FamiliesOfCommunities);
        html.Open("ul", "findings");
        foreach (var f in list.Significant.OrderBy(f => f.Estimate))
        {
            var below = f.Direction == FindingDirection.Below;
            html.Open("li", below ? "below" : "above");
            html.Text(string.Format(below ? t.BelowParent : t.AboveParent, Comparisons.Group(report, table, f.Row), report.MeasureLabel("composite"))).Text(t.Colon);
            Comparisons.Difference(report, html, table, f.Row, "n");
            html.Text(".").Close("li");
        }
        var none = list.NotSignificant.Count();
        if (none > 0) html.Element("li", string.Format(t.NoDifferenceParent, report.Language.Count(none)), "none");
        var withheld = list.Findings.Count - list.Shown.Count();
        if (withheld > 0) html.Element("li", string.Format(t.ComparisonsWithheld, report.Language.Count(withheld), report.Result.Manifest.MinCell), "none");
        html.Close("ul");
    }

    private static void Quarters(ReportContext report, Html.Html html, FindingsList? list)
    {
        var t = report.T;
        if (list is null || !list.Shown.Any()) return;
        var table = list.Table;
        html.Element("h3", t.FindingsQuarters);
        Comparisons.FamilyNote(report, html, list, t.FamiliesOfQuarters);
        html.Open("ul", "findings");
        foreach (var f in list.Significant)
        {
            var rose = f.Direction == FindingDirection.Above;
            html.Open("li", rose ? "above" : "below");
            html.Text(string.Format(rose ? t.QuarterRose : t.QuarterFell, Comparisons.Group(report, table, f.Row), report.MeasureLabel("composite"), report.Language.Quarter(table.Text(f.Row, "reference") ?? ""))).Text(t.Colon);
            Comparisons.Difference(report, html, table, f.Row, "n");
            html.Text(".").Close("li");
        }
        var none = list.NotSignificant.Count();
        if (none > 0) html.Element("li", string.Format(t.NoQuarterChange, report.Language.Count(none)), "none");
        html.Close("ul");
    }

    private static void Panel(ReportContext report, Html.Html html, FindingsList? list)
    {
        var t = report.T;
        if (report.Result.Table("panel_change") is null) { html.Element("p", t.NoPanel, "missing"); return; }
        if (list is null || !list.Shown.Any()) return;
        var panel = list.Table;
        html.Element("h3", t.FindingsPanel);
        Comparisons.FamilyNote(report, html, list, t.FamiliesOfChanges);
        html.Open("ul", "findings");
        foreach (var f in list.Shown)
        {
            var r = f.Row;
            var group = panel.Text(r, "level") == "all" ? t.AllCountries : Comparisons.Group(report, panel, r);
            var measure = report.MeasureLabel(panel.Text(r, "measure") ?? "");
            var (template, kind) = f.Direction switch
            {
                FindingDirection.Above => (t.PanelRose, "above"),
                FindingDirection.Below => (t.PanelFell, "below"),
                _ => (t.PanelNoChange, "none"),
            };
            html.Open("li", kind);
            html.Text(string.Format(template, group, measure)).Text(t.Colon);
            report.Number(html, panel, r, "mean_change", report.Language.Difference);
            html.Text(" (").Text(t.Interval95Short).Text(" ");
            report.Number(html, panel, r, "ci_low", report.Language.Difference);
            html.Text(" " + t.To + " ");
            report.Number(html, panel, r, "ci_high", report.Language.Difference);
            html.Text(t.Semicolon + t.ReturneesN + " = ");
            report.Count(html, panel, r, "returnees");
            Comparisons.AdjustedP(report, html, panel, r);
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
