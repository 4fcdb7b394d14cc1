namespace Avrr.Analytics.Audit;

/// <summary>
/// Cronbach's alpha of a set of items from their covariance matrix C (docs/audit.md, "Reliability"), as
/// R's <c>psych::alpha</c> computes it on the complete cases: raw α = K/(K−1) · (1 − tr(C)/ΣC) and
/// standardised α = K/(K−1) · (1 − K/ΣR), with R the correlation matrix and Σ the sum of every entry.
/// On the design-weighted covariance the raw α is <c>survey::svycralpha</c>'s point estimate (its
/// K/(K−1) · (1 − Σ svyvar(item) / svyvar(Σ items)) is this formula, whatever the scale of C). Items are
/// never reversed: psych's default <c>check.keys = FALSE</c>.
/// </summary>
public static class Reliability
{
    /// <summary>Raw alpha of the items at the given positions of C; NaN for fewer than two items or no variance.</summary>
    public static double Raw(double[,] covariance, IReadOnlyList<int> items)
    {
        if (items.Count < 2) return double.NaN;
        double trace = 0, total = 0;
        foreach (var i in items)
        {
            trace += covariance[i, i];
            foreach (var j in items) total += covariance[i, j];
        }
        var k = items.Count;
        return total > 0 ? k / (k - 1.0) * (1 - trace / total) : double.NaN;
    }

    /// <summary>Standardised alpha: the raw formula on the correlation matrix.</summary>
    public static double Standardised(double[,] covariance, IReadOnlyList<int> items)
    {
        if (items.Count < 2) return double.NaN;
        double total = 0;
        foreach (var i in items)
            foreach (var j in items)
                total += covariance[i, j] / Math.Sqrt(covariance[i, i] * covariance[j, j]);
        var k = items.Count;
        return double.IsFinite(total) && total > 0 ? k / (k - 1.0) * (1 - k / total) : double.NaN;
    }

    /// <summary>
    /// The correlation of an item with the sum of the other items (psych::alpha's <c>r.drop</c>):
    /// Σ_{j≠i} C_ij / √(C_ii · Σ_{j,k≠i} C_jk). NaN for fewer than two items or no variance.
    /// </summary>
    public static double ItemRest(double[,] covariance, IReadOnlyList<int> items, int item)
    {
        if (items.Count < 2) return double.NaN;
        double with = 0, rest = 0;
        foreach (var j in items)
        {
            if (j == item) continue;
            with += covariance[item, j];
            foreach (var k in items) if (k != item) rest += covariance[j, k];
        }
        var r = with / Math.Sqrt(covariance[item, item] * rest);
        return double.IsFinite(r) ? r : double.NaN;
    }

    /// <summary>The correlation matrix of a covariance matrix.</summary>
    public static double[,] Correlation(double[,] covariance)
    {
        var k = covariance.GetLength(0);
        var r = new double[k, k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
                r[i, j] = i == j ? 1 : covariance[i, j] / Math.Sqrt(covariance[i, i] * covariance[j, j]);
        return r;
    }
}
