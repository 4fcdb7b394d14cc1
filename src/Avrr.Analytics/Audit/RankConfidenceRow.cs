namespace Avrr.Analytics.Audit;

/// <summary>
/// A row of audit/rank_confidence (docs/audit.md, "Ranks with sampling error"): a ranked group, its estimate (the mean
/// composite of aggregates) and standard error, its rank by the estimates, and the bounds of its 95% confidence set for
/// the rank, <c>joint</c> (holding for every group at once) or <c>marginal</c> (for this group alone). <see cref="Robust"/>:
/// the set is the single rank the group has under the scheme and every variant of the uncertainty analysis keeps it
/// there (its 5th and 95th percentile ranks equal it).
/// </summary>
public sealed record RankConfidenceRow(IReadOnlyList<string> Group, long N, double Estimate, double StandardError, int Rank, int RankLower, int RankUpper,
    string Kind, bool Robust);
