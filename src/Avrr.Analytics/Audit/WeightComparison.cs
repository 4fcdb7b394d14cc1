using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Audit;

/// <summary>
/// Nominal, effective and derived weights side by side (docs/audit.md, "Weights"), for every dimension
/// and indicator:
/// <list type="bullet">
/// <item>nominal: the scheme's weight as a share of its parent, and its share of the composite, the
/// product of the shares down the tree (COINr's <c>get_eff_wts</c>);</item>
/// <item>effective: the node's correlation-based importance in the composite, r(node, composite) / Σ
/// r(sibling level, composite) over the nodes of its level (Pearson, unweighted, pairwise complete: the
/// normalised correlations COINr's <c>get_opt_weights</c> balances, after Becker et al. 2017);</item>
/// <item>derived: <see cref="DerivedWeights"/>, as shares in the same way as nominal.</item>
/// </list>
/// </summary>
internal static class WeightComparison
{
    public static IReadOnlyList<WeightRow> Rows(Scheme scheme, DerivedWeights? derived, Func<int, double> correlationWithComposite, AuditVariables variables)
    {
        var nominal = UncertaintyAnalysis.Nominal(scheme);
        var (nominalDimension, nominalIndicator) = Shares(scheme, nominal.DimensionWeights, nominal.IndicatorWeights, nominal.FromIndicators ? nominal.CompositeWeights : null);
        var (derivedDimension, derivedIndicator) = derived is null
            ? (new double[scheme.Dimensions.Count].Select(_ => double.NaN).ToArray(), new double[scheme.Indicators.Count].Select(_ => double.NaN).ToArray())
            : Shares(scheme, derived.DimensionWeights, derived.IndicatorWeights, derived.CompositeWeights);
        var dimensionR = Enumerable.Range(0, scheme.Dimensions.Count).Select(d => correlationWithComposite(variables.Indicators + d)).ToArray();
        var indicatorR = Enumerable.Range(0, scheme.Indicators.Count).Select(correlationWithComposite).ToArray();
        var rows = new List<WeightRow>();
        var i = 0;
        for (var d = 0; d < scheme.Dimensions.Count; d++)
        {
            var dimension = scheme.Dimensions[d];
            rows.Add(new WeightRow(dimension.Id, "dimension", AuditVariables.Composite, InParent(nominal.DimensionWeights, d),
                nominalDimension[d], dimensionR[d], dimensionR[d] / dimensionR.Sum(),
                derived is null ? double.NaN : InParent(derived.DimensionWeights, d), derivedDimension[d]));
            var first = i;
            foreach (var indicator in dimension.Indicators)
            {
                rows.Add(new WeightRow(indicator.Id, "indicator", dimension.Id, InParent(nominal.IndicatorWeights[first..(first + dimension.Indicators.Count)], i - first),
                    nominalIndicator[i], indicatorR[i], indicatorR[i] / indicatorR.Sum(),
                    derived is null ? double.NaN : InParent(derived.IndicatorWeights[first..(first + dimension.Indicators.Count)], i - first), derivedIndicator[i]));
                i++;
            }
        }
        return rows;
    }

    private static double InParent(double[] siblings, int node) => siblings[node] / siblings.Sum();

    /// <summary>Each dimension's and indicator's share of the composite.</summary>
    private static (double[] Dimensions, double[] Indicators) Shares(Scheme scheme, double[] dimensionWeights, double[] indicatorWeights, double[]? compositeWeights)
    {
        var dimensions = new double[scheme.Dimensions.Count];
        var indicators = new double[scheme.Indicators.Count];
        var total = dimensionWeights.Sum();
        var compositeTotal = compositeWeights?.Sum() ?? 0;
        var i = 0;
        for (var d = 0; d < dimensions.Length; d++)
        {
            var count = scheme.Dimensions[d].Indicators.Count;
            var inDimension = indicatorWeights.Skip(i).Take(count).Sum();
            for (var j = 0; j < count; j++, i++)
            {
                indicators[i] = compositeWeights is null ? dimensionWeights[d] / total * (indicatorWeights[i] / inDimension) : compositeWeights[i] / compositeTotal;
                dimensions[d] += indicators[i];
            }
        }
        return (dimensions, indicators);
    }
}
