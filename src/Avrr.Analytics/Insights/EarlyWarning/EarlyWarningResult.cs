namespace Avrr.Analytics.Insights.EarlyWarning;

/// <summary>
/// The early warning of a run: the model (null when none was trained, with <see cref="Reason"/> saying
/// why), its cross-validated quality, the simple rule beside it on the same folds (null when nothing was
/// trained), and the returnees it was trained on.
/// </summary>
public sealed record EarlyWarningResult(RiskModel? Model, ClassifierQuality? Quality, int TrainReturnees, int LowReturnees, int Folds, string? Reason)
{
    public RuleComparison? Rule { get; init; }
}
