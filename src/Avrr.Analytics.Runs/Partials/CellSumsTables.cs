using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Partials;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// Writes an estimator's cell sums (<see cref="DomainEstimator.Export"/>) into a partial's tables: measures, then
/// strata_sums (without clusters) or psu_sums (with them), values (when the estimator keeps distributions) and
/// pairs (the cross-products of the dimensions, without clusters). Measures are written by name.
/// </summary>
internal sealed class CellSumsTables : ICellSums, IDisposable
{
    private readonly IReadOnlyList<string> _measures;
    private readonly PartialTableWriter _measureSums;
    private readonly PartialTableWriter? _strata, _psus, _values, _pairs;

    /// <param name="pathOf">The path of a table's file in the partial, which records the file.</param>
    public CellSumsTables(Func<PartialTable, string> pathOf, IReadOnlyList<string> measures, bool clustered, bool values, bool pairs, string prefix = "")
    {
        _measures = measures;
        _measureSums = Open(pathOf, PartialTables.Measures(prefix));
        if (clustered) _psus = Open(pathOf, PartialTables.PsuSums(prefix));
        else _strata = Open(pathOf, PartialTables.StrataSums(prefix));
        if (values) _values = Open(pathOf, PartialTables.Values);
        if (pairs && !clustered) _pairs = Open(pathOf, PartialTables.Pairs);
    }

    private static PartialTableWriter Open(Func<PartialTable, string> pathOf, PartialTable table) => new(pathOf(table), table);

    public void Cell(int cell, long rows) { }

    public void Measure(int cell, int measure, in CellMeasureSums s)
    {
        _measureSums.Whole(0, cell).Text(1, _measures[measure]).Whole(2, s.N).Number(3, s.WeightSum).Number(4, s.WeightSquareSum)
            .Number(5, s.Shift).Number(6, s.ShiftedSum).Number(7, s.BandLow).Number(8, s.BandMedium).Number(9, s.BandHigh).EndRow();
    }

    public void Stratum(int cell, int measure, int stratum, in CellStratumSums s)
    {
        _strata!.Whole(0, cell).Text(1, _measures[measure]).Whole(2, stratum).Number(3, s.Weight).Number(4, s.Shifted)
            .Number(5, s.WeightSquare).Number(6, s.WeightSquareShifted).Number(7, s.ShiftedSquare).EndRow();
    }

    public void Psu(int cell, int measure, int psu, in CellPsuSums s)
    {
        _psus!.Whole(0, cell).Text(1, _measures[measure]).Whole(2, psu).Number(3, s.Weight).Number(4, s.Shifted).EndRow();
    }

    public void Value(int cell, int measure, in CellValueSums s)
    {
        _values?.Whole(0, cell).Text(1, _measures[measure]).Number(2, s.Value).Number(3, s.Weight).Number(4, s.WeightLow)
            .Number(5, s.LastWeight).Whole(6, s.LastOrder).EndRow();
    }

    public void Pair(int cell, int stratum, int first, int second, in CellPairSums s)
    {
        _pairs?.Whole(0, cell).Whole(1, stratum).Text(2, _measures[first]).Text(3, _measures[second]).Number(4, s.WeightSquare)
            .Number(5, s.FirstShifted).Number(6, s.SecondShifted).Number(7, s.Product).Whole(8, s.Count).EndRow();
    }

    public void Dispose()
    {
        _measureSums.Dispose();
        _strata?.Dispose();
        _psus?.Dispose();
        _values?.Dispose();
        _pairs?.Dispose();
    }
}
