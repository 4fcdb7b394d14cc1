using Avrr.Analytics.Insights.Profiles;
using Avrr.Analytics.Reports.Html;
using Avrr.Analytics.Reports.Results;
using static Avrr.Analytics.Reports.Html.Sentence;

namespace Avrr.Analytics.Reports.Sections.Insights;

/// <summary>
/// The returnee profiles (insights/profiles, profile_selection) as a grid of their centroids and a table,
/// and the profile mix by country (insights/profile_mix) as stacked shares and a table of shares with their
/// intervals; each with a sentence on the profile with the lowest scores. A withheld profile or group shows
/// its name and "suppressed", never a number, a cell of the grid or a bar.
/// </summary>
internal static class ProfilesPart
{
    public static void Render(ReportContext report, Html.Html html)
    {
        var t = report.T.Insights;
        html.Element("h3", t.ProfilesTitle);
        var profiles = report.Result.Table(InsightTables.Profiles);
        if (profiles is null || profiles.RowCount == 0)
        {
            html.Element("p", string.Format(t.NoProfiles, report.Language.Count(ProfileTraining.MinimumSurveys)), "missing");
            return;
        }
        html.Element("p", t.ProfilesLead, "note");
        // One profile: the gap statistic found no distinct profiles, and says so instead of a chart of one column.
        if (!Selection(report, html, profiles.RowCount == 1)) return;
        Centroids(report, html, profiles);
        Mix(report, html, profiles);
    }

    private static string Id(ResultTable profiles, int row) => profiles.Text(row, "profile") ?? "";

    /// <summary>The choice of the number of profiles; false when there is one profile (none distinct), said in its place.</summary>
    private static bool Selection(ReportContext report, Html.Html html, bool single)
    {
        var t = report.T.Insights;
        var selection = report.Result.Table(InsightTables.Selection);
        if (selection is null || selection.RowsWhere("chosen", "true").Cast<int?>().FirstOrDefault() is not { } chosen || !selection.Columns.Contains("gap"))
        {
            if (single) html.Element("p", string.Format(t.NoDistinctProfiles, report.Language.Count(1), report.Language.Count(ProfileTraining.MaxK)), "missing");
            return !single;
        }
        var tried = InsightTables.Rows(selection).Select(r => selection.Count(r, "k")).OfType<long>().ToArray();
        if (single || selection.Count(chosen, "k") == 1)
        {
            html.Element("p", string.Format(t.NoDistinctProfiles, report.Language.Count(tried.Min()), report.Language.Count(tried.Max())), "missing");
            return false;
        }
        html.Open("p");
        Write(html, t.ProfilesChosen, Plain(report.Language.Count(tried.Min())), Plain(report.Language.Count(tried.Max())),
            h => report.Count(h, selection, chosen, "k"), h => report.Number(h, selection, chosen, "gap"));
        html.Close("p");
        return true;
    }

    private static void Centroids(ReportContext report, Html.Html html, ResultTable profiles)
    {
        var t = report.T.Insights;
        var scheme = report.Result.Scheme;
        var language = report.Language.Code;
        var rows = new List<(string Label, string Column)>();
        foreach (var dimension in scheme.Dimensions)
        {
            rows.Add((scheme.Label(dimension.Labels, dimension.Id, language), dimension.Id + "_score"));
            rows.AddRange(dimension.Indicators.Select(i => ("· " + scheme.Label(i.Labels, i.Id, language), "indicator_" + i.Id)));
        }
        var all = InsightTables.Rows(profiles).ToArray();
        var columns = all.Select(p => report.Suppressed(profiles, p) ? string.Format(t.SuppressedLabel, Id(profiles, p)) : Id(profiles, p)).ToArray();
        var values = rows.Select(r => all.Select(p => report.Suppressed(profiles, p) ? null : profiles.Number(p, r.Column)).ToArray()).ToArray();
        report.Figure(html, report.Charts.Grid(rows.Select(r => r.Label).ToArray(), columns, values, t.CentroidsChartLabel),
            string.Format(t.CentroidsChartCaption, report.Result.Manifest.MinCell));

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", t.Profile).Element("th", t.Name).Element("th", report.T.SurveysN).Element("th", t.ShareOfSurveys);
        foreach (var d in scheme.Dimensions) html.Element("th", report.MeasureLabel(d.Id));
        html.Raw("</tr></thead><tbody>");
        foreach (var p in all)
        {
            html.Raw("<tr>").Element("th", Id(profiles, p)).Element("td", ProfileLabels.Name(report, profiles.Text(p, "name")));
            if (report.Suppressed(profiles, p))
            {
                html.Raw($"<td colspan=\"{2 + scheme.Dimensions.Count}\">");
                report.SuppressedNote(html);
                html.Raw("</td></tr>");
                continue;
            }
            html.Raw("<td>"); InsightTables.Count(report, html, profiles, p, "surveys"); html.Raw("</td><td>");
            InsightTables.Cell(report, html, profiles, p, "share", report.Language.Percent); html.Raw("</td>");
            foreach (var d in scheme.Dimensions) { html.Raw("<td>"); InsightTables.Cell(report, html, profiles, p, d.Id + "_score"); html.Raw("</td>"); }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");

        // Profiles are numbered by their centroid's mean, highest first (docs/insights.md): the last one shown has the lowest scores.
        var shown = all.Where(p => !report.Suppressed(profiles, p)).ToArray();
        if (shown.Length < 2) return;
        var lowest = shown[^1];
        var weakest = scheme.Dimensions.Where(d => profiles.Number(lowest, d.Id + "_score") is not null).MinBy(d => profiles.Number(lowest, d.Id + "_score"));
        if (weakest is null) return;
        html.Open("p", "lead");
        Write(html, t.ProfilesAct, Plain(Id(profiles, lowest)), Plain(ProfileLabels.Name(report, profiles.Text(lowest, "name"))),
            h => report.Number(h, profiles, lowest, "share", report.Language.Percent), h => report.Count(h, profiles, lowest, "surveys"),
            Plain(report.MeasureLabel(weakest.Id)), h => report.Number(h, profiles, lowest, weakest.Id + "_score"));
        html.Close("p");
    }

    private static void Mix(ReportContext report, Html.Html html, ResultTable profiles)
    {
        var t = report.T.Insights;
        var mix = report.Result.Table(InsightTables.Mix);
        html.Element("h3", t.MixTitle);
        if (mix is null || mix.RowCount == 0) { html.Element("p", t.NoMix, "missing"); return; }
        html.Element("p", t.MixLead, "note");
        var ids = InsightTables.Rows(profiles).Select(p => Id(profiles, p)).ToArray();
        var countries = mix.RowsWhere("level", "country").Select(r => mix.Text(r, "country")).OfType<string>().Distinct().ToArray();
        var groups = new List<(string Label, string Level, string? Country)> { (report.T.AllCountries, "all", null) };
        groups.AddRange(countries.Select(c => (report.GroupLabel("country", c), "country", (string?)c)));
        int? Find(string level, string? country, string profile) =>
            mix.RowsWhere("level", level).Where(r => mix.Text(r, "country") == country && mix.Text(r, "profile") == profile).Cast<int?>().FirstOrDefault();
        var cells = groups.Select(g => ids.Select(id => Find(g.Level, g.Country, id)).ToArray()).ToArray();
        // A group is drawn only when every share of it is there: a withheld one would leave a bar that says what it hides.
        bool Whole(int?[] row) => row.All(r => r is { } x && !report.Suppressed(mix, x) && mix.Number(x, "share") is not null);

        var shares = cells.Select(row => Whole(row) ? row.Select(r => mix.Number(r!.Value, "share")!.Value).ToArray() : null).ToArray();
        var labels = groups.Select((g, i) => shares[i] is null ? string.Format(t.SuppressedLabel, g.Label) : g.Label).ToArray();
        var chart = report.Charts.StackedShares(labels, ids, shares, report.Language.Percent, report.T.ShareAxis, t.MixChartLabel, Charts.ReportCharts.DarkToLight(ids.Length));
        report.Figure(html, chart, string.Format(t.MixChartCaption, report.Result.Manifest.MinCell));

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", report.T.Group).Element("th", report.T.SurveysN);
        foreach (var id in ids) html.Element("th", id);
        html.Raw("</tr></thead><tbody>");
        for (var g = 0; g < groups.Count; g++)
        {
            html.Raw(g == 0 ? "<tr class=\"main\">" : "<tr>").Element("th", groups[g].Label);
            var first = cells[g].FirstOrDefault(r => r is not null);
            if (first is not { } f || cells[g].All(r => r is null || report.Suppressed(mix, r.Value)))
            {
                html.Raw($"<td colspan=\"{1 + ids.Length}\">");
                report.SuppressedNote(html);
                html.Raw("</td></tr>");
                continue;
            }
            html.Raw("<td>"); InsightTables.Count(report, html, mix, f, "n"); html.Raw("</td>");
            foreach (var r in cells[g])
            {
                html.Raw("<td>");
                if (r is { } x) report.Estimate(html, mix, x, "share", report.Language.Percent); else html.Raw("–");
                html.Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");

        // Where the profile with the lowest scores is most common (a reading of estimates with their intervals, not a test).
        var lowest = InsightTables.Rows(profiles).Where(p => !report.Suppressed(profiles, p)).Cast<int?>().LastOrDefault();
        if (lowest is not { } low) return;
        var column = Array.IndexOf(ids, Id(profiles, low));
        var overall = cells[0][column];
        var best = Enumerable.Range(1, groups.Count - 1).Where(g => cells[g][column] is { } x && !report.Suppressed(mix, x) && mix.Number(x, "share") is not null)
            .OrderByDescending(g => mix.Number(cells[g][column]!.Value, "share")).Cast<int?>().FirstOrDefault();
        if (best is not { } b || overall is not { } o || report.Suppressed(mix, o)) return;
        html.Open("p", "lead");
        Write(html, t.MixAct, Plain(ids[column]), Plain(ProfileLabels.Name(report, profiles.Text(low, "name"))), Plain(groups[b].Label),
            h => report.Estimate(h, mix, cells[b][column]!.Value, "share", report.Language.Percent), h => report.Estimate(h, mix, o, "share", report.Language.Percent));
        html.Close("p");
    }
}
