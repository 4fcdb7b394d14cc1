using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Inference;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Runs.Planning;

/// <summary>
/// What the estimates of a run depend on once its surveys are in the cells: the scheme (measures, bands), the
/// levels, the design columns, the suppression threshold, the interval method, the degrees of freedom and how
/// the tests of a family are decided. A run has one from its plan; a merge from its partials (docs/partials.md),
/// which must agree on everything here but the last four.
/// </summary>
public sealed record EstimationPlan
{
    public required Scheme Scheme { get; init; }
    /// <summary>Every level of the run, in output order (country+quarter among them).</summary>
    public required IReadOnlyList<Level> Levels { get; init; }
    /// <summary>Whether country+quarter was added by default (and is dropped when the surveys span one quarter).</summary>
    public required bool QuarterLevelIsDefault { get; init; }
    /// <summary>The measures: composite, the dimensions, and the indicators when asked.</summary>
    public required IReadOnlyList<string> Measures { get; init; }
    public required string WeightColumn { get; init; }
    public string? ClusterColumn { get; init; }
    public string? StrataColumn { get; init; }
    public required int MinCell { get; init; }
    public required IntervalMethod Ci { get; init; }
    /// <summary>Whose degrees of freedom the t intervals and tests use: each estimate's own (the default), or the design's.</summary>
    public required DegreesOfFreedomRule Df { get; init; }
    /// <summary>How the tests of a family of comparisons are decided together (Benjamini–Hochberg by default).</summary>
    public required MultipleTesting Fdr { get; init; }

    public bool Clustered => ClusterColumn is not null;
    public bool Stratified => StrataColumn is not null;

    /// <summary>The dimensions' measure numbers (after the composite), whose differences the comparisons need.</summary>
    public int[] Dimensions => Enumerable.Range(1, Scheme.Dimensions.Count).ToArray();

    /// <summary>The positions of the levels written: country+quarter only when the surveys span several quarters, or when it was asked for.</summary>
    public IReadOnlyList<int> OutputLevels(bool severalQuarters) =>
        Enumerable.Range(0, Levels.Count).Where(l => !(Levels[l].Name == RunPlan.QuarterLevel.Name && QuarterLevelIsDefault && !severalQuarters)).ToArray();

    /// <summary>An estimator by cell for these measures and this design (the cross-products of the dimensions kept without clusters).</summary>
    public DomainEstimator NewEstimator(SurveyDesign design, Analytics.Calibration.CalibratedWeights? calibration = null) =>
        new(design, Measures.Count, Scheme.Options.Bands, intervals: Ci, crossMeasures: Dimensions, degreesOfFreedom: Df, calibration: calibration);
}
