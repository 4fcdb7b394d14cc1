using System.Runtime.InteropServices;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// The variances of a calibrated design (docs/methodology.md, "Calibration"), R's <c>svyrecvar</c> with the
/// calibration's residuals (<see cref="CalibrationSums"/>): the linearised values of an estimate, or of the
/// contrast of two, less their fitted values on the calibration's indicators, b_c per calibration cell. A PSU's
/// total then has a part from every survey of the sample, in the domain or not:
/// <code>
/// with clusters   t_j = Σ_{i ∈ j, domain} w_i u_i − Σ_c W_jc b_c                 (W_jc: PSU j's calibrated weight of cell c)
/// without         per stratum h, Σ t = Σ_domain w u − Σ_c b_c W_hc,
///                 Σ t² = Σ_domain w² u² − 2 Σ_c b_c P_hc + Σ_c b_c² Q_hc          (P_hc = Σ_{domain, h, c} w² u, Q_hc = Σ_{h, c} w²)
/// </code>
/// so the domain's sums per (stratum, calibration cell) and the sample's per PSU or stratum and cell suffice.
/// The degrees of freedom stay the estimate's own (its PSUs − their strata): calibration changes the weights, not the PSUs.
/// </summary>
public sealed partial class DomainEstimator
{
    private double CalibratedVariance(MeasureState s, double mean)
    {
        var fitted = Fitted(s, mean, null, 0);
        if (_design.Clustered)
        {
            var d = mean - s.Shift;
            var totals = new Dictionary<int, double>(s.Psus!.Count);
            foreach (var (psu, sums) in s.Psus!) totals[psu] = (sums.Shifted - d * sums.Weight) / s.WeightSum;
            return PsuVariance(LessFitted(totals, fitted));
        }
        var (sumCorrection, squaresCorrection) = StratumCorrections(fitted, s, mean, null, 0);
        double variance = 0;
        for (var h = 0; h < sumCorrection.Length; h++)
        {
            var n = _design.PsuCount(h);
            if (n == 0) continue;
            double sum = 0, squares = 0;
            var at = h * StratumSums.Stride;
            if (at < s.Strata.Length && s.Strata[at + StratumSums.Weight] != 0)
                (sum, squares) = StratumTotals(s.Strata.AsSpan(at, StratumSums.Stride), mean - s.Shift, s.WeightSum);
            sum += sumCorrection[h];
            squares += squaresCorrection[h];
            variance += n > 1 ? n / (n - 1.0) * (squares - sum * sum / n) : squares;
        }
        return Math.Max(variance, 0);
    }

    private double CalibratedDifferenceVariance(MeasureState a, double meanA, MeasureState b, double meanB, DomainOverlap overlap,
        int domain, int measure, int referenceMeasure)
    {
        var fitted = Fitted(a, meanA, b, meanB);
        if (_design.Clustered)
        {
            var totals = new Dictionary<int, double>();
            foreach (var (psu, t) in DifferenceTotals(a, meanA, b, meanB)) totals[psu] = t;
            return PsuVariance(LessFitted(totals, fitted));
        }
        var corrections = StratumCorrections(fitted, a, meanA, b, meanB);
        return StratumDifferenceVariance(a, meanA, b, meanB, overlap, domain, measure, referenceMeasure, corrections);
    }

    /// <summary>The fitted value of each calibration cell for the linearised values of a (less those of b, for a contrast).</summary>
    private double[] Fitted(MeasureState a, double meanA, MeasureState? b, double meanB)
    {
        var sums = new double[_calibration!.Calibration.ColumnCount];
        ColumnSums(a, meanA, 1, sums);
        if (b is not null) ColumnSums(b, meanB, -1, sums);
        return _calibration.Fitted(sums);
    }

    /// <summary>Adds sign × Σ_i (w_i/g_i) x_i u_i of a domain's surveys to the columns' sums.</summary>
    private void ColumnSums(MeasureState s, double mean, double sign, double[] sums)
    {
        var calibration = _calibration!.Calibration;
        var d = mean - s.Shift;
        foreach (var (key, v) in s.ByCalibrationCell!)
        {
            var cell = CalibrationSums.CellOfKey(key);
            var value = sign * (v[CellSums.Shifted] - d * v[CellSums.Weight]) / s.WeightSum / calibration.G(cell);
            foreach (var k in calibration.Columns(cell)) sums[k] += value;
        }
    }

    /// <summary>With clusters: every PSU's total less Σ_c W_jc b_c; PSUs without a survey of the domain are 0 less that.</summary>
    private List<(int Psu, double T)> LessFitted(Dictionary<int, double> totals, double[] fitted)
    {
        foreach (var (psu, cells) in _calibration!.Psus)
        {
            ref var t = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, psu, out _);
            foreach (var (cell, weight) in cells) t -= weight * fitted[cell];
        }
        var list = new List<(int Psu, double T)>(totals.Count);
        foreach (var (psu, t) in totals) list.Add((psu, t));
        return list;
    }

    /// <summary>
    /// Without clusters, per stratum: what the residuals add to Σ t (−Σ_c b_c W_hc) and to Σ t²
    /// (−2 Σ_c b_c (P^a_hc − P^b_hc) + Σ_c b_c² Q_hc) of the linearised values of a (less b's).
    /// </summary>
    private (double[] Sum, double[] Squares) StratumCorrections(double[] fitted, MeasureState a, double meanA, MeasureState? b, double meanB)
    {
        var strata = _calibration!.Strata;
        var sum = new double[strata.Count];
        var squares = new double[strata.Count];
        for (var h = 0; h < strata.Count; h++)
            foreach (var (cell, (weight, square)) in strata[h])
            {
                sum[h] -= fitted[cell] * weight;
                squares[h] += fitted[cell] * fitted[cell] * square;
            }
        void Cross(MeasureState s, double mean, double sign)
        {
            var d = mean - s.Shift;
            foreach (var (key, v) in s.ByCalibrationCell!)
            {
                var p = (v[CellSums.WeightSquareShifted] - d * v[CellSums.WeightSquare]) / s.WeightSum;
                squares[CalibrationSums.StratumOfKey(key)] -= 2 * sign * fitted[CalibrationSums.CellOfKey(key)] * p;
            }
        }
        Cross(a, meanA, 1);
        if (b is not null) Cross(b, meanB, -1);
        return (sum, squares);
    }
}
