using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avrr.Analytics.Calibration;
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
/// (R's <c>options(survey.lonely.psu = "adjust")</c>). A domain whose surveys lie in a single PSU has
/// no standard error (docs/methodology.md, "Confidence intervals"). Differences between domains have
/// theirs from the same sums (<see cref="Difference"/>).
/// </para>
/// <para>
/// The t intervals and tests use each estimate's own degrees of freedom by default, the PSUs that contribute to it
/// minus the strata they lie in (<see cref="DegreesOfFreedomRule.Domain"/>), counted from the same sums: a domain
/// merged from cells or from partials has the degrees of freedom of its surveys added one by one.
/// </para>
/// <para>
/// Sums are kept around a shift (the domain's first value) so that the variance does not come from the
/// difference of two large numbers: a domain whose values are all equal gets a standard error of 0.
/// Weights are taken relative to the first survey's weight when that one is extreme (far from 1), so that
/// weights of 1e160 or 1e-320 give the estimates of weights of 1.
/// </para>
/// <para>
/// Every statistic is a sum, so domains can also be built from finer ones (<see cref="Regroup"/>): a run
/// adds each survey once, to the cell of its combination of grouping values, and each level's groups are
/// merged from cells at the end, instead of adding every survey to a domain of every level. The cells'
/// sums can also be written out and added to another run's (<see cref="Export"/>, <see cref="Import"/>):
/// partials that merge exactly (docs/partials.md).
/// </para>
/// </summary>
public sealed partial class DomainEstimator
{
    private static readonly double[] QuartileProbabilities = [0.25, 0.5, 0.75];

    /// <summary>Weights in [2^-256, 2^256] are used as they are: their squares summed over any sample stay far inside the range of doubles.</summary>
    private static readonly double SmallestPlainWeight = Math.ScaleB(1, -256), LargestPlainWeight = Math.ScaleB(1, 256);

    private readonly SurveyDesign _design;
    private readonly int _measures;
    private readonly BandCuts _bands;
    private readonly ValueIndex[] _values;
    private readonly List<long> _rows = [];
    private readonly List<MeasureState[]> _states = [];
    private readonly List<double[]> _cross = [];   // per domain: cross-product sums of the measure pairs, CrossSums.Stride per (stratum, pair)
    private readonly (int First, int Second)[] _pairs;
    private readonly int[] _valueIds;
    private readonly IntervalMethod _intervals;
    private readonly DegreesOfFreedomRule _df;
    private readonly bool _distributions;
    private long _surveys;      // surveys added so far: the order that decides which tied survey came last
    private double _weightScale; // the weights are divided by this; 0 until the first survey
    private readonly Dictionary<long, double> _quantiles = [];   // the interval's quantile by degrees of freedom
    private readonly CalibrationSums? _calibration;   // the calibrated design's sums over every survey (null without calibration)

    /// <param name="design">The survey design, built over the same surveys.</param>
    /// <param name="measures">How many measures each survey carries.</param>
    /// <param name="bands">The cut points of the band shares.</param>
    /// <param name="distributions">
    /// Whether to keep what quantiles and band shares need (the weight of each distinct value). Panel
    /// changes report means only: their differences take many distinct values, which need not be kept.
    /// </param>
    /// <param name="intervals">How the 95% intervals are made: t, or normal.</param>
    /// <param name="degreesOfFreedom">Whose degrees of freedom the t intervals and tests use: each estimate's own (domain), or the design's.</param>
    /// <param name="crossMeasures">
    /// Measures whose pairwise cross-products are kept per stratum, so that the difference of two of them in
    /// one domain has its standard error without clusters (with clusters the PSU totals suffice).
    /// </param>
    /// <param name="calibration">
    /// The calibration of the weights (docs/methodology.md, "Calibration"), when the surveys are added with their
    /// calibrated weights and their calibration cells: the standard errors are then those of the calibrated design,
    /// from the residuals of the linearised values on the calibration's indicators (R's <c>svyrecvar</c> of a
    /// calibrated design).
    /// </param>
    public DomainEstimator(SurveyDesign design, int measures, BandCuts bands, bool distributions = true,
        IntervalMethod intervals = IntervalMethod.StudentT, IReadOnlyList<int>? crossMeasures = null,
        DegreesOfFreedomRule degreesOfFreedom = DegreesOfFreedomRule.Domain, CalibratedWeights? calibration = null)
        : this(design, measures, bands, Enumerable.Range(0, measures).Select(_ => new ValueIndex()).ToArray(), distributions, intervals,
            Pairs(design, crossMeasures ?? []), degreesOfFreedom, calibration is null ? null : new CalibrationSums(calibration, design.Clustered))
    {
    }

    private DomainEstimator(SurveyDesign design, int measures, BandCuts bands, ValueIndex[] values, bool distributions,
        IntervalMethod intervals, (int, int)[] pairs, DegreesOfFreedomRule degreesOfFreedom, CalibrationSums? calibration = null)
    {
        _calibration = calibration;
        _df = degreesOfFreedom;
        _design = design;
        _measures = measures;
        _bands = bands;
        _values = values;
        _valueIds = new int[measures];
        _distributions = distributions;
        _intervals = intervals;
        _pairs = pairs;
    }

    private static (int, int)[] Pairs(SurveyDesign design, IReadOnlyList<int> measures)
    {
        if (design.Clustered) return [];
        var pairs = new List<(int, int)>();
        for (var i = 0; i < measures.Count; i++)
            for (var j = i + 1; j < measures.Count; j++) pairs.Add((Math.Min(measures[i], measures[j]), Math.Max(measures[i], measures[j])));
        return [.. pairs];
    }

    /// <summary>
    /// New domains, each the union of some of these domains (cells): the same estimates as if every
    /// survey had been added to the new domains directly. <paramref name="domainsOf"/> gives, for each
    /// cell, the new domains it belongs to (one per level, say). Without <paramref name="distributions"/>
    /// the new domains have means, standard errors and differences only (no quantiles, no band shares);
    /// without <paramref name="crossProducts"/> they have no differences between two measures of one domain.
    /// </summary>
    public DomainEstimator Regroup(Func<int, ReadOnlySpan<int>> domainsOf, bool distributions = true, bool crossProducts = true)
    {
        var regrouped = new DomainEstimator(_design, _measures, _bands, _values, _distributions && distributions, _intervals, crossProducts ? _pairs : [], _df, _calibration)
        {
            _surveys = _surveys,
            _weightScale = _weightScale,
        };
        Span<double> deltas = stackalloc double[_measures];
        for (var cell = 0; cell < _rows.Count; cell++)
        {
            foreach (var domain in domainsOf(cell))
            {
                var states = regrouped.StatesOf(domain);
                regrouped._rows[domain] += _rows[cell];
                var cross = regrouped._pairs.Length > 0;
                // The moves of the cell's shifts to the domain's, taken before the merge sets a new domain's shifts.
                if (cross) for (var m = 0; m < _measures; m++) deltas[m] = states[m].N == 0 ? 0 : _states[cell][m].Shift - states[m].Shift;
                for (var m = 0; m < _measures; m++) states[m].Merge(_states[cell][m], regrouped._distributions);
                if (cross) MergeCross(regrouped, domain, cell, deltas);
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

    /// <summary>
    /// Adds a survey to each of several domains (one per level, say). With a calibration, <paramref name="calibrationCell"/>
    /// is the survey's calibration cell and <paramref name="weight"/> its calibrated weight.
    /// </summary>
    public void Add(ReadOnlySpan<int> domains, int stratum, int psu, double weight, ReadOnlySpan<double> values, int calibrationCell = -1)
    {
        if (!_design.Stratified) stratum = 0;
        if (_weightScale == 0) _weightScale = weight >= SmallestPlainWeight && weight <= LargestPlainWeight ? 1 : weight;
        if (_weightScale != 1) weight /= _weightScale;
        long calibrationKey = -1;
        if (_calibration is not null)
        {
            if (calibrationCell < 0) throw new ArgumentOutOfRangeException(nameof(calibrationCell), "A calibrated design needs each survey's calibration cell.");
            _calibration.Add(stratum, psu, calibrationCell, weight);
            calibrationKey = CalibrationSums.Key(_design.Clustered ? 0 : stratum, calibrationCell);
        }
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
                states[m].Add(values[m], _distributions ? _valueIds[m] : -1, band[m], weight, stratum, psu, survey, calibrationKey);
            }
            if (_pairs.Length > 0) AddCross(domain, states, stratum, weight, values);
        }
    }

    private MeasureState[] StatesOf(int domain)
    {
        while (_rows.Count <= domain)
        {
            _rows.Add(0);
            var states = new MeasureState[_measures];
            for (var m = 0; m < _measures; m++) states[m] = new MeasureState(_design.Clustered, _calibration is not null);
            _states.Add(states);
            _cross.Add(_pairs.Length > 0 ? new double[_pairs.Length * CrossSums.Stride] : []);
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
        var psus = PsusOf(s);
        string? note = null;
        var se = double.NaN;
        if (psus < 2) note = EstimateNotes.OnePsu;
        else se = Math.Sqrt(Variance(s, mean));
        var effectiveN = s.WeightSum * s.WeightSum / s.WeightSquareSum;
        var weightSum = s.WeightSum * _weightScale;
        if (!double.IsFinite(weightSum))
        {
            weightSum = double.NaN;
            note = EstimateNotes.Join(note, EstimateNotes.WeightSumTooLarge);
        }
        if (!double.IsFinite(mean) || !double.IsFinite(effectiveN) || double.IsInfinity(se) || (psus >= 2 && double.IsNaN(se)))
        {
            (mean, se, effectiveN) = (Finite(mean), Finite(se), Finite(effectiveN));
            note = EstimateNotes.Join(note, EstimateNotes.WeightsTooFarApart);
        }
        var df = DegreesOfFreedomOf(psus, StrataOf(s, null));
        var (low, high) = Interval(mean, se, df, ref note);
        Span<double> quartiles = stackalloc double[3];
        if (_distributions && s.Quantiles is not null) s.Quantiles.Compute(_values[measure], s.N, QuartileProbabilities, quartiles);
        else quartiles.Fill(double.NaN);
        var shares = _distributions ? 1.0 : double.NaN;
        return new DomainEstimate(
            rows, s.N, weightSum, mean, se, psus, df, low, high, effectiveN,
            quartiles[1], quartiles[0], quartiles[2],
            Finite(shares * s.BandWeight(Band.Low) / s.WeightSum),
            Finite(shares * s.BandWeight(Band.Medium) / s.WeightSum),
            Finite(shares * s.BandWeight(Band.High) / s.WeightSum),
            false, note);
    }

    /// <summary>
    /// The difference between the mean of <paramref name="measure"/> in <paramref name="domain"/> and the mean
    /// of <paramref name="referenceMeasure"/> in <paramref name="reference"/>, with the standard error of the
    /// linearised contrast: z_i = z_i(group) − z_i(reference), whose PSU totals give the variance as for a
    /// mean (R's <c>svycontrast</c> of <c>svyby</c> or <c>svyratio</c> with <c>covmat = TRUE</c>;
    /// docs/methodology.md, "Comparisons"). With clusters the PSU totals of both sides are kept; without,
    /// the surveys the two sides share (<paramref name="overlap"/>) give the cross term from the sums of the
    /// smaller side, or from the kept cross-products of two measures. Withheld when either side has fewer
    /// than <paramref name="minCell"/> surveys; no standard error when either side lies in a single PSU.
    /// </summary>
    public DomainDifference Difference(int domain, int measure, int reference, int referenceMeasure, DomainOverlap overlap, int minCell)
    {
        var a = domain < _rows.Count ? _states[domain][measure] : null;
        var b = reference < _rows.Count ? _states[reference][referenceMeasure] : null;
        if (a is null || a.N < minCell || a.N == 0) return DomainDifference.Withheld(EstimateNotes.GroupSuppressed);
        if (b is null || b.N < minCell || b.N == 0) return DomainDifference.Withheld(EstimateNotes.ReferenceSuppressed);
        if (overlap == DomainOverlap.SameSurveys && domain != reference)
            throw new ArgumentException("Two measures of one domain share their surveys; two domains do not.", nameof(overlap));

        var meanA = a.Shift + a.ShiftedSum / a.WeightSum;
        var meanB = b.Shift + b.ShiftedSum / b.WeightSum;
        var estimate = meanA - meanB;
        double psusA = PsusOf(a), psusB = PsusOf(b);
        string? note = null;
        var se = double.NaN;
        if (psusA < 2) note = EstimateNotes.OnePsu;
        else if (psusB < 2) note = EstimateNotes.OnePsuInReference;
        else
        {
            var variance = _calibration is not null ? CalibratedDifferenceVariance(a, meanA, b, meanB, overlap, domain, measure, referenceMeasure)
                : _design.Clustered
                ? PsuVariance(DifferenceTotals(a, meanA, b, meanB))
                : StratumDifferenceVariance(a, meanA, b, meanB, overlap, domain, measure, referenceMeasure);
            se = Math.Sqrt(Math.Max(variance, 0));
        }
        if (!double.IsFinite(estimate) || double.IsInfinity(se) || (psusA >= 2 && psusB >= 2 && double.IsNaN(se)))
        {
            (estimate, se) = (Finite(estimate), Finite(se));
            note = EstimateNotes.Join(note, EstimateNotes.WeightsTooFarApart);
        }
        var (contrastPsus, contrastStrata) = ContrastPsus(a, b, overlap, domain, measure, referenceMeasure);
        var df = DegreesOfFreedomOf(contrastPsus, contrastStrata);
        var (low, high) = Interval(estimate, se, df, ref note);
        var p = double.IsNaN(low) ? double.NaN : ConfidenceIntervals.PValue(_intervals, df, estimate, se);
        return new DomainDifference(estimate, se, contrastPsus, df, low, high, p, a.N, b.N, psusA, psusB, false, note);
    }

    /// <summary>
    /// The degrees of freedom of an estimate from <paramref name="psus"/> PSUs in <paramref name="strata"/> strata:
    /// PSUs − strata, at least 1 (the domain rule), or the whole design's (docs/methodology.md, "Degrees of freedom").
    /// </summary>
    private long DegreesOfFreedomOf(double psus, long strata) =>
        _df == DegreesOfFreedomRule.Design ? _design.DegreesOfFreedom : Math.Max(1, (long)psus - strata);

    /// <summary>
    /// The strata with a survey of a domain that has the measure: those of its PSUs with clusters, those whose sums
    /// hold a survey without; with <paramref name="seen"/>, also the strata of another side already in it.
    /// </summary>
    private long StrataOf(MeasureState s, HashSet<int>? seen)
    {
        if (!_design.Stratified && seen is null) return s.N > 0 ? 1 : 0;
        seen ??= [];
        if (s.Psus is not null)
            foreach (var psu in s.Psus.Keys) seen.Add(_design.StratumOfPsu(psu));
        else
            for (var h = 0; h * StratumSums.Stride < s.Strata.Length; h++)
                if (s.Strata[h * StratumSums.Stride + StratumSums.Weight] != 0) seen.Add(h);
        return seen.Count;
    }

    /// <summary>
    /// The PSUs that contribute to a difference (with a survey of either side) and the strata they lie in. With
    /// clusters, the union of the two sides' PSUs; without, the surveys of either side: both sides' for disjoint
    /// domains, the reference's for a group within it, and for two measures of one domain those with either
    /// measure (both sides' less those with both, which the kept cross-products count).
    /// </summary>
    private (double Psus, long Strata) ContrastPsus(MeasureState a, MeasureState b, DomainOverlap overlap, int domain, int measure, int referenceMeasure)
    {
        var strata = new HashSet<int>();
        StrataOf(a, strata);
        StrataOf(b, strata);
        if (a.Psus is not null)
        {
            var union = new HashSet<int>(a.Psus.Keys);
            union.UnionWith(b.Psus!.Keys);
            return (union.Count, strata.Count);
        }
        var psus = overlap switch
        {
            DomainOverlap.Disjoint => a.N + b.N,
            DomainOverlap.Nested => b.N,
            _ => a.N + b.N - BothMeasures(domain, measure, referenceMeasure),
        };
        return (psus, strata.Count);
    }

    /// <summary>Without clusters: the surveys of a domain that have both measures, from the kept cross-products.</summary>
    private long BothMeasures(int domain, int measure, int referenceMeasure)
    {
        var pair = Array.IndexOf(_pairs, (Math.Min(measure, referenceMeasure), Math.Max(measure, referenceMeasure)));
        if (pair < 0) return 0;
        var cross = _cross[domain];
        double both = 0;
        for (var at = pair * CrossSums.Stride; at < cross.Length; at += _pairs.Length * CrossSums.Stride) both += cross[at + CrossSums.Count];
        return (long)both;
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : double.NaN;

    private double PsusOf(MeasureState s) => _design.Clustered ? s.Psus!.Count : s.N;

    /// <summary>estimate ∓ q·se, q the t quantile with <paramref name="df"/> degrees of freedom (or the normal one).</summary>
    private (double Low, double High) Interval(double estimate, double se, long df, ref string? note)
    {
        if (double.IsNaN(se)) return (double.NaN, double.NaN);
        if (!_quantiles.TryGetValue(df, out var quantile)) _quantiles[df] = quantile = ConfidenceIntervals.Quantile(_intervals, df);
        if (double.IsNaN(quantile))
        {
            note = EstimateNotes.Join(note, EstimateNotes.NoDegreesOfFreedom);
            return (double.NaN, double.NaN);
        }
        return (estimate - quantile * se, estimate + quantile * se);
    }

    private double Variance(MeasureState s, double mean)
    {
        if (_calibration is not null) return CalibratedVariance(s, mean);
        var d = mean - s.Shift;          // ȳ − c: deviations from the mean are (y − c) − d
        var total = s.WeightSum;
        if (_design.Clustered)
        {
            // Linearised PSU totals t = Σ w (y − ȳ) / W; the PSUs without a survey of the domain have t = 0.
            var totals = new List<(int Psu, double T)>(s.Psus!.Count);
            foreach (var (psu, sums) in s.Psus!) totals.Add((psu, (sums.Shifted - d * sums.Weight) / total));
            return PsuVariance(totals);
        }
        // Every survey is its own PSU: Σ_i t_i and Σ_i t_i² per stratum come from the shifted sums.
        double variance = 0;
        for (var h = 0; h * StratumSums.Stride < s.Strata.Length; h++)
        {
            var st = s.Strata.AsSpan(h * StratumSums.Stride, StratumSums.Stride);
            if (st[StratumSums.Weight] == 0) continue;
            var (sum, squares) = StratumTotals(st, d, total);
            var n = _design.PsuCount(h);
            variance += n > 1 ? n / (n - 1.0) * (squares - sum * sum / n) : squares;
        }
        return Math.Max(variance, 0);
    }

    /// <summary>Σ_i t_i and Σ_i t_i² of one stratum's surveys (each its own PSU), t_i = w_i (y_i − ȳ) / W, from its shifted sums.</summary>
    private static (double Sum, double Squares) StratumTotals(ReadOnlySpan<double> st, double d, double total) =>
        ((st[StratumSums.Shifted] - d * st[StratumSums.Weight]) / total,
         (st[StratumSums.ShiftedSquare] - 2 * d * st[StratumSums.WeightSquareShifted] + d * d * st[StratumSums.WeightSquare]) / (total * total));

    /// <summary>
    /// V = Σ_h n_h/(n_h − 1) Σ_j (t_hj − t̄_h)² over the PSUs of every stratum, from the totals of the PSUs
    /// that have one (the others have t = 0); a lonely PSU contributes t².
    /// </summary>
    private double PsuVariance(List<(int Psu, double T)> totals)
    {
        // Centred within each stratum over all its PSUs, in two passes (the centre first), so that the
        // squares are of deviations and not differences of large sums.
        var sumByStratum = new Dictionary<int, (double Sum, int Touched)>();
        foreach (var (psu, t) in totals)
        {
            var h = _design.StratumOfPsu(psu);
            sumByStratum.TryGetValue(h, out var acc);
            sumByStratum[h] = (acc.Sum + t, acc.Touched + 1);
        }
        var squares = new Dictionary<int, double>();
        foreach (var (psu, t) in totals)
        {
            var h = _design.StratumOfPsu(psu);
            var n = _design.PsuCount(h);
            var centre = n > 1 ? sumByStratum[h].Sum / n : 0;   // a lonely PSU is not centred
            squares.TryGetValue(h, out var sq);
            squares[h] = sq + (t - centre) * (t - centre);
        }
        double variance = 0;
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
        return Math.Max(variance, 0);
    }

    /// <summary>The PSU totals of the contrast z(group) − z(reference), over the PSUs where either side has a survey.</summary>
    private static List<(int Psu, double T)> DifferenceTotals(MeasureState a, double meanA, MeasureState b, double meanB)
    {
        var totals = new Dictionary<int, double>(a.Psus!.Count + b.Psus!.Count);
        double dA = meanA - a.Shift, dB = meanB - b.Shift;
        foreach (var (psu, sums) in a.Psus!) totals[psu] = (sums.Shifted - dA * sums.Weight) / a.WeightSum;
        foreach (var (psu, sums) in b.Psus!)
        {
            ref var t = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, psu, out _);
            t -= (sums.Shifted - dB * sums.Weight) / b.WeightSum;
        }
        var list = new List<(int Psu, double T)>(totals.Count);
        foreach (var (psu, t) in totals) list.Add((psu, t));
        return list;
    }

    /// <summary>
    /// Without clusters: per stratum, Σ z and Σ z² of the contrast z_i = a_i − b_i, with Σ z² = Σ a² + Σ b² − 2 Σ a·b;
    /// Σ a·b runs over the surveys both sides share: none (disjoint), the group's (nested, same measure), or
    /// the domain's surveys with both measures (the kept cross-products).
    /// </summary>
    private double StratumDifferenceVariance(MeasureState a, double meanA, MeasureState b, double meanB, DomainOverlap overlap,
        int domain, int measure, int referenceMeasure, (double[] Sum, double[] Squares)? calibrated = null)
    {
        double dA = meanA - a.Shift, dB = meanB - b.Shift;
        double wA = a.WeightSum, wB = b.WeightSum;
        var pair = -1;
        if (overlap == DomainOverlap.SameSurveys)
        {
            pair = Array.IndexOf(_pairs, (Math.Min(measure, referenceMeasure), Math.Max(measure, referenceMeasure)));
            if (pair < 0 || measure == referenceMeasure)
                throw new InvalidOperationException($"The cross-products of measures {measure} and {referenceMeasure} were not kept (crossMeasures).");
        }
        var cross = pair >= 0 ? _cross[domain] : null;
        // A calibrated design's residuals reach every stratum of the sample, with or without a survey of either side.
        var strata = Math.Max(Math.Max(a.Strata.Length, b.Strata.Length) / StratumSums.Stride, calibrated?.Sum.Length ?? 0);
        double variance = 0;
        for (var h = 0; h < strata; h++)
        {
            var at = h * StratumSums.Stride;
            var sa = at < a.Strata.Length ? a.Strata.AsSpan(at, StratumSums.Stride) : default;
            var sb = at < b.Strata.Length ? b.Strata.AsSpan(at, StratumSums.Stride) : default;
            var inA = !sa.IsEmpty && sa[StratumSums.Weight] != 0;
            var inB = !sb.IsEmpty && sb[StratumSums.Weight] != 0;
            if (!inA && !inB && calibrated is null) continue;
            var (sumA, squaresA) = inA ? StratumTotals(sa, dA, wA) : (0, 0);
            var (sumB, squaresB) = inB ? StratumTotals(sb, dB, wB) : (0, 0);
            double shared = 0;
            if (inA && inB && overlap == DomainOverlap.Nested)
            {
                // Σ_{group} w² (y − ȳ_A)(y − ȳ_B) around the group's shift c: y − ȳ_A = (y − c) − dA, y − ȳ_B = (y − c) − dB'.
                var dBa = meanB - a.Shift;
                shared = (sa[StratumSums.ShiftedSquare] - (dA + dBa) * sa[StratumSums.WeightSquareShifted] + dA * dBa * sa[StratumSums.WeightSquare]) / (wA * wB);
            }
            else if (inA && inB && cross is not null)
            {
                var c = h * _pairs.Length * CrossSums.Stride + pair * CrossSums.Stride;
                if (c < cross.Length)
                {
                    // The pair's first measure is the lower index; the deviations are of each measure from its own mean.
                    var (d1, d2) = measure < referenceMeasure ? (dA, dB) : (dB, dA);
                    shared = (cross[c + CrossSums.Product] - d2 * cross[c + CrossSums.FirstShifted] - d1 * cross[c + CrossSums.SecondShifted]
                        + d1 * d2 * cross[c + CrossSums.WeightSquare]) / (wA * wB);
                }
            }
            var sum = sumA - sumB;
            var squares = squaresA + squaresB - 2 * shared;
            if (calibrated is { } residual && h < residual.Sum.Length)
            {
                sum += residual.Sum[h];
                squares += residual.Squares[h];
            }
            var n = _design.PsuCount(h);
            if (n == 0) continue;
            variance += n > 1 ? n / (n - 1.0) * (squares - sum * sum / n) : squares;
        }
        return variance;
    }

    private void AddCross(int domain, MeasureState[] states, int stratum, double w, ReadOnlySpan<double> values)
    {
        var cross = _cross[domain];
        var at = stratum * _pairs.Length * CrossSums.Stride;
        if (at >= cross.Length)
        {
            Array.Resize(ref cross, Math.Max(cross.Length * 2, at + _pairs.Length * CrossSums.Stride));
            _cross[domain] = cross;
        }
        var ww = w * w;
        ref var sums = ref cross[at];
        foreach (var (first, second) in _pairs)
        {
            double a = values[first], b = values[second];
            if (!double.IsNaN(a + b))      // both present
            {
                var x = a - states[first].Shift;
                var y = b - states[second].Shift;
                var wwx = ww * x;
                Unsafe.Add(ref sums, CrossSums.WeightSquare) += ww;
                Unsafe.Add(ref sums, CrossSums.FirstShifted) += wwx;
                Unsafe.Add(ref sums, CrossSums.SecondShifted) += ww * y;
                Unsafe.Add(ref sums, CrossSums.Product) += wwx * y;
                Unsafe.Add(ref sums, CrossSums.Count) += 1;
            }
            sums = ref Unsafe.Add(ref sums, CrossSums.Stride);
        }
    }

    /// <summary>Adds a cell's cross-products to a domain's, moved from the cell's shifts to the domain's (δ per measure).</summary>
    private void MergeCross(DomainEstimator target, int domain, int cell, ReadOnlySpan<double> deltas)
    {
        var source = _cross[cell];
        var cross = target._cross[domain];
        if (source.Length > cross.Length)
        {
            Array.Resize(ref cross, source.Length);
            target._cross[domain] = cross;
        }
        for (var at = 0; at < source.Length; at += CrossSums.Stride)
        {
            var o = source.AsSpan(at, CrossSums.Stride);
            if (o[CrossSums.WeightSquare] == 0) continue;       // no survey with both measures: the shifts may not exist
            var (first, second) = _pairs[at / CrossSums.Stride % _pairs.Length];
            double d1 = deltas[first], d2 = deltas[second];
            var t = cross.AsSpan(at, CrossSums.Stride);
            t[CrossSums.Product] += o[CrossSums.Product] + d2 * o[CrossSums.FirstShifted] + d1 * o[CrossSums.SecondShifted] + d1 * d2 * o[CrossSums.WeightSquare];
            t[CrossSums.FirstShifted] += o[CrossSums.FirstShifted] + d1 * o[CrossSums.WeightSquare];
            t[CrossSums.SecondShifted] += o[CrossSums.SecondShifted] + d2 * o[CrossSums.WeightSquare];
            t[CrossSums.WeightSquare] += o[CrossSums.WeightSquare];
            t[CrossSums.Count] += o[CrossSums.Count];
        }
    }

    /// <summary>Positions of the sums of one (stratum, calibration cell) in <see cref="MeasureState.ByCalibrationCell"/>.</summary>
    private static class CellSums
    {
        public const int Weight = 0, Shifted = 1, WeightSquare = 2, WeightSquareShifted = 3, Stride = 4;
    }

    /// <summary>Positions of the shifted sums of one stratum in <see cref="MeasureState.Strata"/>.</summary>
    private static class StratumSums
    {
        public const int Weight = 0, Shifted = 1, WeightSquare = 2, WeightSquareShifted = 3, ShiftedSquare = 4, Stride = 5;
    }

    /// <summary>
    /// Positions of the cross-product sums of a measure pair (x = y_first − c_first, y = y_second − c_second) over
    /// the surveys of one stratum that have both: Σw², Σw²x, Σw²y, Σw²xy, and their number (for the degrees of freedom).
    /// </summary>
    private static class CrossSums
    {
        public const int WeightSquare = 0, FirstShifted = 1, SecondShifted = 2, Product = 3, Count = 4, Stride = 5;
    }

    private sealed class MeasureState(bool clustered, bool calibrated)
    {
        /// <summary>
        /// With a calibration: per (stratum, calibration cell) (the cell alone with clusters), Σw, Σw(y − c), Σw², Σw²(y − c)
        /// (<see cref="CellSums"/>), from which the residuals of the calibrated design are formed.
        /// </summary>
        public readonly Dictionary<long, double[]>? ByCalibrationCell = calibrated ? [] : null;

        public long N;
        public double WeightSum, WeightSquareSum, ShiftedSum;
        public double Shift = double.NaN;
        public double BandLow, BandMedium, BandHigh;
        /// <summary>The weight of each value, for the quantiles; made at the first value when distributions are kept.</summary>
        public ValueWeights? Quantiles;
        /// <summary>Without clusters: the shifted sums of each stratum, <see cref="StratumSums.Stride"/> per stratum.</summary>
        public double[] Strata = new double[StratumSums.Stride];
        /// <summary>With clusters: the weight and shifted sum of each PSU of the domain.</summary>
        public readonly Dictionary<int, (double Weight, double Shifted)>? Psus = clustered ? [] : null;

        public double BandWeight(Band band) => band switch { Band.Low => BandLow, Band.Medium => BandMedium, _ => BandHigh };

        public void Add(double y, int valueId, int band, double w, int stratum, int psu, long survey, long calibrationKey = -1)
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
            if (valueId >= 0) (Quantiles ??= new ValueWeights()).Add(valueId, w, survey);
            var shifted = y - Shift;
            var wShifted = w * shifted;
            ShiftedSum += wShifted;
            if (ByCalibrationCell is not null)
            {
                ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(ByCalibrationCell, calibrationKey, out _);
                sums ??= new double[CellSums.Stride];
                sums[CellSums.Weight] += w;
                sums[CellSums.Shifted] += wShifted;
                sums[CellSums.WeightSquare] += ww;
                sums[CellSums.WeightSquareShifted] += ww * shifted;
            }
            if (Psus is not null)
            {
                ref var p = ref CollectionsMarshal.GetValueRefOrAddDefault(Psus, psu, out _);
                p = (p.Weight + w, p.Shifted + wShifted);
                return;
            }
            var at = stratum * StratumSums.Stride;
            if (at >= Strata.Length) Array.Resize(ref Strata, Math.Max(Strata.Length * 2, at + StratumSums.Stride));
            ref var s = ref Strata[at];
            Unsafe.Add(ref s, StratumSums.Weight) += w;
            Unsafe.Add(ref s, StratumSums.Shifted) += wShifted;
            Unsafe.Add(ref s, StratumSums.WeightSquare) += ww;
            Unsafe.Add(ref s, StratumSums.WeightSquareShifted) += ww * shifted;
            Unsafe.Add(ref s, StratumSums.ShiftedSquare) += ww * shifted * shifted;
        }

        /// <summary>
        /// Adds another domain's surveys. Its sums are moved from its shift c_s to this one's c_t with
        /// y − c_t = (y − c_s) + δ, δ = c_s − c_t; equal shifts (a domain of equal values) stay exact.
        /// </summary>
        public void Merge(MeasureState other, bool distributions)
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
            if (distributions && other.Quantiles is not null) (Quantiles ??= new ValueWeights()).Merge(other.Quantiles);
            if (ByCalibrationCell is not null)
            {
                foreach (var (key, o) in other.ByCalibrationCell!)
                {
                    ref var t = ref CollectionsMarshal.GetValueRefOrAddDefault(ByCalibrationCell, key, out _);
                    t ??= new double[CellSums.Stride];
                    t[CellSums.Weight] += o[CellSums.Weight];
                    t[CellSums.Shifted] += o[CellSums.Shifted] + delta * o[CellSums.Weight];
                    t[CellSums.WeightSquare] += o[CellSums.WeightSquare];
                    t[CellSums.WeightSquareShifted] += o[CellSums.WeightSquareShifted] + delta * o[CellSums.WeightSquare];
                }
            }
            if (Psus is not null)
            {
                foreach (var (psu, sums) in other.Psus!)
                {
                    ref var p = ref CollectionsMarshal.GetValueRefOrAddDefault(Psus, psu, out _);
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
