namespace Avrr.Analytics.Estimation;

/// <summary>
/// Without clusters: the cross-products of two measures of a cell over the surveys of one stratum that have
/// both (x = y₁ − c₁, y = y₂ − c₂ around each measure's shift): Σw², Σw²x, Σw²y, Σw²xy, which give the standard
/// error of the difference of the two means (docs/methodology.md, "Comparisons"), and the number of those surveys,
/// which its degrees of freedom count.
/// </summary>
public readonly record struct CellPairSums(double WeightSquare, double FirstShifted, double SecondShifted, double Product, long Count);
