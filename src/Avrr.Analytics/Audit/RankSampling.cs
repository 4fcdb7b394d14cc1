using System.Globalization;
using Avrr.Analytics.Inference;

namespace Avrr.Analytics.Audit;

/// <summary>
/// Ranks with sampling error (docs/audit.md, "Ranks with sampling error"): the confidence sets of
/// <see cref="RankConfidence"/> for the groups the audit ranks, from their design-based estimates, combined with the
/// uncertainty analysis's construction variants to say which ranks are robust. Groups below min-cell, or whose
/// estimate is suppressed or has no standard error, take no part (a set needs every compared group's error).
/// </summary>
public static class RankSampling
{
    /// <summary>At most this many groups get sets: the joint critical value costs draws × groups² / 2.</summary>
    public const int MaxGroups = 200;

    /// <param name="audit">The audit, whose ranked groups (rank_uncertainty) are those given sets.</param>
    /// <param name="estimate">A group's estimate and standard error (the run's aggregates), or null when it has none.</param>
    /// <param name="seed">Seed of the joint critical value's draws.</param>
    public static AuditResult With(AuditResult audit, Func<IReadOnlyList<string>, (double Mean, double StandardError)?> estimate, int seed)
    {
        var notes = audit.Notes.ToList();
        void Note(string key, string value) => notes.Add(new AuditNote(key, value));
        var groups = new List<(RankRow Row, double Mean, double Se)>();
        foreach (var row in audit.Ranks.Where(r => !r.Suppressed))
            if (estimate(row.Group) is { } e && double.IsFinite(e.Mean) && double.IsFinite(e.StandardError) && e.StandardError > 0)
                groups.Add((row, e.Mean, e.StandardError));
        string? skipped = groups.Count < 2 ? "fewer than two ranked groups have an estimate with a standard error"
            : groups.Count > MaxGroups ? $"more than {MaxGroups} groups are ranked" : null;
        if (skipped is not null)
        {
            Note("rank_confidence", "skipped");
            Note("rank_confidence_reason", skipped);
            return audit with { Notes = notes };
        }
        var (sets, joint, _) = RankConfidence.Of(groups.Select(g => g.Mean).ToArray(), groups.Select(g => g.Se).ToArray(), 0.95, RankConfidence.DefaultDraws, seed);
        var rows = new List<RankConfidenceRow>();
        for (var g = 0; g < groups.Count; g++)
        {
            var (row, mean, se) = groups[g];
            var set = sets[g];
            // Robust: one rank under every construction variant (5th to 95th percentile) and in the sampling set, the same one.
            var variantsHold = row.RankLow == set.Rank && row.RankHigh == set.Rank;
            rows.Add(new RankConfidenceRow(row.Group, row.N, mean, se, set.Rank, set.JointLower, set.JointUpper, "joint", variantsHold && set.JointLower == set.JointUpper));
            rows.Add(new RankConfidenceRow(row.Group, row.N, mean, se, set.Rank, set.MarginalLower, set.MarginalUpper, "marginal", variantsHold && set.MarginalLower == set.MarginalUpper));
        }
        Note("rank_confidence", "done");
        Note("rank_confidence_groups", groups.Count.ToString(CultureInfo.InvariantCulture));
        Note("rank_confidence_joint_critical", joint.ToString("R", CultureInfo.InvariantCulture));
        Note("rank_confidence_draws", RankConfidence.DefaultDraws.ToString(CultureInfo.InvariantCulture));
        Note("rank_confidence_covariance", "diagonal: the groups' estimates taken as independent");
        return audit with { Notes = notes, RankConfidence = rows };
    }
}
