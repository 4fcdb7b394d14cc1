namespace Avrr.Analytics.Estimation;

/// <summary>
/// The estimates of one measure in one domain (group), docs/methodology.md, "Estimation". When <see cref="Suppressed"/>,
/// every statistic but <see cref="Rows"/> is withheld: NaN here, an empty cell in the outputs. A statistic
/// can also be NaN in a group that is shown, with <see cref="Note"/> saying why (a group in a single PSU
/// has no standard error and no interval). <see cref="Psus"/> counts the PSUs with a survey of the domain
/// that has the measure (surveys without clusters); <see cref="DegreesOfFreedom"/> is the design's (PSUs −
/// strata of the whole design), which the t interval uses.
/// </summary>
public sealed record DomainEstimate(
    long Rows,
    double N,
    double WeightSum,
    double Mean,
    double StandardError,
    double Psus,
    double DegreesOfFreedom,
    double CiLow,
    double CiHigh,
    double EffectiveN,
    double Median,
    double P25,
    double P75,
    double ShareLow,
    double ShareMedium,
    double ShareHigh,
    bool Suppressed,
    string? Note = null)
{
    public static DomainEstimate Withheld(long rows) =>
        new(rows, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
            double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, true);
}
