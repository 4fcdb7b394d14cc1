namespace Avrr.Analytics.Audit;

/// <summary>
/// Pearson and Spearman correlations of two scores over the surveys where both are present, unweighted
/// and design-weighted (docs/audit.md, "Correlations"):
/// <list type="bullet">
/// <item>unweighted: R's <c>cor(x, y, use = "pairwise.complete.obs", method = "pearson" | "spearman")</c>
/// (Spearman: Pearson of the mid-ranks within the complete pairs);</item>
/// <item>weighted Pearson: <c>cov.wt(cbind(x, y), wt = w, cor = TRUE)</c>, i.e.
/// Σw(x − x̄)(y − ȳ) / √(Σw(x − x̄)² Σw(y − ȳ)²) with weighted means;</item>
/// <item>weighted Spearman: the weighted Pearson of the weighted mid-ranks
/// r_i = Σ_{x_j &lt; x_i} w_j + ½ Σ_{x_j = x_i} w_j (with every w = 1 this is the mid-rank − ½, so it gives R's Spearman).</item>
/// </list>
/// Computed from the joint table in two passes (means, then centred sums), so that no survey is kept.
/// NaN where a score does not vary or fewer than two surveys have both.
/// </summary>
public readonly record struct PairCorrelation(long N, double Pearson, double Spearman, double WeightedPearson, double WeightedSpearman)
{
    public static PairCorrelation Of(JointTable table)
    {
        var n = table.N;
        if (n < 2) return new PairCorrelation(n, double.NaN, double.NaN, double.NaN, double.NaN);
        var counts = table.Counts.Select(c => (double)c).ToArray();
        return new PairCorrelation(n,
            Correlate(table, table.ValuesA, table.ValuesB, counts),
            Correlate(table, MidRanks(Margin(table, counts, table.CellA, table.ValuesA.Length)), MidRanks(Margin(table, counts, table.CellB, table.ValuesB.Length)), counts),
            Correlate(table, table.ValuesA, table.ValuesB, table.Weights),
            Correlate(table, MidRanks(Margin(table, table.Weights, table.CellA, table.ValuesA.Length)), MidRanks(Margin(table, table.Weights, table.CellB, table.ValuesB.Length)), table.Weights));
    }

    /// <summary>The Pearson correlation of x and y (by value position) under the cells' frequencies f.</summary>
    private static double Correlate(JointTable table, double[] x, double[] y, double[] f)
    {
        var (a, b) = (table.CellA, table.CellB);
        double total = 0, sx = 0, sy = 0;
        for (var c = 0; c < f.Length; c++)
        {
            total += f[c];
            sx += f[c] * x[a[c]];
            sy += f[c] * y[b[c]];
        }
        var mx = sx / total;
        var my = sy / total;
        double sxy = 0, sxx = 0, syy = 0;
        for (var c = 0; c < f.Length; c++)
        {
            var dx = x[a[c]] - mx;
            var dy = y[b[c]] - my;
            sxy += f[c] * dx * dy;
            sxx += f[c] * dx * dx;
            syy += f[c] * dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    /// <summary>The frequency of each value of one score under the cells' frequencies f.</summary>
    private static double[] Margin(JointTable table, double[] f, int[] position, int values)
    {
        var margin = new double[values];
        for (var c = 0; c < f.Length; c++) margin[position[c]] += f[c];
        return margin;
    }

    /// <summary>Mid-ranks of values in ascending order with these frequencies: the frequency below each, plus half its own.</summary>
    internal static double[] MidRanks(double[] frequency)
    {
        var ranks = new double[frequency.Length];
        double below = 0;
        for (var k = 0; k < frequency.Length; k++)
        {
            ranks[k] = below + frequency[k] / 2;
            below += frequency[k];
        }
        return ranks;
    }
}
