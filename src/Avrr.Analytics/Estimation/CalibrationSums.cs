using System.Runtime.InteropServices;
using Avrr.Analytics.Calibration;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// What the residuals of a calibrated design need from every survey of the sample, whatever its domain: the
/// calibrated weight of each calibration cell in each PSU (with clusters) or each stratum (Σw and Σw², every survey
/// its own PSU), and each cell's weight in the whole sample. One object is shared by a run's estimator and every
/// estimator regrouped from it; it is complete once the last survey is added, before any variance is asked for.
/// <para>
/// The residuals are R's (<c>svyrecvar</c> of a design from <c>calibrate</c> or <c>postStratify</c>): the linearised
/// values z_i = w_i u_i (u_i = (y_i − ȳ)/W in the domain, 0 outside) are replaced by w_i (u_i − x_i'β), β the
/// regression of u on the calibration's indicators x weighted by the base weights w_i / g_i over the whole sample,
/// β = (Σ_i (w_i/g_i) x_i x_i')⁺ Σ_i (w_i/g_i) x_i u_i. With categorical margins x_i'β is one number per calibration
/// cell c, b_c, so a PSU's total is its domain total less Σ_c (the PSU's calibrated weight of c) · b_c.
/// </para>
/// </summary>
internal sealed class CalibrationSums(CalibratedWeights calibration, bool clustered)
{
    private readonly double[] _cellWeight = new double[calibration.Cells.Count];
    /// <summary>With clusters: per PSU, per cell, Σw.</summary>
    private readonly Dictionary<int, Dictionary<int, double>>? _psus = clustered ? [] : null;
    /// <summary>Without clusters: per stratum, per cell, (Σw, Σw²).</summary>
    private readonly List<Dictionary<int, (double Weight, double Square)>> _strata = [];
    private double[,]? _inverse;
    private readonly Lock _lock = new();

    public CalibratedWeights Calibration { get; } = calibration;

    /// <summary>The key of a (stratum, calibration cell) in a domain's sums.</summary>
    public static long Key(int stratum, int cell) => ((long)stratum << 32) | (uint)cell;

    public static int CellOfKey(long key) => (int)(key & 0xFFFFFFFF);

    public static int StratumOfKey(long key) => (int)(key >> 32);

    public void Add(int stratum, int psu, int cell, double weight)
    {
        _inverse = null;
        _cellWeight[cell] += weight;
        if (_psus is not null)
        {
            ref var cells = ref CollectionsMarshal.GetValueRefOrAddDefault(_psus, psu, out _);
            cells ??= [];
            ref var w = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, cell, out _);
            w += weight;
            return;
        }
        while (_strata.Count <= stratum) _strata.Add([]);
        ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(_strata[stratum], cell, out _);
        s = (s.Weight + weight, s.Square + weight * weight);
    }

    /// <summary>With clusters: every PSU of the sample with its calibrated weight per cell.</summary>
    public IEnumerable<KeyValuePair<int, Dictionary<int, double>>> Psus => _psus!;

    /// <summary>Without clusters: the strata of the sample, each with (Σw, Σw²) per cell.</summary>
    public IReadOnlyList<Dictionary<int, (double Weight, double Square)>> Strata => _strata;

    /// <summary>
    /// The fitted value b_c = x_c'β of every cell, from Σ_i (w_i/g_i) x_i u_i given per column
    /// (<paramref name="columnSums"/>): β = M⁺ columnSums, M = Σ_c (Σ_c w / g_c) x_c x_c'.
    /// </summary>
    public double[] Fitted(ReadOnlySpan<double> columnSums)
    {
        var inverse = Inverse();
        var beta = Calibration.SymmetricTimes(inverse, columnSums);
        var fitted = new double[_cellWeight.Length];
        for (var c = 0; c < fitted.Length; c++)
        {
            double b = 0;
            foreach (var k in Calibration.Columns(c)) b += beta[k];
            fitted[c] = b;
        }
        return fitted;
    }

    private double[,] Inverse()
    {
        if (_inverse is { } done) return done;
        lock (_lock)
        {
            if (_inverse is not null) return _inverse;
            var p = Calibration.ColumnCount;
            var m = new double[p, p];
            for (var c = 0; c < _cellWeight.Length; c++)
            {
                var baseWeight = _cellWeight[c] / Calibration.G(c);
                foreach (var i in Calibration.Columns(c)) foreach (var j in Calibration.Columns(c)) m[i, j] += baseWeight;
            }
            return _inverse = Calibration.PseudoInverse(m);
        }
    }
}
