namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// A categorical term of a linear model (docs/insights.md, "The linear model"): an attribute and its
/// levels in byte order (ordinal comparison of their UTF-8 text), as R's <c>factor()</c> orders them in
/// the C locale. The first level is the reference category of the treatment coding.
/// </summary>
public sealed record FactorTerm(string Name, IReadOnlyList<string> Levels)
{
    public string Reference => Levels[0];

    /// <summary>A term from the values met, in any order: their distinct values sorted in byte order.</summary>
    public static FactorTerm Of(string name, IEnumerable<string> values) =>
        new(name, values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
}
