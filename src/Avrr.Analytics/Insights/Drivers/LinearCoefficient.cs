namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// One coefficient of a survey-weighted linear model, as R's <c>summary(svyglm(...))</c> and
/// <c>confint()</c> give it (docs/insights.md). <see cref="Term"/> is <c>(Intercept)</c> or the attribute;
/// <see cref="Level"/> the category compared with <see cref="Reference"/> (both empty for the intercept).
/// <see cref="Rows"/> counts the surveys of the model at that level (all of them for the intercept). An
/// aliased coefficient (a column that the earlier ones already explain, R's NA) has NaN statistics.
/// </summary>
public sealed record LinearCoefficient(
    string Term,
    string Level,
    string Reference,
    long Rows,
    double Estimate,
    double StandardError,
    double T,
    double P,
    double CiLow,
    double CiHigh,
    bool Aliased);
