using Avrr.Analytics.Reports.Results;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// The comparisons table as the findings read it (docs/report.md, "The comparisons contract"): one row per
/// tested difference, with <c>level</c>, the grouping columns of aggregates, <c>measure</c>,
/// <c>comparison</c> (<c>vs_all</c>, <c>vs_parent</c>, <c>vs_previous_quarter</c>, <c>weakest_dimension</c>),
/// <c>reference</c>, <c>estimate</c> (the difference, group minus reference), <c>se</c>, <c>df</c>,
/// <c>ci_low</c>, <c>ci_high</c>, <c>significant</c>, <c>n</c>, <c>n_reference</c>, <c>suppressed</c>, <c>note</c>.
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

    /// <summary>"−0.07 (95% CI −0.10 to −0.04; n = 605)": the difference with its interval and n, each traceable.</summary>
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
        html.Text(")");
        if (table.Text(row, "note") is { } note) html.Raw(" ").Element("span", note, "note");
    }

    /// <summary>A usable row: not suppressed, with a difference and its interval.</summary>
    public static bool Shown(ResultTable table, int row) =>
        !table.Flag(row, "suppressed") && table.Number(row, "estimate") is not null && table.Number(row, "ci_low") is not null && table.Number(row, "ci_high") is not null;
}
