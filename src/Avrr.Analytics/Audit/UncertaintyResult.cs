namespace Avrr.Analytics.Audit;

/// <summary>
/// What the uncertainty analysis found (docs/audit.md, "Uncertainty and sensitivity"), per group of the
/// analysed level: the nominal score and rank, and over the variants of the design's A and B rows (as
/// COINr's rank statistics) the median rank and the 5th and 95th percentiles of rank and score; and per
/// assumption varied, its Sobol indices for the mean absolute rank shift. Groups not ranked (too few
/// surveys) are NaN throughout. <c>Surveys</c>: the kept surveys the variants were scored on.
/// </summary>
public sealed record UncertaintyResult(
    IReadOnlyList<Assumption> Varied,
    int BaseSamples,
    int Runs,
    int UncertaintyRuns,
    int Surveys,
    double[] NominalScore,
    double[] NominalRank,
    double[] MedianRank,
    double[] MeanRank,
    double[] RankLow,
    double[] RankHigh,
    double[] ScoreLow,
    double[] ScoreHigh,
    double[] MeanRankShift,
    SobolIndices? Sensitivity);
