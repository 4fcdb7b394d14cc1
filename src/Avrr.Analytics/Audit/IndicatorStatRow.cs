namespace Avrr.Analytics.Audit;

/// <summary>A row of audit/indicator_stats: one indicator in one group (<paramref name="Group"/> empty for the level <c>all</c>); withheld below min-cell.</summary>
public sealed record IndicatorStatRow(string Indicator, string Level, IReadOnlyList<string> Group, DescriptiveStatistics Statistics, bool Suppressed);
