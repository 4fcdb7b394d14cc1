namespace Avrr.Analytics.Estimation;

/// <summary>How 95% confidence intervals are made from an estimate and its standard error (docs/methodology.md, "Confidence intervals").</summary>
public enum IntervalMethod
{
    /// <summary>Student's t with the estimate's degrees of freedom (<see cref="DegreesOfFreedomRule"/>): R's <c>confint(x, df = ...)</c>. The default.</summary>
    StudentT,

    /// <summary>The normal quantile qnorm(0.975): R's <c>confint(x)</c> of survey estimates (df = Inf).</summary>
    Normal,
}
