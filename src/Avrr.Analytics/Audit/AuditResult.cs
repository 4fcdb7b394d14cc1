using Avrr.Analytics.Grouping;

namespace Avrr.Analytics.Audit;

/// <summary>
/// The audit of the index (docs/audit.md): one list of rows per table of audit/, the derived weights (or
/// why there are none), and notes on how it was run. Rows are in scheme order; groups in the byte order
/// of their values.
/// </summary>
public sealed record AuditResult(
    Level Level,
    IReadOnlyList<IndicatorStatRow> IndicatorStats,
    IReadOnlyList<CorrelationRow> Correlations,
    IReadOnlyList<ReliabilityRow> Reliability,
    IReadOnlyList<AlphaIfDroppedRow> AlphaIfDropped,
    IReadOnlyList<ComponentRow> Components,
    IReadOnlyList<LoadingRow> Loadings,
    IReadOnlyList<WeightRow> Weights,
    IReadOnlyList<CoherenceFlag> Flags,
    IReadOnlyList<RankRow> Ranks,
    IReadOnlyList<SensitivityRow> Sensitivity,
    DerivedWeights? DerivedWeights,
    IReadOnlyList<AuditNote> Notes)
{
    /// <summary>The confidence sets for the ranks (<see cref="RankSampling"/>): empty until the run adds its estimates.</summary>
    public IReadOnlyList<RankConfidenceRow> RankConfidence { get; init; } = [];

    /// <summary>A note's value by key, or null.</summary>
    public string? Note(string key) => Notes.FirstOrDefault(n => n.Key == key)?.Value;
}
