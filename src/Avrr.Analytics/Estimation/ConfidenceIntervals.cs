using Avrr.Analytics.Inference;
using MathNet.Numerics.Distributions;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// The quantile q of 95% intervals, estimate ∓ q·se (docs/methodology.md, "Confidence intervals"): qt(0.975, df)
/// with the estimate's degrees of freedom, or qnorm(0.975); and the two-sided p-value of the test that matches it.
/// </summary>
public static class ConfidenceIntervals
{
    /// <summary>qnorm(0.975).</summary>
    private static readonly double Normal975 = Normal.InvCDF(0, 1, 0.975);

    /// <summary>From this many degrees of freedom on, the t quantile comes from its expansion in 1/df.</summary>
    private const double ExpansionFrom = 10_000;

    /// <summary>
    /// The 97.5% quantile for an interval method and degrees of freedom; NaN for a t interval
    /// without degrees of freedom (df &lt; 1: every stratum has a single PSU), where R's <c>qt</c> gives NaN too.
    /// </summary>
    public static double Quantile(IntervalMethod method, long degreesOfFreedom)
    {
        if (method == IntervalMethod.Normal) return Normal975;
        if (degreesOfFreedom < 1) return double.NaN;
        return degreesOfFreedom < ExpansionFrom ? StudentT.InvCDF(0, 1, degreesOfFreedom, 0.975) : LargeDf(degreesOfFreedom);
    }

    /// <summary>
    /// The two-sided p-value of a zero estimate that matches the interval: R's <c>2 * pt(-abs(estimate / se), df)</c>,
    /// or <c>2 * pnorm(-abs(estimate / se))</c> for normal intervals, so that p &lt; 0.05 exactly when the 95% interval
    /// excludes 0. NaN when there is no standard error or no degrees of freedom. A zero standard error gives 0 for a
    /// non-zero estimate and 1 for a zero one (its interval is that single point).
    /// </summary>
    public static double PValue(IntervalMethod method, double degreesOfFreedom, double estimate, double se)
    {
        if (double.IsNaN(estimate) || double.IsNaN(se)) return double.NaN;
        if (se == 0) return estimate == 0 ? 1 : 0;
        var t = estimate / se;
        if (method == IntervalMethod.Normal) return Tails.TwoSidedNormal(t);
        return degreesOfFreedom >= 1 ? Tails.TwoSidedT(t, degreesOfFreedom) : double.NaN;
    }

    /// <summary>
    /// The t quantile for many degrees of freedom by its expansion around the normal quantile x in 1/ν
    /// (Abramowitz and Stegun 26.7.5, four terms): the next term is below 2e-16 from ν = 10,000 on, and it
    /// agrees with R's qt to 1e-15 there, where the root finder of MathNet's StudentT.InvCDF is off by
    /// 1e-11 (and by 1e-3 at ν = 10^12).
    /// </summary>
    private static double LargeDf(double v)
    {
        var x = Normal975;
        double x2 = x * x, x3 = x2 * x, x5 = x3 * x2, x7 = x5 * x2, x9 = x7 * x2;
        var g1 = (x3 + x) / 4;
        var g2 = (5 * x5 + 16 * x3 + 3 * x) / 96;
        var g3 = (3 * x7 + 19 * x5 + 17 * x3 - 15 * x) / 384;
        var g4 = (79 * x9 + 776 * x7 + 1482 * x5 - 1920 * x3 - 945 * x) / 92160;
        return x + (g1 + (g2 + (g3 + g4 / v) / v) / v) / v;
    }
}
