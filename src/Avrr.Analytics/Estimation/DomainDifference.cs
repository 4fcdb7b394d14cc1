namespace Avrr.Analytics.Estimation;

/// <summary>
/// The difference between the means of two domains (or of two measures in one domain) with its design-based
/// standard error by linearisation (docs/methodology.md, "Comparisons"). When <see cref="Suppressed"/> (either
/// side has fewer surveys than min-cell) every statistic is NaN, so that no withheld mean can be recovered from it.
/// <see cref="Estimate"/> is the mean of the group − the mean of the reference; <see cref="N"/> and
/// <see cref="ReferenceN"/> count the surveys of each side with its measure, <see cref="Psus"/> and
/// <see cref="ReferencePsus"/> their PSUs (surveys without clusters), <see cref="ContrastPsus"/> the PSUs of
/// either side, which the domain rule's <see cref="DegreesOfFreedom"/> counts. <see cref="PValue"/> is the
/// two-sided test of a zero difference that matches the interval (t with those degrees of freedom, or normal);
/// whether the difference is called significant is decided with the other tests of its family
/// (<see cref="ComparisonRow.Decision"/>).
/// </summary>
public sealed record DomainDifference(
    double Estimate,
    double StandardError,
    double ContrastPsus,
    double DegreesOfFreedom,
    double CiLow,
    double CiHigh,
    double PValue,
    double N,
    double ReferenceN,
    double Psus,
    double ReferencePsus,
    bool Suppressed,
    string? Note)
{
    /// <summary>Whether the 95% interval of the difference excludes 0 (the test on its own, unadjusted); null when there is no interval.</summary>
    public bool? IntervalExcludesZero => double.IsNaN(CiLow) || double.IsNaN(CiHigh) ? null : CiLow > 0 || CiHigh < 0;

    public static DomainDifference Withheld(string note) =>
        new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, true, note);
}
