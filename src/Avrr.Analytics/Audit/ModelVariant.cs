namespace Avrr.Analytics.Audit;

/// <summary>
/// One way of building the composite, for the uncertainty analysis (docs/audit.md): the weights of the
/// dimensions (in the composite), of the indicators (in their dimension) and of the indicators in a
/// composite built from indicators; arithmetic or geometric aggregation; the composite from dimensions
/// or from indicators; the dimension coverage rule; and whether dk is scored as the lowest score.
/// Question weights and the composite requirement are the scheme's in every variant.
/// </summary>
public sealed record ModelVariant(
    double[] DimensionWeights,
    double[] IndicatorWeights,
    double[] CompositeWeights,
    bool Geometric,
    bool FromIndicators,
    double Coverage,
    bool DontKnowLowest);
