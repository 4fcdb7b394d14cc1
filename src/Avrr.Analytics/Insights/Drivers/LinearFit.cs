namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// The survey-weighted linear model of one outcome: the surveys it used (outcome and every term present),
/// its residual degrees of freedom (R's <c>df.residual</c>), its coefficients in column order and the
/// Wald test of each term.
/// </summary>
public sealed record LinearFit(int Outcome, long Rows, int ResidualDf, IReadOnlyList<LinearCoefficient> Coefficients, IReadOnlyList<TermTest> Terms)
{
    /// <summary>
    /// The terms from the most to the least strongly associated with the outcome: by the p-value of their
    /// Wald test, then (where p-values are equal, e.g. both below 1e-300) by the larger F.
    /// </summary>
    public IReadOnlyList<TermTest> TermsByStrength =>
        Terms.OrderBy(t => double.IsNaN(t.P) ? 2 : t.P).ThenByDescending(t => t.F).ThenBy(t => t.Term, StringComparer.Ordinal).ToArray();
}
