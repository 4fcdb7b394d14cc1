namespace Avrr.Analytics.Estimation;

/// <summary>With clusters: the sums of one measure of a cell over the surveys of one PSU, around the cell's shift c: Σw and Σw(y − c).</summary>
public readonly record struct CellPsuSums(double Weight, double Shifted);
