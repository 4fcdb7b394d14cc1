namespace Avrr.Analytics.Audit;

/// <summary>
/// First-order and total Sobol indices of each input from the outputs of a <see cref="SaltelliDesign"/>,
/// with the estimators of COINr's <c>SA_estimate</c> (docs/audit.md, "Sensitivity"): with y_A, y_B and
/// y_ABi the outputs of the rows of A, B and AB_i, and V = var(c(y_A, y_B)) (denominator 2N − 1),
/// <list type="bullet">
/// <item>first order S_i = mean(y_B · (y_ABi − y_A)) / V (Saltelli et al. 2010);</item>
/// <item>total S_Ti = Σ (y_A − y_ABi)² / (2N V) (Jansen 1999).</item>
/// </list>
/// Their 5–95% intervals come from a bootstrap of the N terms of each sum (COINr's Nboot), V kept fixed.
/// NaN when the output does not vary.
/// </summary>
public sealed record SobolIndices(double[] FirstOrder, double[] Total, double[] FirstOrderLow, double[] FirstOrderHigh,
    double[] TotalLow, double[] TotalHigh, double Variance)
{
    public static SobolIndices Estimate(IReadOnlyList<double> outputs, int n, int k, int bootstrap, int seed)
    {
        if (outputs.Count != n * (k + 2)) throw new ArgumentException($"A Saltelli design of N = {n} and k = {k} has {n * (k + 2)} outputs, not {outputs.Count}.");
        var yA = outputs.Take(n).ToArray();
        var yB = outputs.Skip(n).Take(n).ToArray();
        var both = yA.Concat(yB).ToArray();
        var mean = both.Average();
        var variance = both.Sum(y => (y - mean) * (y - mean)) / (both.Length - 1);
        var first = new double[k];
        var total = new double[k];
        var (firstLow, firstHigh, totalLow, totalHigh) = (new double[k], new double[k], new double[k], new double[k]);
        var random = new Random(seed);
        for (var i = 0; i < k; i++)
        {
            var yAB = outputs.Skip((2 + i) * n).Take(n).ToArray();
            var firstTerms = Enumerable.Range(0, n).Select(r => yB[r] * (yAB[r] - yA[r])).ToArray();
            var totalTerms = Enumerable.Range(0, n).Select(r => (yA[r] - yAB[r]) * (yA[r] - yAB[r])).ToArray();
            first[i] = variance > 0 ? firstTerms.Average() / variance : double.NaN;
            total[i] = variance > 0 ? totalTerms.Sum() / (2.0 * n * variance) : double.NaN;
            if (variance > 0 && bootstrap > 0)
            {
                var firstBoot = new double[bootstrap];
                var totalBoot = new double[bootstrap];
                for (var b = 0; b < bootstrap; b++)
                {
                    double f = 0, t = 0;
                    for (var r = 0; r < n; r++)
                    {
                        var pick = random.Next(n);
                        f += firstTerms[pick];
                        t += totalTerms[pick];
                    }
                    firstBoot[b] = f / n / variance;
                    totalBoot[b] = t / (2.0 * n * variance);
                }
                Array.Sort(firstBoot);
                Array.Sort(totalBoot);
                (firstLow[i], firstHigh[i]) = (Quantiles.Type7(firstBoot, 0.05), Quantiles.Type7(firstBoot, 0.95));
                (totalLow[i], totalHigh[i]) = (Quantiles.Type7(totalBoot, 0.05), Quantiles.Type7(totalBoot, 0.95));
            }
            else (firstLow[i], firstHigh[i], totalLow[i], totalHigh[i]) = (double.NaN, double.NaN, double.NaN, double.NaN);
        }
        return new SobolIndices(first, total, firstLow, firstHigh, totalLow, totalHigh, variance);
    }
}
