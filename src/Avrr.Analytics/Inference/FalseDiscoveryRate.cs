namespace Avrr.Analytics.Inference;

/// <summary>
/// The Benjamini–Hochberg step-up adjustment of a family's p-values (Benjamini and Hochberg 1995, J. R. Statist.
/// Soc. B 57: 289–300), as R's <c>p.adjust(p, method = "BH")</c> computes it: with the m p-values in decreasing
/// order p₍ₘ₎ ≥ … ≥ p₍₁₎, the adjusted value of the i-th smallest is min(1, min over j ≥ i of m/j · p₍ⱼ₎). Calling
/// significant every test whose adjusted p-value is below α keeps the family's false discovery rate at or below α
/// when its tests are independent or positively dependent (Benjamini and Yekutieli 2001), as the differences of
/// domain means that share a reference are.
/// </summary>
public static class FalseDiscoveryRate
{
    /// <summary>
    /// The adjusted p-values, in the order given. A NaN p-value (a test that could not be made) stays NaN and does
    /// not count in m, as R's <c>p.adjust</c> leaves out its NA.
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        var adjusted = new double[p.Count];
        var tested = new List<int>(p.Count);
        for (var i = 0; i < p.Count; i++)
        {
            if (double.IsNaN(p[i])) adjusted[i] = double.NaN;
            else tested.Add(i);
        }
        var m = tested.Count;
        // Largest first (ties keep their order: tied p-values get the same adjusted value whatever their order).
        var order = tested.OrderByDescending(i => p[i]).ToArray();
        var running = double.PositiveInfinity;
        for (var k = 0; k < m; k++)
        {
            var rank = m - k;                      // the rank of this p-value from the smallest
            running = Math.Min(running, (double)m / rank * p[order[k]]);
            adjusted[order[k]] = Math.Min(1, running);
        }
        return adjusted;
    }
}
