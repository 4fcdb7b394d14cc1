namespace Avrr.Analytics.Estimation;

/// <summary>
/// One line of aggregates or panel_change: a measure in a group of a level. <see cref="GroupValues"/> has
/// one entry per grouping column of the table (null where the level does not group by it).
/// </summary>
public sealed record EstimateRow(string Level, IReadOnlyList<string?> GroupValues, string Measure, DomainEstimate Estimate);
