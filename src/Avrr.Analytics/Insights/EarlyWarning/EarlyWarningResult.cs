namespace Avrr.Analytics.Insights.EarlyWarning;

/// <summary>
/// The early warning of a run: the model (null when none was trained, with <see cref="Reason"/> saying
/// why), its cross-validated quality, and the returnees it was trained on.
/// </summary>
public sealed record EarlyWarningResult(RiskModel? Model, ClassifierQuality? Quality, int TrainReturnees, int LowReturnees, int Folds, string? Reason);
