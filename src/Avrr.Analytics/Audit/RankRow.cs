namespace Avrr.Analytics.Audit;

/// <summary>A row of audit/rank_uncertainty: a group of the analysed level, its surveys with a composite, and what the uncertainty analysis found (withheld below min-cell).</summary>
public sealed record RankRow(IReadOnlyList<string> Group, long N, bool Suppressed, double NominalRank, double NominalScore,
    double MedianRank, double MeanRank, double RankLow, double RankHigh, double ScoreLow, double ScoreHigh);
