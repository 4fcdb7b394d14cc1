namespace Avrr.Analytics.Reports.Findings;

/// <summary>How the run decided the tests of its findings (its manifest's <c>fdr</c>; docs/methodology.md, "Families and the false discovery rate").</summary>
public enum Decisions
{
    /// <summary>Within each family by Benjamini–Hochberg: significant when the adjusted p-value is below 0.05 (<c>--fdr bh</c>, the default).</summary>
    FalseDiscoveryRate,

    /// <summary>Each test on its own at 5% (<c>--fdr none</c>, or a result of an engine without families).</summary>
    EachOnItsOwn,
}
