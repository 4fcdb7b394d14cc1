namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// The tree model of an outcome on the attributes: how well it predicts held-out surveys (R²), on how many
/// surveys it was trained and checked, and each attribute's permutation importance, most important first.
/// </summary>
public sealed record TreeDrivers(int TrainRows, int HoldoutRows, double HoldoutRSquared, IReadOnlyList<FeatureImportance> Importance);
