using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Audit;

/// <summary>
/// Weights derived from the data by principal components, in the OECD/JRC tradition (docs/audit.md,
/// "Derived weights"): the Handbook on Constructing Composite Indicators (OECD/JRC 2008, §6.1, after
/// Nicoletti, Scarpetta and Boylaud 2000) weights each indicator by its squared loading on the factor,
/// scaled to unity; here with one factor per group, the first principal component of the group's
/// correlation matrix (complete cases, as <see cref="PrincipalComponents"/>). At each level of the tree:
/// <list type="bullet">
/// <item>an indicator's weight in its dimension is the square of its loading on the first component of
/// the dimension's indicators (a unit eigenvector, so the squares sum to 1);</item>
/// <item>a dimension's weight in the composite is the square of its loading on the first component of
/// the dimension scores;</item>
/// <item>for a scheme whose composite is built from indicators, an indicator's composite weight is the
/// square of its loading on the first component of all indicators.</item>
/// </list>
/// Squared loadings are never negative (COINr's <c>get_PCA</c> takes the loadings themselves, which can
/// be), and an indicator that shares little with the others of its group gets a small weight.
/// </summary>
public sealed record DerivedWeights(double[] DimensionWeights, double[] IndicatorWeights, double[]? CompositeWeights)
{
    public const string Method =
        "first principal component of each group's correlation matrix (complete cases); weight = squared loading, scaled to unity " +
        "(OECD/JRC Handbook on Constructing Composite Indicators 2008, section 6.1, with one factor per group)";

    /// <summary>The weights, or why they cannot be derived.</summary>
    public static (DerivedWeights? Weights, string? Why) From(Scheme scheme, IReadOnlyDictionary<string, PrincipalComponents?> components)
    {
        double[]? Squares(string scope, int count)
        {
            if (count == 1) return [1.0];
            if (!components.TryGetValue(scope, out var pca) || pca is null) return null;
            var squares = Enumerable.Range(0, count).Select(i => pca.Loadings[i, 0] * pca.Loadings[i, 0]).ToArray();
            var total = squares.Sum();
            return squares.All(s => double.IsFinite(s) && s > 0) ? squares.Select(s => s / total).ToArray() : null;
        }
        var indicatorWeights = new List<double>();
        foreach (var dimension in scheme.Dimensions)
        {
            var weights = Squares(dimension.Id, dimension.Indicators.Count);
            if (weights is null) return (null, $"the principal components of dimension {dimension.Id} could not be computed, or gave an indicator no weight");
            indicatorWeights.AddRange(weights);
        }
        var dimensionWeights = Squares(AuditVariables.DimensionsScope, scheme.Dimensions.Count);
        if (dimensionWeights is null) return (null, "the principal components of the dimension scores could not be computed, or gave a dimension no weight");
        double[]? compositeWeights = null;
        if (scheme.Options.CompositeFrom == CompositeSource.Indicators)
        {
            compositeWeights = Squares(AuditVariables.All, scheme.Indicators.Count);
            if (compositeWeights is null) return (null, "the principal components of all indicators could not be computed, or gave an indicator no weight");
        }
        return (new DerivedWeights(dimensionWeights, [.. indicatorWeights], compositeWeights), null);
    }
}
