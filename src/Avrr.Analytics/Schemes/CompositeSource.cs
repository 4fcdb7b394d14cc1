namespace Avrr.Analytics.Schemes;

/// <summary>What the composite is the weighted mean of (scheme option <c>compositeFrom</c>).</summary>
public enum CompositeSource
{
    /// <summary>The dimension scores, with the dimension weights.</summary>
    Dimensions,
    /// <summary>The indicator scores, with each indicator's composite weight (for official tables that weight indicators directly).</summary>
    Indicators,
}
