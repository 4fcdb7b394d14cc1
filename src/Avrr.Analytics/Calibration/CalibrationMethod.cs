namespace Avrr.Analytics.Calibration;

/// <summary>
/// How the survey weights are calibrated to known totals (docs/methodology.md, "Calibration"). Each is R
/// <c>survey</c>'s: the calibrated weight of a survey is its base weight times g = F(x'λ), x the indicators of
/// its levels in the margins, λ the solution of "the calibrated totals are the margins" (Deville and Särndal 1992).
/// </summary>
public enum CalibrationMethod
{
    /// <summary>One margin: g = population total / weighted sample total of the survey's level (R's <c>postStratify</c>).</summary>
    Poststratify,
    /// <summary>Several margins, multiplicative: g = exp(x'λ), iterative proportional fitting's solution (R's <c>calibrate(calfun = "raking")</c>).</summary>
    Rake,
    /// <summary>Several margins, linear (GREG): g = 1 + x'λ, truncated to the bounds when given (R's <c>calibrate(calfun = "linear", bounds = …)</c>).</summary>
    Linear,
}
