namespace Avrr.Analytics.Estimation;

/// <summary>
/// The difference between the means of two domains (or of two measures in one domain) with its design-based
/// standard error by linearisation (docs/methodology.md, "Comparisons"). When <see cref="Suppressed"/> (either
/// side has fewer surveys than min-cell) every statistic is NaN, so that no withheld mean can be recovered from it.
/// <see cref="Estimate"/> is the mean of the group − the mean of the reference; <see cref="N"/> and
/// <see cref="ReferenceN"/> count the surveys of each side with its measure, <see cref="Psus"/> and
/// <see cref="ReferencePsus"/> their PSUs (surveys without clusters).
/// </summary>
public sealed record DomainDifference(
    double Estimate,
    double StandardError,
    double DegreesOfFreedom,
    double CiLow,
    double CiHigh,
    double N,
    double ReferenceN,
    double Psus,
    double ReferencePsus,
    bool Suppressed,
    string? Note)
{
    /// <summary>Whether the 95% interval of the difference excludes 0; null when there is no interval.</summary>
    public bool? Significant => double.IsNaN(CiLow) || double.IsNaN(CiHigh) ? null : CiLow > 0 || CiHigh < 0;

    public static DomainDifference Withheld(string note) =>
        new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, true, note);
}
