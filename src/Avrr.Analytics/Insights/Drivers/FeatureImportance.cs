namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// The permutation importance of one attribute in the tree model: how much the held-out R² falls when
/// the attribute's values are shuffled among the held-out surveys, over <see cref="Repeats"/> shuffles
/// (mean and sample standard deviation).
/// </summary>
public sealed record FeatureImportance(string Feature, double Mean, double StandardDeviation, int Repeats);
