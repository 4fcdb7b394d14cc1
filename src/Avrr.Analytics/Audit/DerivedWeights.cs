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
/// Squaring hides a loading's sign, so weights are derived only from a component whose loadings share one sign (a
/// common factor). A component with loadings of both signs (at least <see cref="SignFloor"/> in size) is a
/// <b>contrast</b>: it opposes some members to the others, and squared loadings would give the opposed ones weight for
/// moving against the rest (issue 26 §5). Such a group gets no derived weights (NaN), is listed in <see cref="Contrasts"/>,
/// and flagged in audit/flags; the scheme file is written only when every group's weights could be derived.
/// </summary>
public sealed record DerivedWeights(double[] DimensionWeights, double[] IndicatorWeights, double[]? CompositeWeights)
{
    public const string Method =
        "first principal component of each group's correlation matrix (complete cases), when its loadings share one sign; weight = squared loading, scaled to unity " +
        "(OECD/JRC Handbook on Constructing Composite Indicators 2008, section 6.1, with one factor per group)";

    /// <summary>A loading smaller than this in size counts as 0 for the sign test: it carries under 1% of the component's unit length, and its sign is noise.</summary>
    public const double SignFloor = 0.1;

    /// <summary>The scopes (a dimension id, <c>dimensions</c>, <c>all</c>) whose first component is a contrast, so no weights were derived for them.</summary>
    public IReadOnlyList<string> Contrasts { get; init; } = [];

    /// <summary>Whether every weight could be derived (no contrast): only then is a scheme file written.</summary>
    public bool Complete => Contrasts.Count == 0;

    /// <summary>Whether loadings have both signs, each at least <see cref="SignFloor"/> in size.</summary>
    public static bool IsContrast(IReadOnlyList<double> loadings) => loadings.Any(l => l >= SignFloor) && loadings.Any(l => l <= -SignFloor);

    /// <summary>The weights (NaN for a group whose component is a contrast), or why they cannot be derived at all.</summary>
    public static (DerivedWeights? Weights, string? Why) From(Scheme scheme, IReadOnlyDictionary<string, PrincipalComponents?> components)
    {
        var contrasts = new List<string>();
        double[]? Squares(string scope, int count)
        {
            if (count == 1) return [1.0];
            if (!components.TryGetValue(scope, out var pca) || pca is null) return null;
            var loadings = Enumerable.Range(0, count).Select(i => pca.Loadings[i, 0]).ToArray();
            if (IsContrast(loadings))
            {
                contrasts.Add(scope);
                return Enumerable.Repeat(double.NaN, count).ToArray();
            }
            var squares = loadings.Select(l => l * l).ToArray();
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
        return (new DerivedWeights(dimensionWeights, [.. indicatorWeights], compositeWeights) { Contrasts = contrasts }, null);
    }
}
