using Avrr.Analytics.Inference;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// One line of comparisons: a difference of a measure between a group of a level and its reference.
/// <see cref="GroupValues"/> has one entry per grouping column of the estimate tables (null where the level
/// does not group by it); <see cref="Comparison"/> is one of <see cref="ComparisonKinds"/>; <see cref="Reference"/>
/// names the other side: "all", the parent's value, the previous quarter, or the other dimension.
/// <see cref="Decision"/> is the test of the difference decided within its family (docs/methodology.md, "Families
/// and the false discovery rate").
/// </summary>
public sealed record ComparisonRow(
    string Level, IReadOnlyList<string?> GroupValues, string Measure, string Comparison, string Reference, DomainDifference Difference,
    FamilyDecision Decision);
