using Avrr.Analytics.Reports.Charts;
using Avrr.Analytics.Reports.Results;
using static Avrr.Analytics.Reports.Html.Sentence;

namespace Avrr.Analytics.Reports.Sections.Insights;

/// <summary>
/// What goes with better scores: the survey-weighted linear model (insights/drivers_linear, drivers_terms)
/// as sentences on the composite — how many attributes were tested and how they were decided, the attributes
/// associated with it (the term's Wald test passing after the Benjamini–Hochberg adjustment across the outcome's
/// terms, <see cref="Findings.ReportFindings.Attributes"/>), those with no significant association, each category's
/// difference from its reference category, called associated only under an attribute that passes — and a table of
/// every outcome; then the tree model's permutation importance (insights/drivers_importance) as a chart of means
/// and spreads, with the held-out R².
/// </summary>
internal static class DriversPart
{
    private const string Composite = "composite", Intercept = "(Intercept)";

    public static void Render(ReportContext report, Html.Html html)
    {
        var t = report.T.Insights;
        html.Element("h3", t.DriversTitle);
        var linear = report.Result.Table(InsightTables.Linear);
        var terms = report.Result.Table(InsightTables.Terms);
        if (linear is null || !linear.RowsWhere("outcome", Composite).Any(r => linear.Text(r, "term") != Intercept))
            html.Element("p", t.NoDrivers, "missing");
        else
        {
            html.Element("p", t.DriversLead, "note");
            if (terms is not null) Terms(report, html, terms);
            Coefficients(report, html, linear);
            Table(report, html, linear);
        }
        Importance(report, html, terms);
    }

    /// <summary>
    /// A category called associated with an outcome: its attribute passed its adjusted test for that outcome, and its own
    /// interval excludes 0. Under an attribute that did not pass, no category is (docs/insights.md).
    /// </summary>
    private static bool Significant(ReportContext report, ResultTable table, int row, string outcome) =>
        !table.Flag(row, "suppressed") && (table.Number(row, "ci_low") > 0 || table.Number(row, "ci_high") < 0)
        && report.Findings.Associated(outcome, table.Text(row, "term"));

    private static bool Shown(ResultTable table, int row) =>
        !table.Flag(row, "suppressed") && !table.Flag(row, "aliased") && table.Number(row, "estimate") is not null && table.Number(row, "ci_low") is not null;

    /// <summary>
    /// How many attributes were tested and how they were decided, then "Composite score: the attributes associated with
    /// it, strongest first: country (adjusted p &lt; 0.001), sex (adjusted p = 0.004)." and those with no significant association.
    /// </summary>
    private static void Terms(ReportContext report, Html.Html html, ResultTable terms)
    {
        var t = report.T.Insights;
        if (report.Findings.Attributes(Composite) is not { } list) return;
        var rank = (int r) => terms.Count(r, "rank") ?? long.MaxValue;
        var rows = list.Findings.Select(f => f.Row).OrderBy(rank).ToArray();
        var tested = list.Findings.Where(f => f.Tested).Select(f => f.Row).OrderBy(rank).ToArray();
        var associated = list.Significant.Select(f => f.Row).OrderBy(rank).ToArray();
        var none = list.NotSignificant.Select(f => f.Row).OrderBy(rank).ToArray();
        if (tested.Length > 0)
            html.Element("p", string.Format(list.Decisions == Findings.Decisions.FalseDiscoveryRate ? t.TermsFamilyFdr : t.TermsFamilyEachOnItsOwn,
                report.Language.Count(list.Tests), report.MeasureLabel(Composite)), "note family");
        html.Open("ul", "findings");
        if (associated.Length > 0) List(report, html, terms, associated, "above", t.TermsAssociated);
        if (none.Length > 0) List(report, html, terms, none, "none", t.TermsNotAssociated);
        if (rows.Length > tested.Length)
        {
            html.Open("li", "none");
            Write(html, t.TermsWithheld, Plain(string.Join(", ", rows.Except(tested).Select(r => InsightTables.Term(report, terms.Text(r, "term"))))),
                h => report.SuppressedNote(h));
            html.Close("li");
        }
        html.Close("ul");
    }

    private static void List(ReportContext report, Html.Html html, ResultTable terms, int[] rows, string kind, string template)
    {
        html.Open("li", kind);
        Write(html, template, Plain(report.MeasureLabel(Composite)), h =>
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (i > 0) h.Text(", ");
                h.Text(InsightTables.Term(report, terms.Text(rows[i], "term")) + " (");
                InsightTables.P(report, h, terms, rows[i]);
                h.Text(")");
            }
        });
        html.Close("li");
    }

    /// <summary>
    /// A sentence for each category significantly different from its reference (composite), then those with no significant
    /// association; places (country, community) are left to the table, their differences being those of the sections before.
    /// </summary>
    private static void Coefficients(ReportContext report, Html.Html html, ResultTable linear)
    {
        var t = report.T.Insights;
        var rows = linear.RowsWhere("outcome", Composite).Where(r => linear.Text(r, "term") != Intercept && !InsightTables.Place(linear.Text(r, "term")) && Shown(linear, r)).ToArray();
        if (rows.Length == 0) return;
        html.Open("ul", "findings");
        foreach (var r in rows.Where(r => Significant(report, linear, r, Composite)))
        {
            var term = linear.Text(r, "term");
            html.Open("li", linear.Number(r, "estimate") < 0 ? "below" : "above");
            Write(html, linear.Number(r, "estimate") < 0 ? t.CoefficientLower : t.CoefficientHigher, Plain(InsightTables.Term(report, term)), Plain(report.GroupLabel(term ?? "", linear.Text(r, "level"))),
                Plain(report.MeasureLabel(Composite)), h => InsightTables.Difference(report, h, linear, r), Plain(report.GroupLabel(term ?? "", linear.Text(r, "reference"))));
            html.Close("li");
        }
        var none = rows.Where(r => !Significant(report, linear, r, Composite)).ToArray();
        if (none.Length > 0)
        {
            html.Open("li", "none").Text(string.Format(t.CoefficientsNone, report.MeasureLabel(Composite))).Text(report.T.Colon);
            for (var i = 0; i < none.Length; i++)
            {
                var term = linear.Text(none[i], "term") ?? "";
                if (i > 0) html.Text(report.T.Semicolon);
                html.Text(string.Format(t.CategoryAgainst, InsightTables.Term(report, term), report.GroupLabel(term, linear.Text(none[i], "level")),
                    report.GroupLabel(term, linear.Text(none[i], "reference")))).Text(" ");
                InsightTables.Difference(report, html, linear, none[i]);
            }
            html.Text(".").Close("li");
        }
        html.Close("ul");
    }

    /// <summary>Every category of every term: its n and, for the composite and each dimension, its difference from the reference with its interval.</summary>
    private static void Table(ReportContext report, Html.Html html, ResultTable linear)
    {
        var t = report.T.Insights;
        var outcomes = new[] { Composite }.Concat(report.Dimensions).Where(o => linear.RowsWhere("outcome", o).Any()).ToArray();
        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.Attribute).Element("th", t.Category).Element("th", t.ComparedWith).Element("th", report.T.SurveysN);
        foreach (var o in outcomes) html.Element("th", report.MeasureLabel(o));
        html.Raw("</tr></thead><tbody>");
        foreach (var r in linear.RowsWhere("outcome", Composite).Where(r => linear.Text(r, "term") != Intercept))
        {
            var term = linear.Text(r, "term") ?? "";
            var level = linear.Text(r, "level");
            html.Raw("<tr>").Element("th", InsightTables.Term(report, term)).Element("td", report.GroupLabel(term, level)).Element("td", report.GroupLabel(term, linear.Text(r, "reference")));
            html.Raw("<td>"); InsightTables.Count(report, html, linear, r, "n"); html.Raw("</td>");
            foreach (var o in outcomes)
            {
                html.Raw("<td>");
                var row = linear.RowsWhere("outcome", o).Where(x => linear.Text(x, "term") == term && linear.Text(x, "level") == level).Cast<int?>().FirstOrDefault();
                if (row is not { } x) html.Raw("–");
                else if (report.Suppressed(linear, x)) report.SuppressedNote(html);
                else if (linear.Flag(x, "aliased")) html.Element("span", t.Aliased, "muted");
                else
                {
                    report.Estimate(html, linear, x, "estimate", report.Language.Difference);
                    if (Significant(report, linear, x, o)) html.Raw(" ").Element("strong", report.T.SignificantMark);
                }
                html.Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
        html.Element("p", t.DriversTableNote, "note");
    }

    private static void Importance(ReportContext report, Html.Html html, ResultTable? terms)
    {
        var t = report.T.Insights;
        html.Element("h3", t.ImportanceTitle);
        var importance = report.Result.Table(InsightTables.Importance);
        var rows = InsightTables.Rows(importance).Where(r => importance!.Number(r, "importance_mean") is not null).ToArray();
        if (importance is null || rows.Length == 0) { html.Element("p", t.NoImportance, "missing"); return; }
        var repeats = importance.Count(rows[0], "repeats") ?? 0;
        html.Element("p", string.Format(t.ImportanceLead, report.Language.Count(repeats)), "note");

        var points = rows.Select(r =>
        {
            var mean = importance.Number(r, "importance_mean")!.Value;
            var sd = importance.Number(r, "importance_sd");
            return (IntervalPoint?)new IntervalPoint(mean, mean - sd, mean + sd);
        }).ToArray();
        var chart = report.Charts.Intervals(rows.Select(r => InsightTables.Term(report, importance.Text(r, "feature"))).ToArray(),
            [new ChartSeries(t.ImportanceAxis, points)], t.ImportanceAxis, 0, t.ImportanceChartLabel);
        report.Figure(html, chart, t.ImportanceChartCaption);

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.Attribute).Element("th", t.ImportanceMean).Element("th", t.ImportanceSd).Raw("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            html.Raw("<tr>").Element("th", InsightTables.Term(report, importance.Text(r, "feature"))).Raw("<td>");
            report.Number(html, importance, r, "importance_mean");
            html.Raw("</td><td>");
            InsightTables.Cell(report, html, importance, r, "importance_sd");
            html.Raw("</td></tr>");
        }
        html.Raw("</tbody></table>");

        html.Open("ul", "findings");
        var top = rows[0];
        html.Open("li", "above");
        Write(html, t.ImportanceTop, Plain(InsightTables.Term(report, importance.Text(top, "feature"))),
            h => report.Number(h, importance, top, "importance_mean"), h => InsightTables.Cell(report, h, importance, top, "importance_sd"));
        html.Close("li");
        if (importance.Number(top, "holdout_r_squared") is { } r2)
        {
            html.Open("li", "none");
            Write(html, r2 < 0.1 ? t.RSquaredLow : t.RSquared, h => report.Number(h, importance, top, "holdout_r_squared", report.Language.Percent));
            html.Close("li");
        }
        // Within two standard deviations of 0: the model does not clearly use the attribute.
        var unclear = rows.Where(r => importance.Number(r, "importance_mean") - 2 * (importance.Number(r, "importance_sd") ?? 0) <= 0).ToArray();
        if (unclear.Length > 0)
        {
            html.Open("li", "none");
            Write(html, t.ImportanceNone, Plain(string.Join(", ", unclear.Select(r => InsightTables.Term(report, importance.Text(r, "feature"))))));
            html.Close("li");
        }
        // Clear in the trees but no significant association in the linear model: its association may depend on the other attributes.
        var linearNone = terms is null || report.Findings.Attributes(Composite) is not { } list ? []
            : list.NotSignificant.Select(f => terms.Text(f.Row, "term")).ToHashSet();
        var interacting = rows.Except(unclear).Where(r => linearNone.Contains(importance.Text(r, "feature"))).ToArray();
        if (interacting.Length > 0)
        {
            html.Open("li", "none");
            Write(html, t.ImportanceInteracting, Plain(string.Join(", ", interacting.Select(r => InsightTables.Term(report, importance.Text(r, "feature"))))));
            html.Close("li");
        }
        html.Close("ul");
    }
}
