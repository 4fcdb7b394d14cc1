namespace Avrr.Analytics.Schemes;

/// <summary>What the composite needs before it is given (scheme option <c>compositeRequires</c>).</summary>
public enum CompositeRequirement
{
    /// <summary>Every dimension must be scored.</summary>
    All,
    /// <summary>The scored dimensions must carry at least <see cref="SchemeOptions.MinCompositeCoverage"/> of dimension weight.</summary>
    Coverage,
}
