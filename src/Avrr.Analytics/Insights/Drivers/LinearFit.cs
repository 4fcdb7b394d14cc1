namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// The survey-weighted linear model of one outcome: the surveys it used (outcome and every term present),
/// its residual degrees of freedom (R's <c>df.residual</c>), its coefficients in column order and the
/// Wald test of each term.
/// </summary>
public sealed record LinearFit(int Outcome, long Rows, int ResidualDf, IReadOnlyList<LinearCoefficient> Coefficients, IReadOnlyList<TermTest> Terms);
