namespace Avrr.Analytics.Audit;

/// <summary>
/// First-order and total Sobol indices of each input from the outputs of a <see cref="SaltelliDesign"/>,
/// with the estimators of COINr's <c>SA_estimate</c> (docs/audit.md, "Sensitivity"): with y_A, y_B and
/// y_ABi the outputs of the rows of A, B and AB_i, and V = var(c(y_A, y_B)) (denominator 2N − 1),
/// <list type="bullet">
/// <item>first order S_i = mean(y_B · (y_ABi − y_A)) / V (Saltelli et al. 2010);</item>
/// <item>total S_Ti = Σ (y_A − y_ABi)² / (2N V) (Jansen 1999).</item>
/// </list>
/// Their 5–95% intervals come from a bootstrap of the N rows of the design: each resample draws N row numbers
/// and recomputes every index, V included, from the same rows, so that the intervals carry V's error too and
/// the bootstrap also gives, from the same resamples, the 5% bound of each S_i − S_Ti and of Σ S_i and the 95%
/// bound of Σ S_Ti, which <see cref="SobolScreen"/> reads to withhold what the design cannot support.
/// Nothing is clamped: an estimate outside [0, 1] is returned as it is. NaN when the output does not vary.
/// </summary>
public sealed record SobolIndices(double[] FirstOrder, double[] Total, double[] FirstOrderLow, double[] FirstOrderHigh,
    double[] TotalLow, double[] TotalHigh, double Variance)
{
    /// <summary>Per input, the bootstrap's 5% quantile of S_i − S_Ti (above 0: the first order exceeds the total beyond its error).</summary>
    public double[] FirstMinusTotalLow { get; init; } = [];

    /// <summary>The bootstrap's 5% quantile of Σ S_i (above 1: the first-order indices sum past 1 beyond their error).</summary>
    public double FirstOrderSumLow { get; init; } = double.NaN;

    /// <summary>The bootstrap's 95% quantile of Σ S_Ti (below 1: the total indices sum short of 1 beyond their error).</summary>
    public double TotalSumHigh { get; init; } = double.NaN;

    /// <summary>Runs of A and B (of 2N) whose output differs from the most common output of those runs: how often the output moved at all.</summary>
    public int MovedRuns { get; init; }

    public static SobolIndices Estimate(IReadOnlyList<double> outputs, int n, int k, int bootstrap, int seed)
    {
        if (outputs.Count != n * (k + 2)) throw new ArgumentException($"A Saltelli design of N = {n} and k = {k} has {n * (k + 2)} outputs, not {outputs.Count}.");
        var yA = outputs.Take(n).ToArray();
        var yB = outputs.Skip(n).Take(n).ToArray();
        var yAB = Enumerable.Range(0, k).Select(i => outputs.Skip((2 + i) * n).Take(n).ToArray()).ToArray();
        var all = Enumerable.Range(0, n).ToArray();
        var (first, total, variance) = Indices(yA, yB, yAB, all);
        var mode = yA.Concat(yB).GroupBy(y => y).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var moved = yA.Concat(yB).Count(y => y != mode);
        var nan = () => Enumerable.Repeat(double.NaN, k).ToArray();
        var (firstLow, firstHigh, totalLow, totalHigh, differenceLow) = (nan(), nan(), nan(), nan(), nan());
        double firstSumLow = double.NaN, totalSumHigh = double.NaN;
        if (variance > 0 && bootstrap > 0)
        {
            var random = new Random(seed);
            var firstBoot = new double[k][];
            var totalBoot = new double[k][];
            var differenceBoot = new double[k][];
            for (var i = 0; i < k; i++) (firstBoot[i], totalBoot[i], differenceBoot[i]) = (new double[bootstrap], new double[bootstrap], new double[bootstrap]);
            var firstSums = new double[bootstrap];
            var totalSums = new double[bootstrap];
            var rows = new int[n];
            for (var b = 0; b < bootstrap; b++)
            {
                for (var r = 0; r < n; r++) rows[r] = random.Next(n);
                var (f, t, _) = Indices(yA, yB, yAB, rows);
                for (var i = 0; i < k; i++)
                {
                    (firstBoot[i][b], totalBoot[i][b], differenceBoot[i][b]) = (f[i], t[i], f[i] - t[i]);
                    firstSums[b] += f[i];
                    totalSums[b] += t[i];
                }
            }
            for (var i = 0; i < k; i++)
            {
                (firstLow[i], firstHigh[i]) = Interval(firstBoot[i]);
                (totalLow[i], totalHigh[i]) = Interval(totalBoot[i]);
                differenceLow[i] = Interval(differenceBoot[i]).Low;
            }
            firstSumLow = Interval(firstSums).Low;
            totalSumHigh = Interval(totalSums).High;
        }
        return new SobolIndices(first, total, firstLow, firstHigh, totalLow, totalHigh, variance)
        {
            FirstMinusTotalLow = differenceLow, FirstOrderSumLow = firstSumLow, TotalSumHigh = totalSumHigh, MovedRuns = moved,
        };
    }

    /// <summary>The indices from the design's rows <paramref name="rows"/> (every row, or a bootstrap resample of them); NaN where the output does not vary on them.</summary>
    private static (double[] First, double[] Total, double Variance) Indices(double[] yA, double[] yB, double[][] yAB, int[] rows)
    {
        var n = rows.Length;
        double mean = 0;
        foreach (var r in rows) mean += yA[r] + yB[r];
        mean /= 2 * n;
        double squares = 0;
        foreach (var r in rows) squares += (yA[r] - mean) * (yA[r] - mean) + (yB[r] - mean) * (yB[r] - mean);
        var variance = squares / (2 * n - 1);
        var k = yAB.Length;
        var (first, total) = (new double[k], new double[k]);
        for (var i = 0; i < k; i++)
        {
            double f = 0, t = 0;
            foreach (var r in rows)
            {
                var d = yAB[i][r] - yA[r];
                f += yB[r] * d;
                t += d * d;
            }
            first[i] = variance > 0 ? f / n / variance : double.NaN;
            total[i] = variance > 0 ? t / (2.0 * n * variance) : double.NaN;
        }
        return (first, total, variance);
    }

    /// <summary>The 5% and 95% quantiles (R's type 7) of bootstrap values, NaN ones (a resample on which the output did not vary) left out.</summary>
    private static (double Low, double High) Interval(double[] values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return (Quantiles.Type7(sorted, 0.05), Quantiles.Type7(sorted, 0.95));
    }
}
