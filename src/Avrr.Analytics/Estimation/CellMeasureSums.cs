namespace Avrr.Analytics.Estimation;

/// <summary>
/// What a domain (cell) keeps of one measure (docs/partials.md, "What a partial holds"): the surveys with the
/// measure, Σw, Σw², the shift c (a value of the domain) and Σw(y − c) around it, and the weight in each band.
/// Weights are in the estimator's units (divided by its weight scale).
/// </summary>
public readonly record struct CellMeasureSums(
    long N, double WeightSum, double WeightSquareSum, double Shift, double ShiftedSum, double BandLow, double BandMedium, double BandHigh);
