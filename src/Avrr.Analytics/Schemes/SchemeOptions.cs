namespace Avrr.Analytics.Schemes;

/// <summary>What the composite needs before it is given (scheme option <c>compositeRequires</c>).</summary>
public enum CompositeRequirement
{
    /// <summary>Every dimension must be scored.</summary>
    All,
    /// <summary>The scored dimensions must carry at least <see cref="SchemeOptions.MinCompositeCoverage"/> of dimension weight.</summary>
    Coverage,
}

/// <summary>What the composite is the weighted mean of (scheme option <c>compositeFrom</c>).</summary>
public enum CompositeSource
{
    /// <summary>The dimension scores, with the dimension weights.</summary>
    Dimensions,
    /// <summary>The indicator scores, with each indicator's composite weight (for official tables that weight indicators directly).</summary>
    Indicators,
}

/// <summary>A score band. A score s is low when s &lt; medium cut, high when s ≥ high cut, medium otherwise.</summary>
public enum Band : byte
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>Cut points of the score bands: low &lt; <see cref="Medium"/> ≤ medium &lt; <see cref="High"/> ≤ high.</summary>
public readonly record struct BandCuts(double Medium, double High)
{
    public static BandCuts Default => new(0.33, 0.66);

    public Band Of(double score) =>
        double.IsNaN(score) ? Band.None : score < Medium ? Band.Low : score < High ? Band.Medium : Band.High;
}

/// <summary>The options of a scheme; the defaults are those of the built-in rss-15.</summary>
public sealed record SchemeOptions
{
    /// <summary>A dimension is scored only when its present indicators carry at least this share of its indicator weight.</summary>
    public double MinDimensionCoverage { get; init; } = 0.6;
    public CompositeRequirement CompositeRequires { get; init; } = CompositeRequirement.All;
    /// <summary>Used when <see cref="CompositeRequires"/> is <see cref="CompositeRequirement.Coverage"/>.</summary>
    public double MinCompositeCoverage { get; init; } = 1.0;
    public CompositeSource CompositeFrom { get; init; } = CompositeSource.Dimensions;
    public BandCuts Bands { get; init; } = BandCuts.Default;

    public static SchemeOptions Default { get; } = new();
}
