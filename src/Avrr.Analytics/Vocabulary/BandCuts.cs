namespace Avrr.Analytics.Vocabulary;

/// <summary>Cut points of the score bands: low &lt; <see cref="Medium"/> ≤ medium &lt; <see cref="High"/> ≤ high.</summary>
public readonly record struct BandCuts(double Medium, double High)
{
    public static BandCuts Default => new(0.33, 0.66);

    public Band Of(double score) =>
        double.IsNaN(score) ? Band.None : score < Medium ? Band.Low : score < High ? Band.Medium : Band.High;
}
