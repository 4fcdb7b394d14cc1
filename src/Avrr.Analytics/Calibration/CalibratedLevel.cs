namespace Avrr.Analytics.Calibration;

/// <summary>
/// One level of a margin after calibration (a line of <c>calibration.csv</c>): its population total, its
/// surveys, their weighted total before and after, and the range of the weight ratio g over them.
/// </summary>
public sealed record CalibratedLevel(Margin Margin, int Level, long Surveys, double PopulationTotal, double TotalBefore, double TotalAfter,
    double RatioMin, double RatioMax);
