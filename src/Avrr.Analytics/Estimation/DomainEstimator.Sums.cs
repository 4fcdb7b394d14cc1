namespace Avrr.Analytics.Estimation;

/// <summary>
/// The sums of a <see cref="DomainEstimator"/> written out and read back: the state of every cell, which is what a
/// partial holds (docs/partials.md). Another estimator that imports them gives the estimates of the surveys of
/// both added one by one: counts exactly, quantiles exactly (value totals are kept to about 106 bits, and tied
/// surveys keep their order: the imported ones come after those already added), every other statistic up to
/// the rounding of a sum (about 1e-16 relative).
/// </summary>
public sealed partial class DomainEstimator
{
    /// <summary>The design the estimator's standard errors use.</summary>
    public SurveyDesign Design => _design;

    /// <summary>The surveys added so far: the orders of the values' last surveys are below it.</summary>
    public long Surveys => _surveys;

    /// <summary>The weights are divided by this (1 unless the first survey's weight was extreme); 0 before any survey.</summary>
    public double WeightScale => _weightScale;

    /// <summary>The measure pairs whose cross-products are kept (without clusters), as measure numbers.</summary>
    public IReadOnlyList<(int First, int Second)> CrossPairs => _pairs;

    /// <summary>Every cell's sums, in cell order (<see cref="ICellSums"/> says in which order within a cell).</summary>
    public void Export(ICellSums sink)
    {
        for (var cell = 0; cell < _rows.Count; cell++)
        {
            sink.Cell(cell, _rows[cell]);
            for (var m = 0; m < _measures; m++)
            {
                var s = _states[cell][m];
                if (s.N == 0) continue;
                sink.Measure(cell, m, new CellMeasureSums(s.N, s.WeightSum, s.WeightSquareSum, s.Shift, s.ShiftedSum, s.BandLow, s.BandMedium, s.BandHigh));
                if (s.Psus is not null)
                    foreach (var (psu, sums) in s.Psus) sink.Psu(cell, m, psu, new CellPsuSums(sums.Weight, sums.Shifted));
                else
                    for (var h = 0; h * StratumSums.Stride < s.Strata.Length; h++)
                    {
                        var st = s.Strata.AsSpan(h * StratumSums.Stride, StratumSums.Stride);
                        if (st[StratumSums.Weight] == 0) continue;
                        sink.Stratum(cell, m, h, new CellStratumSums(st[StratumSums.Weight], st[StratumSums.Shifted], st[StratumSums.WeightSquare],
                            st[StratumSums.WeightSquareShifted], st[StratumSums.ShiftedSquare]));
                    }
                if (s.Quantiles is not null)
                    foreach (var (id, total, low, last, lastSurvey) in s.Quantiles.Entries())
                        sink.Value(cell, m, new CellValueSums(_values[m].ValueOf(id), total, low, last, lastSurvey));
            }
            var cross = _cross[cell];
            for (var at = 0; at < cross.Length; at += CrossSums.Stride)
            {
                var o = cross.AsSpan(at, CrossSums.Stride);
                if (o[CrossSums.WeightSquare] == 0) continue;
                var (first, second) = _pairs[at / CrossSums.Stride % _pairs.Length];
                sink.Pair(cell, at / CrossSums.Stride / _pairs.Length, first, second,
                    new CellPairSums(o[CrossSums.WeightSquare], o[CrossSums.FirstShifted], o[CrossSums.SecondShifted], o[CrossSums.Product],
                        (long)o[CrossSums.Count]));
            }
        }
    }

    /// <summary>
    /// Starts adding the sums of another estimator's cells (a partial) to this one's: <paramref name="surveys"/>
    /// and <paramref name="weightScale"/> are that estimator's <see cref="Surveys"/> and <see cref="WeightScale"/>.
    /// The caller gives the cells, strata and PSUs in this estimator's numbering (the design of this estimator
    /// must hold the PSUs of both).
    /// </summary>
    public CellSumsImport Import(long surveys, double weightScale)
    {
        if (surveys < 0) throw new ArgumentOutOfRangeException(nameof(surveys), surveys, "A partial has no negative number of surveys.");
        if (!(weightScale > 0) || !double.IsFinite(weightScale)) throw new ArgumentOutOfRangeException(nameof(weightScale), weightScale, "A weight scale is a positive number.");
        if (_weightScale == 0) _weightScale = weightScale;
        var import = new CellSumsImport(this, _surveys, surveys, weightScale / _weightScale);
        _surveys += surveys;
        return import;
    }

    /// <summary>
    /// Adds one partial's cell sums to an estimator (see <see cref="Import"/>). Sums are moved from the partial's
    /// shift c_s of each cell and measure to this estimator's c_t (y − c_t = (y − c_s) + δ, δ = c_s − c_t) and
    /// from the partial's weight units to this one's (× r for Σw terms, × r² for Σw² terms).
    /// </summary>
    public sealed class CellSumsImport : ICellSums
    {
        private readonly DomainEstimator _target;
        private readonly long _orderOffset, _surveys;
        private readonly double _r, _r2;
        private readonly Dictionary<(int Cell, int Measure), double> _deltas = [];

        internal CellSumsImport(DomainEstimator target, long orderOffset, long surveys, double ratio)
        {
            _target = target;
            _orderOffset = orderOffset;
            _surveys = surveys;
            _r = ratio;
            _r2 = ratio * ratio;
        }

        public void Cell(int cell, long rows)
        {
            if (rows < 0) throw new InvalidDataException($"cell {cell} has {rows} surveys");
            _target.StatesOf(cell);
            _target._rows[cell] += rows;
        }

        public void Measure(int cell, int measure, in CellMeasureSums sums)
        {
            CheckMeasure(measure);
            if (sums.N <= 0) throw new InvalidDataException($"cell {cell}, measure {measure}: {sums.N} surveys");
            if (!double.IsFinite(sums.Shift)) throw new InvalidDataException($"cell {cell}, measure {measure}: the shift is not a number");
            if (!_deltas.TryAdd((cell, measure), 0)) throw new InvalidDataException($"cell {cell}, measure {measure} is given twice");
            var t = _target.StatesOf(cell)[measure];
            if (t.N == 0) t.Shift = sums.Shift;
            var delta = sums.Shift - t.Shift;
            _deltas[(cell, measure)] = delta;
            t.N += sums.N;
            t.WeightSum += _r * sums.WeightSum;
            t.WeightSquareSum += _r2 * sums.WeightSquareSum;
            t.ShiftedSum += _r * (sums.ShiftedSum + delta * sums.WeightSum);
            t.BandLow += _r * sums.BandLow;
            t.BandMedium += _r * sums.BandMedium;
            t.BandHigh += _r * sums.BandHigh;
        }

        public void Stratum(int cell, int measure, int stratum, in CellStratumSums sums)
        {
            var (t, delta) = StateOf(cell, measure);
            if (t.Psus is not null) throw new InvalidDataException("stratum sums are kept without clusters only");
            if (stratum < 0 || (!_target._design.Stratified && stratum != 0)) throw new InvalidDataException($"stratum {stratum} of a design without strata");
            var at = stratum * StratumSums.Stride;
            if (at >= t.Strata.Length) Array.Resize(ref t.Strata, Math.Max(t.Strata.Length * 2, at + StratumSums.Stride));
            var s = t.Strata.AsSpan(at, StratumSums.Stride);
            s[StratumSums.ShiftedSquare] += _r2 * (sums.ShiftedSquare + 2 * delta * sums.WeightSquareShifted + delta * delta * sums.WeightSquare);
            s[StratumSums.WeightSquareShifted] += _r2 * (sums.WeightSquareShifted + delta * sums.WeightSquare);
            s[StratumSums.Shifted] += _r * (sums.Shifted + delta * sums.Weight);
            s[StratumSums.WeightSquare] += _r2 * sums.WeightSquare;
            s[StratumSums.Weight] += _r * sums.Weight;
        }

        public void Psu(int cell, int measure, int psu, in CellPsuSums sums)
        {
            var (t, delta) = StateOf(cell, measure);
            if (t.Psus is null) throw new InvalidDataException("PSU sums are kept with clusters only");
            if (psu < 0 || psu >= _target._design.PsuTotal) throw new InvalidDataException($"PSU {psu} is not in the design");
            ref var p = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(t.Psus, psu, out _);
            p = (p.Weight + _r * sums.Weight, p.Shifted + _r * (sums.Shifted + delta * sums.Weight));
        }

        public void Value(int cell, int measure, in CellValueSums sums)
        {
            var (t, _) = StateOf(cell, measure);
            if (!_target._distributions) return;
            if (sums.LastOrder < 0 || sums.LastOrder >= _surveys)
                throw new InvalidDataException($"cell {cell}, measure {measure}: the order {sums.LastOrder} of a value's last survey is not below the partial's {_surveys} surveys");
            if (!double.IsFinite(sums.Value)) throw new InvalidDataException($"cell {cell}, measure {measure}: a value that is not a number");
            (t.Quantiles ??= new ValueWeights()).Import(_target._values[measure].IdOf(sums.Value), _r * sums.Weight, _r * sums.WeightLow, _r * sums.LastWeight,
                _orderOffset + sums.LastOrder);
        }

        public void Pair(int cell, int stratum, int first, int second, in CellPairSums sums)
        {
            var pairs = _target._pairs;
            var pair = Array.IndexOf(pairs, (first, second));
            if (pair < 0) return;      // cross-products this estimator does not keep
            if (stratum < 0 || (!_target._design.Stratified && stratum != 0)) throw new InvalidDataException($"stratum {stratum} of a design without strata");
            var (_, d1) = StateOf(cell, first);
            var (_, d2) = StateOf(cell, second);
            var cross = _target._cross[cell];
            var at = stratum * pairs.Length * CrossSums.Stride + pair * CrossSums.Stride;
            if (at + CrossSums.Stride > cross.Length)
            {
                Array.Resize(ref cross, Math.Max(cross.Length * 2, (stratum + 1) * pairs.Length * CrossSums.Stride));
                _target._cross[cell] = cross;
            }
            var t = cross.AsSpan(at, CrossSums.Stride);
            t[CrossSums.Product] += _r2 * (sums.Product + d2 * sums.FirstShifted + d1 * sums.SecondShifted + d1 * d2 * sums.WeightSquare);
            t[CrossSums.FirstShifted] += _r2 * (sums.FirstShifted + d1 * sums.WeightSquare);
            t[CrossSums.SecondShifted] += _r2 * (sums.SecondShifted + d2 * sums.WeightSquare);
            t[CrossSums.WeightSquare] += _r2 * sums.WeightSquare;
            t[CrossSums.Count] += sums.Count;
        }

        private void CheckMeasure(int measure)
        {
            if (measure < 0 || measure >= _target._measures) throw new InvalidDataException($"measure {measure} is not one of the estimator's {_target._measures}");
        }

        private (MeasureState State, double Delta) StateOf(int cell, int measure)
        {
            CheckMeasure(measure);
            if (!_deltas.TryGetValue((cell, measure), out var delta))
                throw new InvalidDataException($"cell {cell}, measure {measure}: sums without the measure's counts");
            return (_target._states[cell][measure], delta);
        }
    }
}
