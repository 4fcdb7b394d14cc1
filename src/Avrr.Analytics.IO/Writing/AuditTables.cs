using Avrr.Analytics.Audit;
using Avrr.Analytics.IO.Writing.Parquet;
using static Avrr.Analytics.IO.Writing.ResultTable;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// The tables of audit/ (docs/audit.md, "Tables"), each with its columns and one row per item of an
/// <see cref="AuditResult"/>. A statistic withheld (a group below min-cell) or undefined is an empty cell.
/// </summary>
internal static class AuditTables
{
    public const string Folder = "audit";

    /// <summary>Between the values of a group of several columns in indicator_stats' group column ("SEN / Dakar").</summary>
    public const string GroupSeparator = " / ";

    /// <summary>Every table by its file name (without extension), in the order they are written.</summary>
    public static IReadOnlyList<(string Name, ResultTable Table)> Of(AuditResult audit)
    {
        var separator = GroupSeparator;
        return
        [
            ("indicator_stats", IndicatorStats(audit, separator)),
            ("correlations", Correlations(audit)),
            ("reliability", Reliability(audit)),
            ("alpha_if_dropped", AlphaIfDropped(audit)),
            ("pca", Components(audit)),
            ("pca_loadings", Loadings(audit)),
            ("weights", Weights(audit)),
            ("flags", Flags(audit)),
            ("rank_uncertainty", Ranks(audit)),
            ("sensitivity", Sensitivity(audit)),
            ("rank_confidence", RankConfidence(audit, separator)),
            ("notes", Notes(audit)),
        ];
    }

    private static ResultTable IndicatorStats(AuditResult audit, string separator)
    {
        var table = new ResultTable([Text("indicator"), Text("level"), Text("group"), Count("n_rows"), Count("n"), Number("missing_share"), Number("mean"),
            Number("sd"), Number("min"), Number("max"), Number("skew"), Number("kurtosis"), Flag("outlier_flag"), Number("weighted_mean"), Flag("suppressed")]);
        foreach (var row in audit.IndicatorStats)
        {
            var s = row.Statistics;
            var group = string.Join(separator, row.Group);
            if (row.Suppressed)
                table.Add(row.Indicator, row.Level, group, s.Rows, null, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, false, double.NaN, true);
            else
                table.Add(row.Indicator, row.Level, group, s.Rows, s.N, s.MissingShare, s.Mean, s.Sd, s.Min, s.Max, s.Skew, s.Kurtosis, s.Outlier, s.WeightedMean, false);
        }
        return table;
    }

    private static ResultTable Correlations(AuditResult audit)
    {
        var subsample = audit.Note("kept_subsample") == "true";
        var table = new ResultTable([Text("a"), Text("b"), Text("method"), Flag("weighted"), Number("r"), Count("n"), Text("basis")]);
        foreach (var row in audit.Correlations)
        {
            var r = row.Correlation;
            var basis = row.FromKeptSurveys && subsample ? "subsample" : "all";
            table.Add(row.A, row.B, "pearson", false, r.Pearson, r.N, basis);
            table.Add(row.A, row.B, "spearman", false, r.Spearman, r.N, basis);
            table.Add(row.A, row.B, "pearson", true, r.WeightedPearson, r.N, basis);
            table.Add(row.A, row.B, "spearman", true, r.WeightedSpearman, r.N, basis);
        }
        return table;
    }

    private static ResultTable Reliability(AuditResult audit)
    {
        var table = new ResultTable([Text("scope"), Flag("weighted"), Number("alpha_raw"), Number("alpha_std"), Count("n")]);
        foreach (var row in audit.Reliability) table.Add(row.Scope, row.Weighted, row.AlphaRaw, row.AlphaStd, row.N);
        return table;
    }

    private static ResultTable AlphaIfDropped(AuditResult audit)
    {
        var table = new ResultTable([Text("scope"), Text("indicator"), Flag("weighted"), Number("alpha_raw"), Number("alpha_std"), Number("r_drop"), Count("n")]);
        foreach (var row in audit.AlphaIfDropped) table.Add(row.Scope, row.Indicator, row.Weighted, row.AlphaRaw, row.AlphaStd, row.RDrop, row.N);
        return table;
    }

    private static ResultTable Components(AuditResult audit)
    {
        var table = new ResultTable([Text("scope"), Count("component"), Count("n"), Number("eigenvalue"), Number("explained"), Number("cumulative")]);
        foreach (var row in audit.Components) table.Add(row.Scope, (long)row.Component, row.N, row.Eigenvalue, row.Explained, row.Cumulative);
        return table;
    }

    private static ResultTable Loadings(AuditResult audit)
    {
        var table = new ResultTable([Text("scope"), Count("component"), Text("indicator"), Number("loading")]);
        foreach (var row in audit.Loadings) table.Add(row.Scope, (long)row.Component, row.Variable, row.Loading);
        return table;
    }

    private static ResultTable Weights(AuditResult audit)
    {
        var table = new ResultTable([Text("node"), Text("kind"), Text("parent"), Number("nominal"), Number("effective"), Number("derived"),
            Number("nominal_in_parent"), Number("derived_in_parent"), Number("correlation_with_composite")]);
        foreach (var row in audit.Weights)
            table.Add(row.Node, row.Kind, row.Parent, row.Nominal, row.Effective, row.Derived, row.NominalInParent, row.DerivedInParent, row.Correlation);
        return table;
    }

    private static ResultTable Flags(AuditResult audit)
    {
        var table = new ResultTable([Text("indicator"), Text("flag"), Text("other"), Number("value")]);
        foreach (var row in audit.Flags) table.Add(row.Indicator, row.Flag, row.Other, row.Value);
        return table;
    }

    private static ResultTable Ranks(AuditResult audit)
    {
        var columns = new List<ParquetField> { Text("level") };
        columns.AddRange(audit.Level.Variables.Select(Text));
        columns.AddRange([Count("n"), Number("nominal_rank"), Number("nominal_score"), Number("median_rank"), Number("mean_rank"),
            Number("rank_p05"), Number("rank_p95"), Number("score_p05"), Number("score_p95"), Flag("suppressed")]);
        var table = new ResultTable([.. columns]);
        foreach (var row in audit.Ranks)
            table.Add([audit.Level.Name, .. row.Group, row.Suppressed ? null : row.N, row.NominalRank, row.NominalScore, row.MedianRank, row.MeanRank,
                row.RankLow, row.RankHigh, row.ScoreLow, row.ScoreHigh, row.Suppressed]);
        return table;
    }

    private static ResultTable Sensitivity(AuditResult audit)
    {
        var table = new ResultTable([Text("assumption"), Text("nominal"), Text("alternatives"), Number("first_order"), Number("total"),
            Number("first_order_p05"), Number("first_order_p95"), Number("total_p05"), Number("total_p95"), Text("first_order_withheld"), Text("total_withheld")]);
        foreach (var row in audit.Sensitivity)
            table.Add(row.Assumption, row.Nominal, row.Alternatives, row.FirstOrder, row.Total, row.FirstOrderLow, row.FirstOrderHigh, row.TotalLow, row.TotalHigh,
                row.FirstOrderWithheld ?? "", row.TotalWithheld ?? "");
        return table;
    }

    private static ResultTable RankConfidence(AuditResult audit, string separator)
    {
        var columns = new List<ParquetField> { Text("level"), Text("group") };
        columns.AddRange(audit.Level.Variables.Select(Text));
        columns.AddRange([Count("n"), Number("estimate"), Number("se"), Count("rank"), Count("rank_lower"), Count("rank_upper"), Text("kind"), Flag("robust")]);
        var table = new ResultTable([.. columns]);
        foreach (var row in audit.RankConfidence.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Rank).ThenBy(r => string.Join(separator, r.Group), StringComparer.Ordinal))
            table.Add([audit.Level.Name, string.Join(separator, row.Group), .. row.Group, row.N, row.Estimate, row.StandardError, (long)row.Rank,
                (long)row.RankLower, (long)row.RankUpper, row.Kind, row.Robust]);
        return table;
    }

    private static ResultTable Notes(AuditResult audit)
    {
        var table = new ResultTable([Text("key"), Text("value")]);
        foreach (var note in audit.Notes) table.Add(note.Key, note.Value);
        return table;
    }
}
