using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// Means, design-based standard errors, quantiles and band shares of several measures in many domains
/// (groups), accumulated survey by survey with state per domain only: nothing keeps the surveys.
/// <para>
/// The standard error is R's <c>svyby(~m, ~g, design, svymean, na.rm = TRUE)</c>: a domain is the
/// whole design with zero weight outside the domain (and where m is missing), and the variance is that
/// of the linearised mean summed over the PSUs of every stratum,
/// V = Σ_h n_h/(n_h − 1) Σ_i (t_hi − t̄_h)², with t_hi = Σ_{surveys of PSU i in the domain} w (y − ȳ) / Σw
/// and n_h the PSUs of stratum h in the whole sample. A stratum with a single PSU contributes t_h²
/// (R's <c>options(survey.lonely.psu = "adjust")</c>).
/// </para>
/// <para>
/// Sums are kept around a shift (the domain's first value) so that the variance does not come from the
/// difference of two large numbers: a domain whose values are all equal gets a standard error of 0.
/// </para>
/// <para>
/// Every statistic is a sum, so domains can also be built from finer ones (<see cref="Regroup"/>): a run
/// adds each survey once, to the cell of its combination of grouping values, and each level's groups are
/// merged from cells at the end, instead of adding every survey to a domain of every level.
/// </para>
/// </summary>
public sealed class DomainEstimator
{
    private static readonly double[] QuartileProbabilities = [0.25, 0.5, 0.75];

    private readonly SurveyDesign _design;
    private readonly int _measures;
    private readonly BandCuts _bands;
    private readonly ValueIndex[] _values;
    private readonly List<long> _rows = [];
    private readonly List<MeasureState[]> _states = [];
    private readonly int[] _valueIds;
    private long _surveys;      // surveys added so far: the order that decides which tied survey came last

    private readonly bool _distributions;

    /// <param name="design">The survey design, built over the same surveys.</param>
    /// <param name="measures">How many measures each survey carries.</param>
    /// <param name="bands">The cut points of the band shares.</param>
    /// <param name="distributions">
    /// Whether to keep what quantiles and band shares need (the weight of each distinct value). Panel
    /// changes report means only: their differences take many distinct values, which need not be kept.
    /// </param>
    public DomainEstimator(SurveyDesign design, int measures, BandCuts bands, bool distributions = true)
        : this(design, measures, bands, Enumerable.Range(0, measures).Select(_ => new ValueIndex()).ToArray(), distributions)
    {
    }

    private DomainEstimator(SurveyDesign design, int measures, BandCuts bands, ValueIndex[] values, bool distributions)
    {
        _design = design;
        _measures = measures;
        _bands = bands;
        _values = values;
        _valueIds = new int[measures];
        _distributions = distributions;
    }

    /// <summary>
    /// New domains, each the union of some of these domains (cells): the same estimates as if every
    /// survey had been added to the new domains directly. <paramref name="domainsOf"/> gives, for each
    /// cell, the new domains it belongs to (one per level, say).
    /// </summary>
    public DomainEstimator Regroup(Func<int, ReadOnlySpan<int>> domainsOf)
    {
        var regrouped = new DomainEstimator(_design, _measures, _bands, _values, _distributions) { _surveys = _surveys };
        for (var cell = 0; cell < _rows.Count; cell++)
        {
            foreach (var domain in domainsOf(cell))
            {
                var states = regrouped.StatesOf(domain);
                regrouped._rows[domain] += _rows[cell];
                for (var m = 0; m < _measures; m++) states[m].Merge(_states[cell][m]);
            }
        }
        return regrouped;
    }

    public int DomainCount => _rows.Count;
    public int MeasureCount => _measures;

    /// <summary>The surveys added to a domain (n_rows), whatever their measures.</summary>
    public long Rows(int domain) => domain < _rows.Count ? _rows[domain] : 0;

    /// <summary>
    /// Adds a survey to a domain. <paramref name="stratum"/> and <paramref name="psu"/> are what
    /// <see cref="SurveyDesign.AddSurvey"/> gave for it; <paramref name="values"/> has one entry per
    /// measure, NaN where the measure is missing.
    /// </summary>
    public void Add(int domain, int stratum, int psu, double weight, ReadOnlySpan<double> values) =>
        Add([domain], stratum, psu, weight, values);

    /// <summary>Adds a survey to each of several domains (one per level, say).</summary>
    public void Add(ReadOnlySpan<int> domains, int stratum, int psu, double weight, ReadOnlySpan<double> values)
    {
        if (!_design.Stratified) stratum = 0;
        for (var m = 0; m < values.Length; m++)
            _valueIds[m] = double.IsNaN(values[m]) ? -1 : _distributions ? _values[m].IdOf(values[m]) : 0;
        Span<int> band = stackalloc int[values.Length];
        for (var m = 0; m < values.Length; m++) band[m] = (int)_bands.Of(values[m]);
        var survey = _surveys++;
        foreach (var domain in domains)
        {
            var states = StatesOf(domain);
            _rows[domain]++;
            for (var m = 0; m < values.Length; m++)
            {
                if (_valueIds[m] < 0) continue;
                states[m].Add(values[m], _distributions ? _valueIds[m] : -1, band[m], weight, stratum, psu, survey);
            }
        }
    }

    private MeasureState[] StatesOf(int domain)
    {
        while (_rows.Count <= domain)
        {
            _rows.Add(0);
            var states = new MeasureState[_measures];
            for (var m = 0; m < _measures; m++) states[m] = new MeasureState(_design.Clustered);
            _states.Add(states);
        }
        return _states[domain];
    }

    /// <summary>The estimates of a measure in a domain, withheld when fewer than <paramref name="minCell"/> surveys have the measure.</summary>
    public DomainEstimate Estimate(int domain, int measure, int minCell)
    {
        var rows = Rows(domain);
        if (domain >= _rows.Count) return DomainEstimate.Withheld(rows);
        var s = _states[domain][measure];
        if (s.N < minCell || s.N == 0) return DomainEstimate.Withheld(rows);

        // Around the shift: a domain whose values are all equal has exactly that value as its mean
        // (Σw·y / Σw can miss it by a unit in the last place, e.g. one survey of 2/3 with weight 3.1).
        var mean = s.Shift + s.ShiftedSum / s.WeightSum;
        var se = Math.Sqrt(Variance(s, mean));
        var z = ConfidenceLevel.Z95;
        Span<double> quartiles = stackalloc double[3];
        if (_distributions) s.Quantiles.Compute(_values[measure], s.N, QuartileProbabilities, quartiles);
        else quartiles.Fill(double.NaN);
        var shares = _distributions ? 1.0 : double.NaN;
        return new DomainEstimate(
            rows, s.N, s.WeightSum, mean, se, mean - z * se, mean + z * se,
            s.WeightSum * s.WeightSum / s.WeightSquareSum,
            quartiles[1], quartiles[0], quartiles[2],
            shares * s.BandWeight(Band.Low) / s.WeightSum,
            shares * s.BandWeight(Band.Medium) / s.WeightSum,
            shares * s.BandWeight(Band.High) / s.WeightSum,
            false);
    }

    private double Variance(MeasureState s, double mean)
    {
        var d = mean - s.Shift;          // ȳ − c: deviations from the mean are (y − c) − d
        var total = s.WeightSum;
        double variance = 0;
        if (_design.Clustered)
        {
            // Linearised PSU totals t = Σ w (y − ȳ) / W, centred within each stratum over all its PSUs;
            // the PSUs without a survey of the domain have t = 0.
            var sumByStratum = new Dictionary<int, (double Sum, int Touched)>();
            foreach (var (psu, sums) in s.Psus!)
            {
                var t = (sums.Shifted - d * sums.Weight) / total;
                var h = _design.StratumOfPsu(psu);
                sumByStratum.TryGetValue(h, out var acc);
                sumByStratum[h] = (acc.Sum + t, acc.Touched + 1);
            }
            var squares = new Dictionary<int, double>();
            foreach (var (psu, sums) in s.Psus!)
            {
                var t = (sums.Shifted - d * sums.Weight) / total;
                var h = _design.StratumOfPsu(psu);
                var n = _design.PsuCount(h);
                var centre = n > 1 ? sumByStratum[h].Sum / n : 0;   // a lonely PSU is not centred
                squares.TryGetValue(h, out var sq);
                squares[h] = sq + (t - centre) * (t - centre);
            }
            foreach (var (h, (sum, touched)) in sumByStratum)
            {
                var n = _design.PsuCount(h);
                if (n > 1)
                {
                    var centre = sum / n;
                    var centred = squares[h] + (n - touched) * centre * centre;
                    variance += n / (n - 1.0) * centred;
                }
                else variance += squares[h];
            }
        }
        else
        {
            // Every survey is its own PSU: Σ_i t_i and Σ_i t_i² per stratum come from the shifted sums.
            for (var h = 0; h * StratumSums.Stride < s.Strata.Length; h++)
            {
                var st = s.Strata.AsSpan(h * StratumSums.Stride, StratumSums.Stride);
                if (st[StratumSums.Weight] == 0) continue;
                var sum = (st[StratumSums.Shifted] - d * st[StratumSums.Weight]) / total;
                var squares = (st[StratumSums.ShiftedSquare] - 2 * d * st[StratumSums.WeightSquareShifted] + d * d * st[StratumSums.WeightSquare]) / (total * total);
                var n = _design.PsuCount(h);
                variance += n > 1 ? n / (n - 1.0) * (squares - sum * sum / n) : squares;
            }
        }
        return Math.Max(variance, 0);
    }

    /// <summary>Positions of the shifted sums of one stratum in <see cref="MeasureState.Strata"/>.</summary>
    private static class StratumSums
    {
        public const int Weight = 0, Shifted = 1, WeightSquare = 2, WeightSquareShifted = 3, ShiftedSquare = 4, Stride = 5;
    }

    private sealed class MeasureState(bool clustered)
    {
        public long N;
        public double WeightSum, WeightSquareSum, ShiftedSum;
        public double Shift = double.NaN;
        public double BandLow, BandMedium, BandHigh;
        public readonly ValueWeights Quantiles = new();
        /// <summary>Without clusters: the shifted sums of each stratum, <see cref="StratumSums.Stride"/> per stratum.</summary>
        public double[] Strata = new double[StratumSums.Stride];
        /// <summary>With clusters: the weight and shifted sum of each PSU of the domain.</summary>
        public readonly Dictionary<int, (double Weight, double Shifted)>? Psus = clustered ? [] : null;

        public double BandWeight(Band band) => band switch { Band.Low => BandLow, Band.Medium => BandMedium, _ => BandHigh };

        public void Add(double y, int valueId, int band, double w, int stratum, int psu, long survey)
        {
            if (N == 0) Shift = y;
            N++;
            WeightSum += w;
            var ww = w * w;
            WeightSquareSum += ww;
            switch (band)
            {
                case (int)Band.Low: BandLow += w; break;
                case (int)Band.Medium: BandMedium += w; break;
                default: BandHigh += w; break;
            }
            if (valueId >= 0) Quantiles.Add(valueId, w, survey);
            var shifted = y - Shift;
            var wShifted = w * shifted;
            ShiftedSum += wShifted;
            if (Psus is not null)
            {
                ref var p = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Psus, psu, out _);
                p = (p.Weight + w, p.Shifted + wShifted);
                return;
            }
            var at = stratum * StratumSums.Stride;
            if (at >= Strata.Length) Array.Resize(ref Strata, Math.Max(Strata.Length * 2, at + StratumSums.Stride));
            ref var s = ref Strata[at];
            System.Runtime.CompilerServices.Unsafe.Add(ref s, StratumSums.Weight) += w;
            System.Runtime.CompilerServices.Unsafe.Add(ref s, StratumSums.Shifted) += wShifted;
            System.Runtime.CompilerServices.Unsafe.Add(ref s, StratumSums.WeightSquare) += ww;
            System.Runtime.CompilerServices.Unsafe.Add(ref s, StratumSums.WeightSquareShifted) += ww * shifted;
            System.Runtime.CompilerServices.Unsafe.Add(ref s, StratumSums.ShiftedSquare) += ww * shifted * shifted;
        }

        /// <summary>
        /// Adds another domain's surveys. Its sums are moved from its shift c_s to this one's c_t with
        /// y − c_t = (y − c_s) + δ, δ = c_s − c_t; equal shifts (a domain of equal values) stay exact.
        /// </summary>
        public void Merge(MeasureState other)
        {
            if (other.N == 0) return;
            if (N == 0) Shift = other.Shift;
            var delta = other.Shift - Shift;
            N += other.N;
            WeightSum += other.WeightSum;
            WeightSquareSum += other.WeightSquareSum;
            ShiftedSum += other.ShiftedSum + delta * other.WeightSum;
            BandLow += other.BandLow;
            BandMedium += other.BandMedium;
            BandHigh += other.BandHigh;
            Quantiles.Merge(other.Quantiles);
            if (Psus is not null)
            {
                foreach (var (psu, sums) in other.Psus!)
                {
                    ref var p = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Psus, psu, out _);
                    p = (p.Weight + sums.Weight, p.Shifted + sums.Shifted + delta * sums.Weight);
                }
                return;
            }
            if (other.Strata.Length > Strata.Length) Array.Resize(ref Strata, other.Strata.Length);
            for (var at = 0; at < other.Strata.Length; at += StratumSums.Stride)
            {
                var o = other.Strata.AsSpan(at, StratumSums.Stride);
                var t = Strata.AsSpan(at, StratumSums.Stride);
                t[StratumSums.ShiftedSquare] += o[StratumSums.ShiftedSquare] + 2 * delta * o[StratumSums.WeightSquareShifted] + delta * delta * o[StratumSums.WeightSquare];
                t[StratumSums.WeightSquareShifted] += o[StratumSums.WeightSquareShifted] + delta * o[StratumSums.WeightSquare];
                t[StratumSums.Shifted] += o[StratumSums.Shifted] + delta * o[StratumSums.Weight];
                t[StratumSums.WeightSquare] += o[StratumSums.WeightSquare];
                t[StratumSums.Weight] += o[StratumSums.Weight];
            }
        }
    }
}
