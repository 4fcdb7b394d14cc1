using Avrr.Analytics.Reports.Charts;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// The first half of the audit section: coherence (the correlation heat map of the scores, the range of
/// the correlations within each dimension, the questions of audit/flags), reliability (Cronbach's alpha
/// per dimension) and the principal components (a scree plot, one component per dimension or more).
/// </summary>
internal static class AuditStructure
{
    public static void Render(AuditView audit, Html.Html html)
    {
        Coherence(audit, html);
        Reliability(audit, html);
        Components(audit, html);
    }

    private static void Coherence(AuditView audit, Html.Html html)
    {
        var a = audit.A;
        var scheme = audit.Report.Result.Scheme;
        html.Element("h3", a.CoherenceTitle);
        var correlations = audit.Table("correlations");
        var ids = scheme.Indicators.Select(i => i.Id).Concat(scheme.Dimensions.Select(d => d.Id)).Append("composite").ToArray();
        var at = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var r = new double?[ids.Length, ids.Length];
        for (var row = 0; row < correlations.RowCount; row++)
        {
            if (correlations.Text(row, "method") != "pearson" || correlations.Flag(row, "weighted")) continue;
            if (!at.TryGetValue(correlations.Text(row, "a") ?? "", out var i) || !at.TryGetValue(correlations.Text(row, "b") ?? "", out var j)) continue;
            // A pair on fewer than min-cell surveys is not shown, not even as a colour.
            if (audit.Small(correlations, row) || correlations.Number(row, "r") is not { } value) continue;
            r[Math.Max(i, j), Math.Min(i, j)] = value;
        }
        for (var i = 0; i < ids.Length; i++) r[i, i] = 1;
        var shown = 0;
        for (var i = 0; i < ids.Length; i++) for (var j = 0; j < i; j++) if (r[i, j] is not null) shown++;
        if (shown == 0) { html.Element("p", a.NoPairs); return; }
        audit.Report.Figure(html, audit.Charts.Heatmap(ids.Select(audit.Label).ToArray(), r, a.HeatmapLabel), a.HeatmapCaption);

        // Within each dimension: the range of the indicators' correlations with each other.
        var within = new List<double>();
        foreach (var dimension in scheme.Dimensions)
        {
            var members = dimension.Indicators.Select(x => at[x.Id]).ToArray();
            foreach (var i in members) foreach (var j in members) if (i > j && r[i, j] is { } value) within.Add(value);
        }
        if (within.Count > 0)
        {
            html.Element("p", string.Format(a.WithinRange, audit.Score(within.Min()), audit.Score(within.Max())));
            if (within.Min() < 0.2) html.Element("p", string.Format(a.WithinWeak, audit.Score(within.Min())));
        }
        if (audit.Note("kept_subsample") == "true" && audit.NoteCount("kept_surveys") is { } kept)
            html.Element("p", string.Format(a.CorrelationsSubsample, audit.Report.Language.Count(kept)), "note");

        // The flags, but alpha's: the reliability part says those.
        var flags = audit.Table("flags");
        var questions = Enumerable.Range(0, flags.RowCount).Where(f => flags.Text(f, "flag") != "alpha_rises_without").ToArray();
        if (questions.Length == 0) { html.Element("p", a.NoFlags); return; }
        html.Element("p", a.FlagsLead);
        html.Open("ul", "flags");
        foreach (var f in questions)
        {
            var value = flags.Number(f, "value") is { } v ? audit.Score(v) : "–";
            var template = flags.Text(f, "flag") switch
            {
                "negative_with_own_dimension" => a.FlagNegative,
                "weak_with_own_dimension" => a.FlagWeak,
                "weak_with_rest_of_dimension" => a.FlagWeakRest,
                "stronger_with_other_dimension" => a.FlagStronger,
                "redundant_with_sibling" => a.FlagRedundant,
                "outlier" => a.FlagOutlier,
                "contrast_in_first_component" => a.FlagContrast,
                _ => "{0}: " + flags.Text(f, "flag") + " ({1})",
            };
            html.Element("li", string.Format(template, audit.Label(flags.Text(f, "indicator")), value, audit.Label(flags.Text(f, "other"))));
        }
        html.Close("ul");
    }

    private static void Reliability(AuditView audit, Html.Html html)
    {
        var a = audit.A;
        var table = audit.Table("reliability");
        html.Element("h3", a.ReliabilityTitle);
        var scopes = Enumerable.Range(0, table.RowCount).Select(r => table.Text(r, "scope")).OfType<string>().Distinct().ToArray();
        int? RowOf(string scope, bool weighted) =>
            Enumerable.Range(0, table.RowCount).Cast<int?>().FirstOrDefault(r => table.Text(r!.Value, "scope") == scope && table.Flag(r.Value, "weighted") == weighted);

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", a.Scope).Element("th", a.CompleteCases).Element("th", a.AlphaRaw)
            .Element("th", a.AlphaStd).Element("th", a.AlphaWeighted).Raw("</tr></thead><tbody>");
        foreach (var scope in scopes)
        {
            html.Raw("<tr>").Element("th", audit.Label(scope));
            if (RowOf(scope, false) is not { } raw) { html.Raw("<td colspan=\"4\">–</td></tr>"); continue; }
            html.Raw("<td>");
            if (audit.Small(table, raw)) { audit.Report.SuppressedNote(html); html.Raw("</td><td colspan=\"3\"></td></tr>"); continue; }
            audit.Report.Count(html, table, raw, "n");
            html.Raw("</td><td>"); audit.Cell(html, table, raw, "alpha_raw");
            html.Raw("</td><td>"); audit.Cell(html, table, raw, "alpha_std");
            html.Raw("</td><td>");
            if (RowOf(scope, true) is { } weighted) audit.Cell(html, table, weighted, "alpha_raw"); else html.Raw("–");
            html.Raw("</td></tr>");
        }
        html.Raw("</tbody></table>");

        var dimensions = audit.Report.Result.Scheme.Dimensions.Select(d => d.Id).ToArray();
        var alphas = dimensions.Select(d => (Id: d, Row: RowOf(d, false))).Where(x => x.Row is { } r && !audit.Small(table, r) && table.Number(r, "alpha_raw") is not null)
            .Select(x => (x.Id, Alpha: table.Number(x.Row!.Value, "alpha_raw")!.Value)).ToArray();
        var good = alphas.Where(x => x.Alpha >= 0.7).Select(x => $"{audit.Label(x.Id)} ({audit.Score(x.Alpha)})").ToArray();
        var weak = alphas.Where(x => x.Alpha < 0.7).Select(x => $"{audit.Label(x.Id)} ({audit.Score(x.Alpha)})").ToArray();
        if (good.Length > 0) html.Element("p", string.Format(a.Consistent, audit.List(good)));
        if (weak.Length > 0) html.Element("p", string.Format(a.LessConsistent, audit.List(weak)));

        // An indicator without which its dimension would be more consistent: the largest rise of each dimension.
        var dropped = audit.Table("alpha_if_dropped");
        foreach (var (id, alpha) in alphas)
        {
            var best = Enumerable.Range(0, dropped.RowCount)
                .Where(r => dropped.Text(r, "scope") == id && !dropped.Flag(r, "weighted") && !audit.Small(dropped, r) && dropped.Number(r, "alpha_raw") > alpha)
                .OrderByDescending(r => dropped.Number(r, "alpha_raw")).Cast<int?>().FirstOrDefault();
            if (best is { } b)
                html.Element("p", string.Format(a.AlphaRisesWithout, audit.Label(id), audit.Label(dropped.Text(b, "indicator")), audit.Score(dropped.Number(b, "alpha_raw")!.Value), audit.Score(alpha)));
        }
    }

    private static void Components(AuditView audit, Html.Html html)
    {
        var a = audit.A;
        var pca = audit.Table("pca");
        html.Element("h3", a.ComponentsTitle);
        var scopes = audit.Report.Result.Scheme.Dimensions.Select(d => d.Id).Append("all").ToArray();
        var series = new List<ChartSeries>();
        var sentences = new List<string>();
        foreach (var scope in scopes)
        {
            var rows = Enumerable.Range(0, pca.RowCount).Where(r => pca.Text(r, "scope") == scope && !audit.Small(pca, r) && pca.Number(r, "eigenvalue") is not null).ToArray();
            if (rows.Length == 0) continue;
            series.Add(new ChartSeries(audit.Label(scope), rows.Select(r => (IntervalPoint?)new IntervalPoint(pca.Number(r, "eigenvalue")!.Value, null, null)).ToArray()));
            if (scope == "all") continue;
            var above = rows.Count(r => pca.Number(r, "eigenvalue") > 1);
            sentences.Add(above <= 1
                ? string.Format(a.OneComponent, audit.Label(scope), audit.Score(pca.Number(rows[0], "eigenvalue")!.Value), audit.Percent(pca.Number(rows[0], "explained") ?? 0))
                : string.Format(a.SeveralComponents, audit.Label(scope), above));
        }
        if (series.Count == 0) { html.Element("p", a.NoPairs); return; }
        audit.Report.Figure(html, audit.Charts.Scree(series, a.Component, a.Eigenvalue, a.ScreeLabel), a.ScreeCaption);
        html.Open("ul");
        foreach (var sentence in sentences) html.Element("li", sentence);
        html.Close("ul");
    }

}
