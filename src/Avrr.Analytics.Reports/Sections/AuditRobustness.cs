using Avrr.Analytics.Reports.Charts;

namespace Avrr.Analytics.Reports.Sections;

/// <summary>
/// The second half of the audit section: nominal, effective and derived weights (chart, table, the
/// largest gap), then the uncertainty analysis — what it did or why it was skipped, each group's median
/// rank with its 5–95% interval, and the Sobol indices of the choices the ranking depends on.
/// </summary>
internal static class AuditRobustness
{
    public static void Render(AuditView audit, Html.Html html)
    {
        Weights(audit, html);
        var a = audit.A;
        html.Element("h3", a.RanksTitle);
        if (audit.Note("uncertainty") != "done")
        {
            html.Element("p", string.Format(a.UncertaintySkipped, SkippedReason(audit)), "left-out");
            return;
        }
        html.Element("p", string.Format(a.UncertaintyDone, audit.Report.Language.Count(audit.NoteCount("uncertainty_runs") ?? 0), audit.Note("uncertainty_seed")));
        if (audit.NoteCount("uncertainty_surveys") is { } used && audit.NoteCount("surveys") is { } all && used < all)
            html.Element("p", string.Format(a.UncertaintySubsample, audit.Report.Language.Count(audit.NoteCount("uncertainty_surveys") ?? 0),
                audit.Report.Language.Count(audit.NoteCount("surveys") ?? 0)), "note");
        var allStable = Ranks(audit, html);
        Sensitivity(audit, html, allStable);
        SamplingRanks(audit, html);
    }

    /// <summary>
    /// The confidence sets for the ranks (docs/audit.md, "Ranks with sampling error"): the joint sets as intervals on a
    /// chart, a sentence per group a reader can quote, the table with the marginal sets, and which ranks are robust to
    /// both the construction variants and sampling error. Absent from results made before the table existed.
    /// </summary>
    private static void SamplingRanks(AuditView audit, Html.Html html)
    {
        var a = audit.A;
        var report = audit.Report;
        if (report.Result.Table(AuditSection.Folder + "rank_confidence") is not { } table) return;
        html.Element("h3", a.SamplingTitle);
        if (audit.Note("rank_confidence") != "done")
        {
            html.Element("p", string.Format(a.SamplingSkipped, audit.Note("rank_confidence_reason") ?? ""), "left-out");
            return;
        }
        var columns = table.Columns.ToList();
        var groupColumns = columns.Skip(columns.IndexOf("group") + 1).Take(Math.Max(0, columns.IndexOf("n") - columns.IndexOf("group") - 1)).ToArray();
        string GroupOf(int r) => string.Join(" / ", groupColumns.Select(c => report.GroupLabel(c, table.Text(r, c))));
        int[] Rows(string kind) => Enumerable.Range(0, table.RowCount).Where(r => table.Text(r, "kind") == kind && !audit.Small(table, r)).ToArray();
        var joint = Rows("joint");
        var marginal = Rows("marginal");
        if (joint.Length == 0) return;
        long Value(int r, string column) => table.Count(r, column) ?? 0;

        html.Element("p", string.Format(a.SamplingLead, report.Language.Count(joint.Length)));
        html.Open("ul", "flags");
        foreach (var r in joint)
            html.Element("li", Value(r, "rank_lower") == Value(r, "rank_upper")
                ? string.Format(a.RankExactly, GroupOf(r), audit.Ordinal(Value(r, "rank_lower")))
                : string.Format(a.RankBetween, GroupOf(r), audit.Ordinal(Value(r, "rank_lower")), audit.Ordinal(Value(r, "rank_upper"))));
        html.Close("ul");
        var chart = audit.Charts.Ranks(joint.Select(GroupOf).ToArray(),
            joint.Select(r => (IntervalPoint?)new IntervalPoint(Value(r, "rank"), Value(r, "rank_lower"), Value(r, "rank_upper"))).ToArray(),
            joint.Select(_ => (double?)null).ToArray(), joint.Length, a.RankByEstimate, "", a.Rank, a.SamplingLabel);
        report.Figure(html, chart, a.SamplingCaption);
        html.Element("p", a.SamplingAssumption, "note");

        var robust = joint.Where(r => table.Flag(r, "robust")).Select(GroupOf).ToArray();
        html.Element("p", robust.Length > 0 ? string.Format(a.RobustSome, audit.List(robust)) : a.RobustNone);

        var marginalOf = marginal.ToDictionary(GroupOf, r => r);
        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", a.Group).Element("th", report.T.SurveysN).Element("th", a.Mean)
            .Element("th", a.NominalRank).Element("th", a.JointSet).Element("th", a.MarginalSet).Element("th", a.Robust).Raw("</tr></thead><tbody>");
        foreach (var r in joint)
        {
            html.Raw("<tr>").Element("th", GroupOf(r));
            html.Raw("<td>"); report.Count(html, table, r, "n");
            html.Raw("</td><td>"); report.Number(html, table, r, "estimate");
            html.Raw("</td><td>"); report.Number(html, table, r, "rank", report.Language.Plain);
            html.Raw("</td><td>"); report.Number(html, table, r, "rank_lower", report.Language.Plain); html.Raw(" – "); report.Number(html, table, r, "rank_upper", report.Language.Plain);
            html.Raw("</td><td>");
            if (marginalOf.TryGetValue(GroupOf(r), out var m))
            {
                report.Number(html, table, m, "rank_lower", report.Language.Plain); html.Raw(" – "); report.Number(html, table, m, "rank_upper", report.Language.Plain);
            }
            html.Raw("</td>").Element("td", table.Flag(r, "robust") ? a.Yes : a.No).Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }

    /// <summary>Why the uncertainty analysis was skipped, in the report's language, from the run's notes and tables.</summary>
    private static string SkippedReason(AuditView audit)
    {
        var a = audit.A;
        if (audit.NoteCount("uncertainty_base_samples") is 0) return a.SkippedNoSamples;
        var ranks = audit.Table("rank_uncertainty");
        if (Enumerable.Range(0, ranks.RowCount).Count(r => !ranks.Flag(r, "suppressed")) < 2) return string.Format(a.SkippedFewGroups, audit.MinCell);
        if (audit.NoteCount("kept_surveys") is 0) return a.SkippedNoSurveys;
        return string.Format(a.SkippedOther, audit.Note("uncertainty_reason") ?? "");
    }

    private static void Weights(AuditView audit, Html.Html html)
    {
        var a = audit.A;
        var weights = audit.Table("weights");
        html.Element("h3", a.WeightsTitle);
        var indicators = Enumerable.Range(0, weights.RowCount).Where(r => weights.Text(r, "kind") == "indicator").ToArray();
        var columns = new[] { ("nominal", a.Nominal), ("effective", a.Effective), ("derived", a.Derived) };
        var series = columns.Select(c => new ChartSeries(c.Item2, indicators.Select(r => weights.Number(r, c.Item1) is { } v ? (IntervalPoint?)new IntervalPoint(v, null, null) : null).ToArray())).ToArray();
        audit.Report.Figure(html, audit.Charts.GroupedBars(indicators.Select(r => audit.Label(weights.Text(r, "node"))).ToArray(), series, audit.Percent, a.ShareOfComposite, a.WeightsLabel), a.WeightsCaption);

        var gaps = indicators.Where(r => weights.Number(r, "nominal") is not null && weights.Number(r, "effective") is not null)
            .OrderByDescending(r => Math.Abs(weights.Number(r, "effective")!.Value - weights.Number(r, "nominal")!.Value)).ToArray();
        if (gaps.Length > 0)
        {
            var g = gaps[0];
            double nominal = weights.Number(g, "nominal")!.Value, effective = weights.Number(g, "effective")!.Value;
            html.Element("p", Math.Abs(effective - nominal) < 0.02 ? a.WeightsClose
                : string.Format(a.WeightsGap, audit.Label(weights.Text(g, "node")), audit.Percent(nominal), audit.Percent(effective),
                    weights.Number(g, "derived") is { } d ? audit.Percent(d) : "–"));
        }
        html.Element("p", audit.Note("derived_weights") switch
        {
            "made" => a.DerivedFile,
            "partial" => string.Format(a.DerivedPartial, audit.List((audit.Note("derived_weights_contrasts") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(audit.Label).ToArray())),
            _ => a.DerivedNotMade,
        }, "note");

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", a.Node);
        foreach (var (_, name) in columns) html.Element("th", name);
        html.Raw("</tr></thead><tbody>");
        for (var r = 0; r < weights.RowCount; r++)
        {
            var dimension = weights.Text(r, "kind") == "dimension";
            html.Raw(dimension ? "<tr class=\"group-start\">" : "<tr>").Element("th", (dimension ? "" : "\u2003") + audit.Label(weights.Text(r, "node")));
            foreach (var (column, _) in columns) { html.Raw("<td>"); audit.Report.Number(html, weights, r, column, audit.Percent); html.Raw("</td>"); }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }

    /// <summary>The ranks under the construction variants; true when every ranked group keeps a single rank from the 5th to the 95th percentile.</summary>
    private static bool Ranks(AuditView audit, Html.Html html)
    {
        var a = audit.A;
        var report = audit.Report;
        var language = report.Language;
        var ranks = audit.Table("rank_uncertainty");
        var columns = ranks.Columns.ToList();
        var groupColumns = columns.Skip(columns.IndexOf("level") + 1).Take(Math.Max(0, columns.IndexOf("n") - columns.IndexOf("level") - 1)).ToArray();
        string GroupOf(int r) => string.Join(" / ", groupColumns.Select(c => report.GroupLabel(c, ranks.Text(r, c))));
        var rows = Enumerable.Range(0, ranks.RowCount).OrderBy(r => ranks.Flag(r, "suppressed") ? 1 : 0).ThenBy(r => ranks.Number(r, "nominal_rank") ?? double.MaxValue).ToArray();
        var ranked = rows.Where(r => !ranks.Flag(r, "suppressed") && ranks.Number(r, "median_rank") is not null).ToArray();
        if (ranked.Length == 0) { html.Element("p", a.SensitivityMissing); return false; }

        var chart = audit.Charts.Ranks(ranked.Select(GroupOf).ToArray(),
            ranked.Select(r => (IntervalPoint?)new IntervalPoint(ranks.Number(r, "median_rank")!.Value, ranks.Number(r, "rank_p05"), ranks.Number(r, "rank_p95"))).ToArray(),
            ranked.Select(r => ranks.Number(r, "nominal_rank")).ToArray(), ranked.Length, a.MedianMark, a.NominalMark, a.Rank, a.RanksLabel);
        report.Figure(html, chart, a.RanksCaption);

        double Width(int r) => (ranks.Number(r, "rank_p95") ?? 0) - (ranks.Number(r, "rank_p05") ?? 0);
        var stable = ranked.Count(r => Width(r) == 0);
        html.Element("p", stable == ranked.Length ? string.Format(a.RanksAllStable, language.Count(ranked.Length))
            : string.Format(a.RanksSomeStable, language.Count(stable), language.Count(ranked.Length)));
        var widest = ranked.OrderByDescending(Width).First();
        if (Width(widest) > 0)
            html.Element("p", string.Format(a.RanksWidest, GroupOf(widest), language.Plain(ranks.Number(widest, "nominal_rank") ?? 0),
                language.Plain(ranks.Number(widest, "rank_p05")!.Value), language.Plain(ranks.Number(widest, "rank_p95")!.Value)));

        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", a.Group).Element("th", report.T.SurveysN).Element("th", a.NominalRank)
            .Element("th", a.NominalScore).Element("th", a.MedianRank).Element("th", a.RankInterval).Element("th", a.ScoreInterval).Raw("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            html.Raw("<tr>").Element("th", GroupOf(r));
            if (ranks.Flag(r, "suppressed")) { html.Raw("<td colspan=\"6\">"); report.SuppressedNote(html); html.Raw("</td></tr>"); continue; }
            html.Raw("<td>"); report.Count(html, ranks, r, "n");
            html.Raw("</td><td>"); report.Number(html, ranks, r, "nominal_rank", language.Plain);
            html.Raw("</td><td>"); report.Number(html, ranks, r, "nominal_score");
            html.Raw("</td><td>"); report.Number(html, ranks, r, "median_rank", language.Plain);
            html.Raw("</td><td>"); report.Number(html, ranks, r, "rank_p05", language.Plain); html.Raw(" – "); report.Number(html, ranks, r, "rank_p95", language.Plain);
            html.Raw("</td><td>"); report.Number(html, ranks, r, "score_p05"); html.Raw(" – "); report.Number(html, ranks, r, "score_p95");
            html.Raw("</td></tr>");
        }
        html.Raw("</tbody></table>");
        return stable == ranked.Length;
    }

    /// <summary>
    /// The Sobol indices the audit could support, and why the others are withheld (docs/audit.md). What it says agrees
    /// with the ranks above: when every rank held from the 5th to the 95th percentile, the ranking is never said to
    /// depend on a choice, whatever the indices.
    /// </summary>
    private static void Sensitivity(AuditView audit, Html.Html html, bool allStable)
    {
        var a = audit.A;
        var report = audit.Report;
        var table = audit.Table("sensitivity");
        html.Element("h3", a.SensitivityTitle);
        var rows = Enumerable.Range(0, table.RowCount).ToArray();
        if (rows.Length == 0) { html.Element("p", a.SensitivityMissing); return; }
        string? Withheld(int r, string column) => table.Has(column + "_withheld") && table.Text(r, column + "_withheld") is { Length: > 0 } why ? why : null;
        if (rows.All(r => table.Number(r, "total") is null))
        {
            // No index shown: the ranking's variance was 0 (no variant moved it), negligible, or no index was estimated precisely enough (docs/audit.md).
            var moved = audit.NoteCount("sensitivity_moved_runs");
            if (moved is null or 0) html.Element("p", a.SensitivityNone);
            else if (rows.All(r => Withheld(r, "total") == "negligible_variance"))
                html.Element("p", string.Format(a.SensitivityNegligible, report.Language.Count(moved.Value), report.Language.Count(audit.NoteCount("sensitivity_ab_runs") ?? 0)));
            else html.Element("p", allStable ? a.SensitivityUnclearStable : a.SensitivityUnclear);
            if (moved is null or 0 || rows.All(r => Withheld(r, "total") == "negligible_variance")) return;
            WithheldTable(audit, html, rows, Name, Withheld);
            return;
        }

        string Name(int r) => table.Text(r, "assumption") switch
        {
            "weights" => a.AssumptionWeights,
            "aggregation" => a.AssumptionAggregation,
            "composite_from" => a.AssumptionCompositeFrom,
            "min_dimension_coverage" => a.AssumptionCoverage,
            "dont_know" => a.AssumptionDontKnow,
            var other => other ?? "",
        };
        IntervalPoint? Point(int r, string column) =>
            table.Number(r, column) is { } v ? new IntervalPoint(v, table.Number(r, column + "_p05"), table.Number(r, column + "_p95")) : null;
        var series = new[] { new ChartSeries(a.FirstOrder, rows.Select(r => Point(r, "first_order")).ToArray()), new ChartSeries(a.Total, rows.Select(r => Point(r, "total")).ToArray()) };
        report.Figure(html, audit.Charts.GroupedBars(rows.Select(Name).ToArray(), series, audit.Score, a.Total, a.SensitivityLabel), a.SensitivityCaption);
        var most = rows.Where(r => table.Number(r, "total") is not null).OrderByDescending(r => table.Number(r, "total")).First();
        if (allStable) html.Element("p", a.SensitivityStableRanks);
        else html.Element("p", string.Format(a.SensitivityMost, Name(most), audit.Score(table.Number(most, "total")!.Value),
            table.Number(most, "total_p05") is { } low ? audit.Score(low) : "–", table.Number(most, "total_p95") is { } high ? audit.Score(high) : "–"));
        WithheldTable(audit, html, rows, Name, Withheld);
    }

    /// <summary>The indices with their intervals, and in place of each withheld one the reason it is withheld.</summary>
    private static void WithheldTable(AuditView audit, Html.Html html, int[] rows, Func<int, string> name, Func<int, string, string?> withheld)
    {
        var a = audit.A;
        var report = audit.Report;
        var table = audit.Table("sensitivity");
        html.Open("table", "estimates").Raw("<thead><tr>").Element("th", a.Assumption).Element("th", a.FirstOrder).Element("th", a.Total).Raw("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            html.Raw("<tr>").Element("th", name(r));
            foreach (var column in new[] { "first_order", "total" })
            {
                html.Raw("<td>");
                if (table.Number(r, column) is null && withheld(r, column) is { } why)
                {
                    html.Element("span", string.Format(a.Withheld, WhyText(audit, why)), "left-out");
                    html.Raw("</td>");
                    continue;
                }
                report.Number(html, table, r, column);
                if (table.Number(r, column + "_p05") is not null)
                {
                    html.Raw(" <span class=\"ci\">("); report.Number(html, table, r, column + "_p05"); html.Raw("–"); report.Number(html, table, r, column + "_p95"); html.Raw(")</span>");
                }
                html.Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }

    private static string WhyText(AuditView audit, string why)
    {
        var a = audit.A;
        return why switch
        {
            "negligible_variance" => a.WhyNegligible,
            "sum_inconsistent" => a.WhySum,
            "outside_0_1" => a.WhyOutside,
            "first_order_above_total" => a.WhyFirstAboveTotal,
            "interval_too_wide" => string.Format(a.WhyTooWide, audit.Score(double.TryParse(audit.Note("sensitivity_max_interval_width"), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 0.3)),
            _ => why,
        };
    }

}
