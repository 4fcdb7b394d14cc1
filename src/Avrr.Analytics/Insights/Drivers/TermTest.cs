namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// The design-based Wald test that every coefficient of a term is 0, R's
/// <c>regTermTest(model, ~term)</c> (method "Wald"): F = β'V⁻¹β / df with the term's coefficients β and
/// their block V of the design-based covariance, on (df, ddf) degrees of freedom, ddf the model's
/// residual degrees of freedom. It answers "is this attribute associated with the outcome at all?".
/// </summary>
public sealed record TermTest(string Term, int Df, int Ddf, double F, double P);
