using Avrr.Analytics.Estimation;

namespace Avrr.Analytics.Runs.Results;

/// <summary>
/// The estimates of a run: the rows of aggregates and of panel_change, with the grouping columns of
/// those tables and the levels written (country+quarter only when the data span several quarters, or
/// when it was asked for), the differences between groups (comparisons), and the returnees of the scored
/// surveys (each counted once, however many surveys they have).
/// </summary>
public sealed record RunEstimates(
    IReadOnlyList<string> Variables,
    IReadOnlyList<string> Levels,
    IReadOnlyList<EstimateRow> Aggregates,
    IReadOnlyList<EstimateRow> PanelChange,
    long PanelReturnees,
    IReadOnlyList<ComparisonRow> Comparisons,
    long Returnees);
