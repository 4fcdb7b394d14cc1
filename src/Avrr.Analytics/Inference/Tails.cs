using MathNet.Numerics;

namespace Avrr.Analytics.Inference;

/// <summary>
/// Tail probabilities and quantiles of Student's t and the F distribution, from the regularised incomplete
/// beta function, which keeps tiny p-values precise (R's <c>pt</c>, <c>pf</c> and <c>qt</c>).
/// </summary>
public static class Tails
{
    /// <summary>P(|T| ≥ |t|) for T ~ t(df): R's <c>2 * pt(-abs(t), df)</c>.</summary>
    public static double TwoSidedT(double t, double df) =>
        double.IsNaN(t) ? double.NaN : SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));

    /// <summary>P(|Z| ≥ |z|) for Z ~ N(0, 1): R's <c>2 * pnorm(-abs(z))</c>.</summary>
    public static double TwoSidedNormal(double z) => double.IsNaN(z) ? double.NaN : SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>P(F ≥ f) for F ~ F(df1, df2): R's <c>pf(f, df1, df2, lower.tail = FALSE)</c>.</summary>
    public static double UpperF(double f, double df1, double df2) =>
        double.IsNaN(f) ? double.NaN : f <= 0 ? 1 : SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + df1 * f));

    /// <summary>
    /// The t quantile of a two-sided interval, R's <c>qt(1 - (1 - level) / 2, df)</c>: MathNet's quantile,
    /// polished by Newton steps on <see cref="TwoSidedT"/> so that it is as exact as the tail itself.
    /// </summary>
    public static double TQuantile(double level, double df)
    {
        var tail = 1 - level;
        var q = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 1 - tail / 2);
        for (var i = 0; i < 4; i++)
        {
            var density = MathNet.Numerics.Distributions.StudentT.PDF(0, 1, df, q);
            var step = (TwoSidedT(q, df) - tail) / (2 * density);
            q += step;
            if (Math.Abs(step) < 1e-15 * q) break;
        }
        return q;
    }
}
