using Avrr.Analytics.Reports.Findings;
using Avrr.Analytics.Reports.Results;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// The comparisons table as the findings read it (docs/report.md, "The comparisons contract"): one row per
/// tested difference, with <c>level</c>, the grouping columns of aggregates, <c>measure</c>,
/// <c>comparison</c> (<c>vs_all</c>, <c>vs_parent</c>, <c>vs_previous_quarter</c>, <c>weakest_dimension</c>),
/// <c>reference</c>, <c>estimate</c> (the difference, group minus reference), <c>se</c>, <c>psus</c>, <c>df</c>,
/// <c>ci_low</c>, <c>ci_high</c>, <c>p_value</c>, <c>family</c>, <c>family_size</c>, <c>p_adjusted</c>, <c>significant</c>,
/// <c>n</c>, <c>n_reference</c>, <c>suppressed</c>, <c>note</c> (a result of an earlier engine has no p-values nor families).
/// </summary>
internal static class Comparisons
{
    public const string Table = "comparisons";
    public const string VsAll = "vs_all", VsParent = "vs_parent", VsPreviousQuarter = "vs_previous_quarter", WeakestDimension = "weakest_dimension";

    /// <summary>The rows of one kind of comparison at a level for a measure (any measure when null), in file order.</summary>
    public static IEnumerable<int> Rows(ResultTable table, string comparison, string level, string? measure = null) =>
        table.RowsWhere("comparison", comparison).Where(r => table.Text(r, "level") == level && (measure is null || table.Text(r, "measure") == measure));

    /// <summary>The grouping columns of a level (none for <c>all</c>).</summary>
    public static string[] Columns(string level) => level == "all" ? [] : level.Split('+');

    /// <summary>The group of a row as people read it: its values joined with " · " (MLI · Kayes).</summary>
    public static string Group(ReportContext report, ResultTable table, int row) =>
        string.Join(" · ", Columns(table.Text(row, "level") ?? "all").Select(c => report.GroupLabel(c, table.Text(row, c))));

    /// <summary>A p-value below this is written "&lt; 0.001".</summary>
    private const double SmallP = 0.001;

    /// <summary>"−0.07 (95% CI −0.10 to −0.04; n = 605; adjusted p = 0.003)": the difference with its interval, n and adjusted p-value, each traceable.</summary>
    public static void Difference(ReportContext report, Html.Html html, ResultTable table, int row, string nWord)
    {
        report.Number(html, table, row, "estimate", report.Language.Difference);
        html.Text(" (").Text(report.T.Interval95Short).Text(" ");
        report.Number(html, table, row, "ci_low", report.Language.Difference);
        html.Text(" " + report.T.To + " ");
        report.Number(html, table, row, "ci_high", report.Language.Difference);
        if (table.Count(row, "n") is not null)
        {
            html.Text(report.T.Semicolon + nWord + " = ");
            report.Count(html, table, row, "n");
        }
        AdjustedP(report, html, table, row);
        html.Text(")");
        if (table.Text(row, "note") is { } note) html.Raw(" ").Element("span", note, "note");
    }

    /// <summary>
    /// "; adjusted p = 0.003" (traced to its cell), "; adjusted p &lt; 0.001", or "; p = …" when each test was decided on its
    /// own; nothing for a row without a test or a table without p-values.
    /// </summary>
    public static void AdjustedP(ReportContext report, Html.Html html, ResultTable table, int row)
    {
        if (table.Number(row, "p_adjusted") is not { } p || report.Suppressed(table, row)) return;
        var name = report.Findings.Decisions == Decisions.FalseDiscoveryRate ? report.T.AdjustedP : "p";
        html.Text(report.T.Semicolon + name + " ");
        if (p < SmallP) { html.Text("< " + report.Language.Fixed(SmallP, 3)); return; }
        html.Text("= ");
        report.Number(html, table, row, "p_adjusted", v => PText(report, v));
    }

    /// <summary>
    /// A p-value with 3 decimals, or more when 3 would put it on the other side of 0.05 than it is (0.0496 is not
    /// "0.050"), so that a decision never reads against its number.
    /// </summary>
    public static string PText(ReportContext report, double p)
    {
        for (var decimals = 3; ; decimals++)
        {
            var shown = Math.Round(p, decimals, MidpointRounding.AwayFromZero);
            if (decimals == 8 || (shown < ReportFindings.Level) == (p < ReportFindings.Level)) return report.Language.Fixed(p, decimals);
        }
    }

    /// <summary>
    /// How many tests a findings list's families made and how they were decided, in plain words (docs/report.md):
    /// <paramref name="families"/> says what one family is when the list has several.
    /// </summary>
    public static void FamilyNote(ReportContext report, Html.Html html, FindingsList list, string? families)
    {
        var t = report.T;
        var tests = report.Language.Count(list.Tests);
        var text = list.Decisions != Decisions.FalseDiscoveryRate ? string.Format(t.FamilyEachOnItsOwn, tests)
            : list.Families.Count > 1 ? string.Format(t.FamilyFdrMany, tests, report.Language.Count(list.Families.Count), families ?? "")
            : string.Format(t.FamilyFdrOne, tests);
        html.Element("p", text, "note family");
    }

    /// <summary>A usable row: not suppressed, with a difference and its interval.</summary>
    public static bool Shown(ResultTable table, int row) =>
        !table.Flag(row, "suppressed") && table.Number(row, "estimate") is not null && table.Number(row, "ci_low") is not null && table.Number(row, "ci_high") is not null;
}
