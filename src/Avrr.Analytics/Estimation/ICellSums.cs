namespace Avrr.Analytics.Estimation;

/// <summary>
/// Receives the sums an estimator keeps, cell by cell (<see cref="DomainEstimator.Export"/>): a partial's
/// writer, or the import into another estimator (<see cref="DomainEstimator.CellSumsImport"/>). For each cell,
/// <see cref="Cell"/> comes first, then each measure's <see cref="Measure"/> before its strata, PSUs and values,
/// then the cell's pairs. Strata and PSUs are the design's numbers (<see cref="SurveyDesign"/>); measures are
/// the estimator's.
/// </summary>
public interface ICellSums
{
    void Cell(int cell, long rows);
    void Measure(int cell, int measure, in CellMeasureSums sums);
    void Stratum(int cell, int measure, int stratum, in CellStratumSums sums);
    void Psu(int cell, int measure, int psu, in CellPsuSums sums);
    void Value(int cell, int measure, in CellValueSums sums);
    void Pair(int cell, int stratum, int first, int second, in CellPairSums sums);
}
