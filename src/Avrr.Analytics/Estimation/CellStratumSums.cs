namespace Avrr.Analytics.Estimation;

/// <summary>
/// Without clusters (every survey its own PSU): the sums of one measure of a cell over the surveys of one
/// stratum, around the cell's shift c: Σw, Σw(y − c), Σw², Σw²(y − c), Σw²(y − c)².
/// </summary>
public readonly record struct CellStratumSums(double Weight, double Shifted, double WeightSquare, double WeightSquareShifted, double ShiftedSquare);
