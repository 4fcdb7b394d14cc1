using Avrr.Analytics.Reports.Results;

namespace Avrr.Analytics.Reports.Sections.Insights;

/// <summary>
/// The tables of insights/ that the report reads (docs/insights.md, "Files"), and how their cells are shown.
/// risk.csv is not among them: it is case-level data, and the report never opens it. A count that the run
/// withheld (an empty cell, because it is under min-cell) is shown as "suppressed", never as a dash.
/// </summary>
internal static class InsightTables
{
    public const string Models = "insights/models", Profiles = "insights/profiles", Selection = "insights/profile_selection", Mix = "insights/profile_mix",
        Linear = "insights/drivers_linear", Terms = "insights/drivers_terms", Importance = "insights/drivers_importance",
        EarlyWarning = "insights/early_warning", Calibration = "insights/early_warning_calibration", RiskByCountry = "insights/risk_by_country";

    /// <summary>Every table the section reads, in the order it shows them (the report's footer names them).</summary>
    public static IReadOnlyList<string> Shown { get; } = [Models, Profiles, Selection, Mix, Linear, Terms, Importance, EarlyWarning, Calibration, RiskByCountry];

    /// <summary>A p-value below this is written "p &lt; 0.001".</summary>
    private const double SmallP = 0.001;

    /// <summary>A count, or "suppressed" when the row is suppressed or the run withheld the cell.</summary>
    public static void Count(ReportContext report, Html.Html html, ResultTable table, int row, string column) =>
        Cell(report, html, table, row, column, v => report.Language.Count((long)v));

    /// <summary>A number, or "suppressed" when the row is suppressed or the run withheld the cell.</summary>
    public static void Cell(ReportContext report, Html.Html html, ResultTable table, int row, string column, Func<double, string>? format = null)
    {
        if (report.Suppressed(table, row) || table.Number(row, column) is null) report.SuppressedNote(html);
        else report.Number(html, table, row, column, format);
    }

    /// <summary>
    /// "adjusted p = 0.046" (traced) or "adjusted p &lt; 0.001" from <c>p_adjusted</c> (plain "p" when each test was
    /// decided on its own, or from <c>p</c> for a result without it); "suppressed" when withheld.
    /// </summary>
    public static void P(ReportContext report, Html.Html html, ResultTable table, int row)
    {
        var column = table.Has("p_adjusted") ? "p_adjusted" : "p";
        if (report.Suppressed(table, row) || table.Number(row, column) is not { } p) { report.SuppressedNote(html); return; }
        var name = column == "p_adjusted" && report.Findings.Decisions == Findings.Decisions.FalseDiscoveryRate ? report.T.AdjustedP : "p";
        if (p < SmallP) { html.Text(name + " < " + report.Language.Fixed(SmallP, 3)); return; }
        html.Text(name + " = ");
        report.Number(html, table, row, column, v => Comparisons.PText(report, v));
    }

    /// <summary>"+0.04 (95% CI +0.01 to +0.07; n = 507)": a difference with its interval and n, each traced.</summary>
    public static void Difference(ReportContext report, Html.Html html, ResultTable table, int row)
    {
        if (report.Suppressed(table, row)) { report.SuppressedNote(html); return; }
        Comparisons.Difference(report, html, table, row, "n");
    }

    /// <summary>The rows of a table, or none when the run did not write it.</summary>
    /// <summary>Whether an attribute is a place: its differences are those of the Countries and Communities sections, adjusted here, and left to the table.</summary>
    public static bool Place(string? term) => term is Vocabulary.SurveyColumns.Country or Vocabulary.SurveyColumns.Community;

    public static IEnumerable<int> Rows(ResultTable? table) => table is null ? [] : Enumerable.Range(0, table.RowCount);

    /// <summary>An attribute of the drivers as people read it: country, community, quarter and round in the report's language (in lower case, as attributes are named), any other as named in the data.</summary>
    public static string Term(ReportContext report, string? term) => term switch
    {
        Vocabulary.SurveyColumns.Country => report.T.Insights.CountryTerm,
        Vocabulary.SurveyColumns.Community => report.T.Insights.CommunityTerm,
        Vocabulary.SurveyColumns.Quarter => report.T.Insights.QuarterTerm,
        Vocabulary.SurveyColumns.Round => report.T.Insights.RoundTerm,
        _ => term ?? "",
    };

    /// <summary>The row of a metric of early_warning (auc, threshold, …), or null when the table has none.</summary>
    public static int? Metric(ResultTable table, string metric) => table.RowsWhere("metric", metric).Cast<int?>().FirstOrDefault();
}
