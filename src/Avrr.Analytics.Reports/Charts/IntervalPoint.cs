namespace Avrr.Analytics.Reports.Charts;

/// <summary>An estimate and its interval, as a chart draws it; a suppressed estimate is never one (it is left out).</summary>
internal readonly record struct IntervalPoint(double Estimate, double? Low, double? High);
