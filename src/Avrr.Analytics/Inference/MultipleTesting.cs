namespace Avrr.Analytics.Inference;

/// <summary>
/// How the tests of one family are decided together (docs/methodology.md, "Families and the false discovery rate"):
/// the run's <c>--fdr</c>.
/// </summary>
public enum MultipleTesting
{
    /// <summary>
    /// Benjamini and Hochberg (1995): the p-values of a family are adjusted (R's <c>p.adjust(p, "BH")</c>) and a test
    /// is significant when its adjusted p-value is below the level, which keeps the false discovery rate of the
    /// family (the expected share of false findings among those called significant) at or below the level. The default.
    /// </summary>
    BenjaminiHochberg,

    /// <summary>Each test decided on its own at the level: the adjusted p-value is the p-value.</summary>
    None,
}
