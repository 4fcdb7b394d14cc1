using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Audit;

/// <summary>
/// The scores the audit correlates, in the order of a scored row (<c>SurveyBatch.RowScores</c>): the
/// indicators in scheme order, the dimensions, then the composite, named by their scheme ids and
/// <c>composite</c>. And the scopes of reliability and principal components: each dimension's
/// indicators, <c>all</c> the indicators, and (for principal components only) the <c>dimensions</c>.
/// </summary>
public sealed class AuditVariables
{
    public const string Composite = "composite", All = "all", DimensionsScope = "dimensions";

    public AuditVariables(Scheme scheme)
    {
        Indicators = scheme.Indicators.Count;
        Dimensions = scheme.Dimensions.Count;
        Names = [.. scheme.Indicators.Select(i => i.Id), .. scheme.Dimensions.Select(d => d.Id), Composite];
        DimensionOf = scheme.Dimensions.SelectMany((d, index) => d.Indicators.Select(_ => index)).ToArray();
        var scopes = new List<(string, int[])>();
        var first = 0;
        foreach (var dimension in scheme.Dimensions)
        {
            scopes.Add((dimension.Id, Enumerable.Range(first, dimension.Indicators.Count).ToArray()));
            first += dimension.Indicators.Count;
        }
        scopes.Add((All, Enumerable.Range(0, Indicators).ToArray()));
        Scopes = scopes;
        DimensionScope = Enumerable.Range(Indicators, Dimensions).ToArray();
    }

    public int Indicators { get; }
    public int Dimensions { get; }
    public int Count => Indicators + Dimensions + 1;
    public int CompositeVariable => Indicators + Dimensions;
    public IReadOnlyList<string> Names { get; }

    /// <summary>The dimension of each indicator.</summary>
    public IReadOnlyList<int> DimensionOf { get; }

    /// <summary>The scopes of reliability and principal components: each dimension's indicators, then all of them (variable positions).</summary>
    public IReadOnlyList<(string Name, int[] Variables)> Scopes { get; }

    /// <summary>The dimension scores, a scope of principal components (for the derived dimension weights).</summary>
    public int[] DimensionScope { get; }

    public bool IsIndicator(int variable) => variable < Indicators;
}
