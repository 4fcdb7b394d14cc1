namespace Avrr.Analytics.Reports.Charts;

/// <summary>A named series of a chart: one point per category or quarter, null where there is none to draw (suppressed, or no surveys).</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<IntervalPoint?> Points);
