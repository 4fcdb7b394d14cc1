using Avrr.Analytics.Insights.EarlyWarning;
using Avrr.Analytics.Reports.Results;
using static Avrr.Analytics.Reports.Html.Sentence;

namespace Avrr.Analytics.Reports.Sections.Insights;

/// <summary>
/// The early warning's cross-validated quality (insights/early_warning: AUC, precision and recall at the
/// threshold, Brier score) beside the simple rule "lowest baseline composite first" (its AUC, precision and
/// recall at as many flagged, the paired difference: the model is called useful only when it beats the rule), its calibration (early_warning_calibration, as a chart and a table) and the
/// risk by country of the returnees with only a baseline (risk_by_country) — never the list of returnees
/// (risk.csv), which is case-level data. When nothing was trained (too few panel returnees, or too few who
/// fell low or did not), it says why, from the counts of the table.
/// </summary>
internal static class EarlyWarningPart
{
    public static void Render(ReportContext report, Html.Html html)
    {
        var t = report.T.Insights;
        html.Element("h3", t.EarlyWarningTitle);
        var metrics = report.Result.Table(InsightTables.EarlyWarning);
        if (metrics is null || InsightTables.Metric(metrics, "trained") is not { } trained) { html.Element("p", t.NoEarlyWarning, "missing"); return; }
        if (metrics.Number(trained, "value") != 1) { NotTrained(report, html, metrics); return; }

        int? Row(string metric) => InsightTables.Metric(metrics, metric);
        Action<Html.Html> Value(string metric, Func<double, string>? format = null) =>
            h => { if (Row(metric) is { } r) InsightTables.Cell(report, h, metrics, r, "value", format); else h.Raw("–"); };
        var percent = report.Language.Percent;
        var count = (Func<double, string>)(v => report.Language.Count((long)v));

        html.Open("p", "note");
        Write(html, t.EarlyWarningLead, Value("folds", count));
        html.Close("p");
        html.Open("ul", "findings");
        var auc = Row("auc") is { } a ? metrics.Number(a, "value") : null;
        // The model is called useful only with its lift over the simple rule shown (docs/insights.md): a result
        // without the comparison (an older one) gets no such sentence either.
        var beats = Row("model_beats_rule") is { } b ? metrics.Number(b, "value") : null;
        html.Open("li", auc >= 0.7 && beats == 1 ? "above" : "none");
        Write(html, t.AucSentence, Value("train_returnees", count), Value("auc", percent), Value("auc"));
        if (auc < 0.7) html.Text(" " + t.AucWeak);
        else if (beats == 1) html.Text(" " + (auc >= 0.8 ? t.AucGood : t.AucFair));
        html.Close("li");
        if (beats is not null)
        {
            html.Open("li", beats == 1 ? "above" : "none");
            Write(html, beats == 1 ? t.BeatsRule : t.NoLift, Value("auc"), Value("rule_auc"), Value("auc_difference"),
                Value("auc_difference_ci_low"), Value("auc_difference_ci_high"));
            html.Close("li");
            if (Row("rule_precision") is { } rp && metrics.Number(rp, "value") is not null)
            {
                html.Open("li", "none");
                Write(html, t.RuleSentence, Value("rule_threshold"), Value("rule_recall", percent), Value("rule_precision", percent));
                html.Close("li");
            }
        }
        html.Open("li", "none");
        if (Row("precision") is { } p && metrics.Number(p, "value") is not null)
            Write(html, t.ThresholdSentence, Value("threshold", percent), Value("recall", percent), Value("precision", percent));
        else Write(html, t.NobodyFlagged, Value("threshold", percent));
        html.Close("li");
        html.Open("li", "none");
        Write(html, t.BrierSentence, Value("brier"));
        html.Close("li").Close("ul");

        html.Open("table", "estimates").Raw("<tbody>");
        foreach (var (metric, label, format) in new (string, string, Func<double, string>?)[]
        {
            ("auc", t.Auc, null), ("precision", t.Precision, percent), ("recall", t.Recall, percent), ("threshold", t.Threshold, percent),
            ("brier", t.Brier, null), ("rule_auc", t.RuleAuc, null), ("rule_precision", t.RulePrecision, percent), ("rule_recall", t.RuleRecall, percent),
            ("auc_difference", t.AucDifference, null),
            ("train_returnees", t.TrainReturnees, count), ("low_returnees", t.LowReturnees, count), ("folds", t.Folds, count),
        })
        {
            if (Row(metric) is null) continue;
            html.Raw("<tr>").Element("th", label).Raw("<td>");
            if (metric is "precision" or "rule_precision" && metrics.Number(Row(metric)!.Value, "value") is null) html.Raw("–"); else Value(metric, format)(html);
            if (metric == "auc_difference" && Row("auc_difference_ci_low") is not null && Row("auc_difference_ci_high") is not null)
            {
                html.Text(" (");
                Value("auc_difference_ci_low")(html);
                html.Text(" – ");
                Value("auc_difference_ci_high")(html);
                html.Text(")");
            }
            html.Raw("</td></tr>");
        }
        html.Raw("</tbody></table>");

        Calibration(report, html);
        Risk(report, html, metrics);
    }

    private static void NotTrained(ReportContext report, Html.Html html, ResultTable metrics)
    {
        var t = report.T.Insights;
        var minCell = report.Result.Manifest.MinCell;
        var row = InsightTables.Metric(metrics, "train_returnees");
        var train = row is { } r ? metrics.Number(r, "value") : null;
        Action<Html.Html> returnees = h =>
        {
            if (train is not null) report.Number(h, metrics, row!.Value, "value", v => report.Language.Count((long)v));
            else h.Text(string.Format(t.FewerThan, report.Language.Count(minCell)));
        };
        html.Open("p", "missing");
        if (train is null || train < EarlyWarningTraining.MinimumReturnees)
            Write(html, t.TooFewPanel, returnees, Plain(report.Language.Count(EarlyWarningTraining.MinimumReturnees)));
        else Write(html, t.TooFewLow, returnees, Plain(report.Language.Count(minCell)));
        html.Close("p");
    }

    private static void Calibration(ReportContext report, Html.Html html)
    {
        var t = report.T.Insights;
        var bins = report.Result.Table(InsightTables.Calibration);
        if (bins is null || bins.RowCount == 0) return;
        var percent = report.Language.Percent;
        html.Element("h4", t.CalibrationTitle);
        html.Element("p", t.CalibrationLead, "note");
        var rows = InsightTables.Rows(bins).ToArray();
        var points = rows.Where(r => !report.Suppressed(bins, r) && bins.Number(r, "mean_risk") is not null && bins.Number(r, "observed_share") is not null)
            .Select(r => (bins.Number(r, "mean_risk")!.Value, bins.Number(r, "observed_share")!.Value)).ToArray();
        report.Figure(html, report.Charts.Calibration(points, percent, t.MeanRiskAxis, t.ObservedAxis, t.CalibrationChartLabel),
            string.Format(t.CalibrationChartCaption, report.Result.Manifest.MinCell));

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.RiskBin).Element("th", report.T.ReturneesHeader)
            .Element("th", t.MeanRisk).Element("th", t.ObservedShare).Raw("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            // The bin's bounds name it: they are shown even when its counts are withheld.
            html.Raw("<tr><th>");
            report.Number(html, bins, r, "risk_from", percent);
            html.Text("–");
            report.Number(html, bins, r, "risk_to", percent);
            html.Raw("</th>");
            if (report.Suppressed(bins, r)) { html.Raw("<td colspan=\"3\">"); report.SuppressedNote(html); html.Raw("</td></tr>"); continue; }
            html.Raw("<td>"); InsightTables.Count(report, html, bins, r, "returnees"); html.Raw("</td><td>");
            InsightTables.Cell(report, html, bins, r, "mean_risk", percent); html.Raw("</td><td>");
            InsightTables.Cell(report, html, bins, r, "observed_share", percent); html.Raw("</td></tr>");
        }
        html.Raw("</tbody></table>");
    }

    private static void Risk(ReportContext report, Html.Html html, ResultTable metrics)
    {
        var t = report.T.Insights;
        html.Element("h3", t.RiskTitle);
        // Flagged by the rule when the model did not beat it (the run decided so; risk_by_country counts its flags).
        var byRule = InsightTables.Metric(metrics, "model_beats_rule") is { } b && metrics.Number(b, "value") == 0;
        html.Element("p", byRule ? t.RiskLeadRule : t.RiskLead, "note");
        var risk = report.Result.Table(InsightTables.RiskByCountry);
        if (risk is null || risk.RowCount == 0) { html.Element("p", t.NoRisk, "missing"); return; }
        var percent = report.Language.Percent;
        var rows = InsightTables.Rows(risk).ToArray();
        string Label(int r) => risk.Text(r, "level") == "all" ? report.T.AllCountries : report.GroupLabel("country", risk.Text(r, "country"));
        bool Drawn(int r) => !report.Suppressed(risk, r) && risk.Number(r, "share_flagged") is not null;

        var all = risk.RowsWhere("level", "all").Cast<int?>().FirstOrDefault();
        if (all is { } a && !report.Suppressed(risk, a) && InsightTables.Metric(metrics, byRule ? "rule_threshold" : "threshold") is { } threshold)
        {
            html.Open("p", "lead");
            Write(html, byRule ? t.RiskAllRule : t.RiskAll, h => InsightTables.Count(report, h, risk, a, "returnees"), h => InsightTables.Count(report, h, risk, a, "flagged"),
                h => InsightTables.Cell(report, h, risk, a, "share_flagged", percent), h => report.Number(h, metrics, threshold, "value", byRule ? null : percent));
            var highest = rows.Where(r => risk.Text(r, "level") == "country" && Drawn(r)).OrderByDescending(r => risk.Number(r, "share_flagged")).Cast<int?>().FirstOrDefault();
            if (highest is { } hi)
            {
                html.Text(" ");
                Write(html, t.RiskHighest, Plain(Label(hi)), h => report.Number(h, risk, hi, "share_flagged", percent),
                    h => InsightTables.Count(report, h, risk, hi, "returnees"), h => InsightTables.Count(report, h, risk, hi, "flagged"));
            }
            html.Close("p");
        }

        var shares = rows.Select(r => Drawn(r) ? new[] { risk.Number(r, "share_flagged")!.Value, 1 - risk.Number(r, "share_flagged")!.Value } : null).ToArray();
        var labels = rows.Select(r => Drawn(r) ? Label(r) : string.Format(t.SuppressedLabel, Label(r))).ToArray();
        var chart = report.Charts.StackedShares(labels, [t.Flagged, t.NotFlagged], shares, percent, t.RiskShareAxis, t.RiskChartLabel, Charts.ReportCharts.DarkToLight(2));
        report.Figure(html, chart, string.Format(t.RiskChartCaption, report.Result.Manifest.MinCell));

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", report.T.Group).Element("th", report.T.ReturneesHeader).Element("th", t.Flagged)
            .Element("th", t.ShareFlagged).Element("th", t.MeanRisk).Raw("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            html.Raw(risk.Text(r, "level") == "all" ? "<tr class=\"main\">" : "<tr>").Element("th", Label(r));
            if (report.Suppressed(risk, r)) { html.Raw("<td colspan=\"4\">"); report.SuppressedNote(html); html.Raw("</td></tr>"); continue; }
            html.Raw("<td>"); InsightTables.Count(report, html, risk, r, "returnees"); html.Raw("</td><td>");
            InsightTables.Count(report, html, risk, r, "flagged"); html.Raw("</td><td>");
            InsightTables.Cell(report, html, risk, r, "share_flagged", percent); html.Raw("</td><td>");
            InsightTables.Cell(report, html, risk, r, "mean_risk", percent); html.Raw("</td></tr>");
        }
        html.Raw("</tbody></table>");
        html.Element("p", t.RiskListNote, "note");
    }
}
