using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.Audit;

/// <summary>
/// The composite of a survey from its indicator scores under a <see cref="ModelVariant"/>. With the
/// nominal variant it does exactly what <see cref="SurveyScorer"/> does, in the same order of operations,
/// so that the nominal composite is the engine's own, bit for bit (docs/methodology.md, "The rules, for
/// one survey"). Geometric aggregation is of the dimensions: the weighted geometric mean
/// exp(Σ W_d ln x_d / Σ W_d) of the scored dimensions, 0 when one of them is 0 (the product is 0). A
/// composite built straight from indicators is always their weighted arithmetic mean: indicator scores
/// are often exactly 0, and a geometric mean of them would be 0 for most surveys.
/// </summary>
internal sealed class VariantScorer
{
    private readonly ModelVariant _variant;
    private readonly int[] _dimensionFirst;
    private readonly double[] _dimensionTotal;
    private readonly double _threshold;
    private readonly bool _requiresAll;
    private readonly double _compositeThreshold;
    private readonly double _totalDimensionWeight;

    public VariantScorer(Scheme scheme, ModelVariant variant)
    {
        _variant = variant;
        var dimensions = scheme.Dimensions;
        _dimensionFirst = new int[dimensions.Count + 1];
        for (var d = 0; d < dimensions.Count; d++) _dimensionFirst[d + 1] = _dimensionFirst[d] + dimensions[d].Indicators.Count;
        // Summed in the scorer's order, so that with the nominal (relative) weights the coverage rule gives the
        // scorer's answer at 3 of 5.
        _dimensionTotal = Enumerable.Range(0, dimensions.Count).Select(d => Total(variant.IndicatorWeights, _dimensionFirst[d], _dimensionFirst[d + 1])).ToArray();
        _totalDimensionWeight = variant.DimensionWeights.Sum();
        _threshold = variant.Coverage - SurveyScorer.CoverageSlack;
        _requiresAll = scheme.Options.CompositeRequires == CompositeRequirement.All;
        _compositeThreshold = scheme.Options.MinCompositeCoverage - SurveyScorer.CoverageSlack;
    }

    public ModelVariant Variant => _variant;

    private static double Total(double[] weights, int from, int to)
    {
        double total = 0;
        for (var i = from; i < to; i++) total += weights[i];
        return total;
    }

    /// <summary>
    /// The composite of one survey from its indicator scores with 0 where missing (<paramref name="scores"/>)
    /// and 1 where present, 0 where missing (<paramref name="present"/>); NaN when the composite is missing.
    /// Adding w · 0 for a missing indicator changes neither a sum nor a weight, so this is the scorer's
    /// arithmetic without its branches.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double Composite(ReadOnlySpan<double> scores, ReadOnlySpan<double> present)
    {
        var v = _variant;
        var w = v.IndicatorWeights;
        var dimensions = _dimensionTotal.Length;
        double compositeSum = 0, compositeWeight = 0, scoredWeight = 0;
        var scored = 0;
        var zero = false;
        for (var d = 0; d < dimensions; d++)
        {
            double sum = 0, weight = 0;
            for (var i = _dimensionFirst[d]; i < _dimensionFirst[d + 1]; i++)
            {
                sum += w[i] * scores[i];
                weight += w[i] * present[i];
            }
            if (!(weight > 0 && weight / _dimensionTotal[d] >= _threshold)) continue;
            var score = sum / weight;
            scored++;
            var dw = v.DimensionWeights[d];
            scoredWeight += dw;
            if (v.FromIndicators) continue;
            if (v.Geometric)
            {
                if (score == 0) zero = true;
                else compositeSum += dw * Math.Log(score);
            }
            else compositeSum += dw * score;
            compositeWeight += dw;
        }
        var allowed = _requiresAll ? scored == dimensions : scored > 0 && scoredWeight / _totalDimensionWeight >= _compositeThreshold;
        if (!allowed) return double.NaN;
        if (v.FromIndicators)
        {
            var cw = v.CompositeWeights;
            compositeSum = 0;
            compositeWeight = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                compositeSum += cw[i] * scores[i];
                compositeWeight += cw[i] * present[i];
            }
            return compositeSum / compositeWeight;
        }
        if (!v.Geometric) return compositeSum / compositeWeight;
        return zero ? 0 : Math.Exp(compositeSum / compositeWeight);
    }
}
