namespace Avrr.Analytics.Estimation;

/// <summary>The normal quantile of 95% confidence intervals, as R's <c>confint()</c> of survey estimates uses (df = Inf).</summary>
public static class ConfidenceLevel
{
    /// <summary>qnorm(0.975), from MathNet.Numerics.</summary>
    public static double Z95 { get; } = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.975);
}
