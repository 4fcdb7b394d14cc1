namespace Avrr.Analytics.Estimation;

/// <summary>
/// Exact weighted quantiles of one measure in one domain, by the rule of R's
/// <c>svyquantile(…, qrule = "hf7")</c>: sort the values; give the k-th the position
/// p_k = (sum of the weights before it) / (sum of all weights but the last one's); interpolate linearly
/// between positions. With all weights equal this is <c>quantile(type = 7)</c>.
/// <para>
/// Memory is one entry per distinct value, not per survey: scores take few distinct values. A value's
/// entry keeps its total weight and the weight of its latest survey, which is all the rule needs (tied
/// surveys sit in input order, as R's stable ordering puts them). Values equal to about 1e-12 relative
/// (the same rounding to 12 significant digits) are one value, tied, as in <see cref="DomainEstimator"/>.
/// </para>
/// </summary>
public sealed class WeightedQuantiles
{
    private readonly Dictionary<double, (double Value, double Total, double Last)> _byKey = [];

    public long Count { get; private set; }

    public void Add(double value, double weight)
    {
        Count++;
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byKey, ValueIndex.Key(value), out var exists);
        entry = (exists ? Math.Min(entry.Value, value) : value, entry.Total + weight, weight);
    }

    /// <summary>The quantiles at the given probabilities (0..1); NaN when there is no value.</summary>
    public void Compute(ReadOnlySpan<double> probabilities, Span<double> quantiles)
    {
        var keys = _byKey.Keys.ToArray();
        Array.Sort(keys);
        var values = new double[keys.Length];
        var totals = new double[keys.Length];
        var lasts = new double[keys.Length];
        for (var k = 0; k < keys.Length; k++) (values[k], totals[k], lasts[k]) = _byKey[keys[k]];
        Compute(values, totals, lasts, Count, probabilities, quantiles);
    }

    /// <summary>
    /// The rule on distinct values in ascending order, each with the total weight of its surveys and the
    /// weight of the last of them (<paramref name="count"/> surveys in all).
    /// </summary>
    internal static void Compute(ReadOnlySpan<double> values, ReadOnlySpan<double> totals, ReadOnlySpan<double> lasts, long count,
        ReadOnlySpan<double> probabilities, Span<double> quantiles)
    {
        if (values.Length == 0) { quantiles.Fill(double.NaN); return; }
        if (count == 1 || values.Length == 1) { quantiles.Fill(values[0]); return; }
        // Each distinct value spans the positions of its tied surveys: from the weight before its first
        // to the weight before its last.
        var start = new double[values.Length];
        var end = new double[values.Length];
        double before = 0;
        for (var k = 0; k < values.Length; k++)
        {
            start[k] = before;
            end[k] = before + (totals[k] - lasts[k]);
            before += totals[k];
        }
        var denominator = before - lasts[^1];
        for (var q = 0; q < probabilities.Length; q++)
            quantiles[q] = At(probabilities[q] * denominator, values, start, end);
    }

    /// <summary>The value at weight position <paramref name="t"/> (p times the denominator), interpolating between values.</summary>
    private static double At(double t, ReadOnlySpan<double> values, double[] start, double[] end)
    {
        if (t <= start[0]) return values[0];
        if (t >= end[^1]) return values[^1];
        // The first value whose span ends at or after t.
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (end[mid] >= t) hi = mid; else lo = mid + 1;
        }
        var k = lo;
        if (t >= start[k]) return values[k];               // inside the span of a value's ties
        var from = end[k - 1];                               // between the last tie of value k-1 and the first of value k
        return values[k - 1] + (t - from) / (start[k] - from) * (values[k] - values[k - 1]);
    }
}
