using Avrr.Analytics.Inference;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// One line of aggregates or panel_change: a measure in a group of a level. <see cref="GroupValues"/> has
/// one entry per grouping column of the table (null where the level does not group by it). A panel change is also
/// a test that the mean change is 0, decided within its family (<see cref="ChangeTests"/>): <see cref="Decision"/>;
/// an aggregate tests nothing (null).
/// </summary>
public sealed record EstimateRow(string Level, IReadOnlyList<string?> GroupValues, string Measure, DomainEstimate Estimate,
    FamilyDecision? Decision = null);
