namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// Data quality: per input the rows read, scored, rejected and skipped; the reject reasons with their
/// counts; and per question the share of scored surveys whose answer was empty or a special answer
/// (dk, refused, na), the questions with the most missing answers first, so that the M&amp;E specialist
/// sees which questions enumerators struggle with. From the manifest and data_quality, never from a row.
/// </summary>
public sealed class DataQualitySection : ReportSection
{
    public const string Table = "data_quality";

    public override string Id => "data-quality";

    public override string Title(ReportContext report) => report.T.DataQualityTitle;

    public override string? Unavailable(ReportContext report) => null;

    public override void Render(ReportContext report, Html.Html html)
    {
        var t = report.T;
        var language = report.Language;
        var manifest = report.Result.Manifest;

        html.Element("h3", t.InputsTitle);
        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.Input).Element("th", t.RowsRead)
            .Element("th", t.RowsScored).Element("th", t.RowsRejected).Element("th", t.BlankRows).Raw("</tr></thead><tbody>");
        foreach (var input in manifest.Inputs)
        {
            html.Raw("<tr>").Element("th", input.Path).Element("td", language.Count(input.RowsRead))
                .Element("td", language.Count(input.RowsScored)).Element("td", language.Count(input.RowsRejected)).Element("td", language.Count(input.BlankRowsSkipped)).Raw("</tr>");
        }
        if (manifest.Inputs.Count > 1)
            html.Raw("<tr class=\"total\">").Element("th", t.Total).Element("td", language.Count(manifest.RowsRead))
                .Element("td", language.Count(manifest.RowsScored)).Element("td", language.Count(manifest.RowsRejected)).Element("td", language.Count(manifest.Inputs.Sum(i => i.BlankRowsSkipped))).Raw("</tr>");
        html.Raw("</tbody></table>");

        html.Element("h3", t.RejectReasonsTitle);
        if (manifest.RejectsByReason.Count == 0) html.Element("p", t.NoRejects);
        else
        {
            html.Element("p", t.RejectReasonsLead, "note");
            html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.Reason).Element("th", t.Code).Element("th", t.Problems).Raw("</tr></thead><tbody>");
            foreach (var (reason, count) in manifest.RejectsByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
                html.Raw("<tr>").Element("th", t.RejectReason(reason)).Element("td", reason, "code").Element("td", language.Count(count)).Raw("</tr>");
            html.Raw("</tbody></table>");
        }

        html.Element("h3", t.QuestionsTitle);
        var table = report.Result.Table(Table);
        if (table is null) { html.Element("p", t.NoDataQuality, "missing"); return; }
        var kinds = Enumerable.Range(0, table.RowCount).Select(r => table.Text(r, "answer")).OfType<string>().Where(k => k != "answered").Distinct().ToArray();
        var questions = Enumerable.Range(0, table.RowCount).Select(r => table.Text(r, "question")).OfType<string>().Distinct().ToArray();
        if (questions.Length > 0 && table.Flag(0, "suppressed")) { html.Element("p", string.Format(t.DataQualitySuppressed, manifest.MinCell), "missing"); return; }
        html.Element("p", t.QuestionsLead, "note");
        double MissingShare(string q) => table.RowsWhere("question", q).Where(r => table.Text(r, "answer") != "answered").Sum(r => table.Number(r, "share") ?? 0);
        var scheme = report.Result.Scheme;
        html.Open("table", "estimates questions").Raw("<thead><tr>").Element("th", t.Question).Element("th", t.IndicatorHeader).Element("th", t.Answered);
        foreach (var kind in kinds) html.Element("th", t.AnswerKind(kind, scheme, language.Code));
        html.Raw("</tr></thead><tbody>");
        foreach (var q in questions.OrderByDescending(MissingShare).ThenBy(q => Array.IndexOf(questions, q)))
        {
            // The indicator's label, which the scheme gives in every language (a question's wording may be in one only).
            var indicator = scheme.Indicators.FirstOrDefault(i => i.Questions.Any(x => x.Id == q));
            html.Raw(MissingShare(q) >= 0.1 ? "<tr class=\"flag\">" : "<tr>").Element("th", q, "code").Element("td", indicator is null ? "" : scheme.Label(indicator.Labels, indicator.Id, language.Code));
            foreach (var kind in kinds.Prepend("answered"))
            {
                html.Raw("<td>");
                var row = table.RowsWhere("question", q).FirstOrDefault(r => table.Text(r, "answer") == kind, -1);
                if (row >= 0) report.Number(html, table, row, "share", language.Percent); else html.Raw("–");
                html.Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }
}
