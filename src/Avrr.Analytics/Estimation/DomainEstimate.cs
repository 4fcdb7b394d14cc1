namespace Avrr.Analytics.Estimation;

/// <summary>
/// The estimates of one measure in one domain (group), docs/methodology.md, "Estimation". When <see cref="Suppressed"/>,
/// every statistic but <see cref="Rows"/> is withheld: NaN here, an empty cell in the outputs.
/// </summary>
public sealed record DomainEstimate(
    long Rows,
    double N,
    double WeightSum,
    double Mean,
    double StandardError,
    double CiLow,
    double CiHigh,
    double EffectiveN,
    double Median,
    double P25,
    double P75,
    double ShareLow,
    double ShareMedium,
    double ShareHigh,
    bool Suppressed)
{
    public static DomainEstimate Withheld(long rows) =>
        new(rows, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
            double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, true);
}
