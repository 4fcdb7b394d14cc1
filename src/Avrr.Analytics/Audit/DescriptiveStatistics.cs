namespace Avrr.Analytics.Audit;

/// <summary>
/// One indicator's distribution in one group (docs/audit.md, "Indicator statistics"): the columns of R's
/// <c>psych::describe(x)</c> (defaults: <c>na.rm = TRUE</c>, <c>type = 3</c>), the missing share, the
/// design-weighted mean, and COINr's outlier flag. With m present values, mean x̄ and s = sd(x)
/// (denominator m − 1): skew = Σ(x − x̄)³ / (m s³), kurtosis = Σ(x − x̄)⁴ / (m s⁴) − 3 (excess kurtosis; b1
/// and g2 of Joanes and Gill's type 3, not SPSS's G1/G2). Outlier: |skew| > 2 and kurtosis > 3.5.
/// </summary>
public sealed record DescriptiveStatistics(
    long Rows, long N, double MissingShare, double Mean, double Sd, double Min, double Max, double Skew, double Kurtosis, double WeightedMean)
{
    public bool Outlier => Math.Abs(Skew) > 2 && Kurtosis > 3.5;

    /// <summary>From the distinct values (ascending), the surveys and total weight at each, and the surveys where it is missing.</summary>
    public static DescriptiveStatistics Of(ReadOnlySpan<double> values, ReadOnlySpan<long> counts, ReadOnlySpan<double> weights, long missing)
    {
        long n = 0;
        double sum = 0, weightSum = 0, weighted = 0, min = double.NaN, max = double.NaN;
        for (var k = 0; k < values.Length; k++)
        {
            if (counts[k] == 0) continue;
            n += counts[k];
            sum += counts[k] * values[k];
            weightSum += weights[k];
            weighted += weights[k] * values[k];
            if (double.IsNaN(min)) min = values[k];
            max = values[k];
        }
        var rows = n + missing;
        var mean = n > 0 ? sum / n : double.NaN;
        double m2 = 0, m3 = 0, m4 = 0;
        for (var k = 0; k < values.Length; k++)
        {
            if (counts[k] == 0) continue;
            var d = values[k] - mean;
            var d2 = d * d;
            m2 += counts[k] * d2;
            m3 += counts[k] * d2 * d;
            m4 += counts[k] * d2 * d2;
        }
        var sd = n > 1 ? Math.Sqrt(m2 / (n - 1)) : double.NaN;
        var skew = n > 1 && sd > 0 ? m3 / (n * sd * sd * sd) : double.NaN;
        var kurtosis = n > 1 && sd > 0 ? m4 / (n * sd * sd * sd * sd) - 3 : double.NaN;
        return new DescriptiveStatistics(rows, n, rows == 0 ? double.NaN : (double)missing / rows, mean, sd,
            min, max, skew, kurtosis, weightSum > 0 ? weighted / weightSum : double.NaN);
    }
}
