namespace Avrr.Analytics.Insights.EarlyWarning;

/// <summary>
/// One bin of the reliability diagram: the returnees whose cross-validated risk fell in [From, To), their
/// mean predicted risk and the share of them whose follow-up was in the low band.
/// </summary>
public sealed record CalibrationBin(double From, double To, int Returnees, double MeanRisk, double ObservedShare);
