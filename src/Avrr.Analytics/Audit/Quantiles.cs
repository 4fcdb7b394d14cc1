namespace Avrr.Analytics.Audit;

/// <summary>R's <c>quantile(x, p, type = 7)</c> (the default), for the rank and score intervals of the uncertainty analysis.</summary>
public static class Quantiles
{
    /// <summary>The p-quantile of values sorted in ascending order: x[h] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]) with h = (n − 1)p; NaN when empty.</summary>
    public static double Type7(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        if (low >= sorted.Length - 1) return sorted[^1];
        return sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]);
    }
}
