namespace Avrr.Analytics.Audit;

/// <summary>
/// A modelling assumption of the composite that the uncertainty analysis varies (docs/audit.md,
/// "Uncertainty and sensitivity"). The nominal value of each is the scheme's own; the alternatives are
/// those of issue 14, in the OECD/JRC Handbook's sense of "reasonable alternative choices".
/// </summary>
public enum Assumption
{
    /// <summary>Every dimension, indicator (and composite) weight times U(1 − f, 1 + f).</summary>
    Weights,
    /// <summary>The composite as the arithmetic or the geometric weighted mean of what it is built from.</summary>
    Aggregation,
    /// <summary>The composite from the dimension scores or straight from the indicator scores (scheme option compositeFrom).</summary>
    CompositeFrom,
    /// <summary>minDimensionCoverage 0.4, 0.6 or 0.8.</summary>
    Coverage,
    /// <summary>A "don't know" answer left out (missing) or scored as the scale's lowest score.</summary>
    DontKnow,
}
