namespace Avrr.Analytics.Estimation;

/// <summary>
/// One distinct value of a measure in a cell, for exact quantiles: the total weight of its surveys (an unevaluated
/// sum of two doubles, <see cref="Weight"/> + <see cref="WeightLow"/>), the weight of the last of them and that
/// survey's order among the estimator's surveys (ties sit in survey order, docs/methodology.md, "Quantiles").
/// </summary>
public readonly record struct CellValueSums(double Value, double Weight, double WeightLow, double LastWeight, long LastOrder);
