using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Schemes;

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
