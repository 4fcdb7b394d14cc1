namespace Avrr.Analytics.Inference;

/// <summary>
/// Tests decided in families (docs/methodology.md, "Families and the false discovery rate"). A family is the set
/// of tests that answer one question and are read together: each country against all countries, for one measure;
/// the communities of one country against it; the quarter-to-quarter changes of one group; the attributes of one
/// outcome's model. Within each family the p-values are adjusted by <see cref="MultipleTesting"/> and a test is
/// significant when its adjusted p-value is below the level. Tests of different families are never adjusted
/// together, so a family's decisions do not depend on what else the run tested.
/// </summary>
public static class TestFamilies
{
    /// <summary>The significance level of every decision the engine writes: 5%.</summary>
    public const double Level = 0.05;

    /// <summary>
    /// Decides every test, each named by its family's key and given its p-value (NaN when no test could be made),
    /// in the order given.
    /// </summary>
    public static FamilyDecision[] Decide(IReadOnlyList<(string Family, double P)> tests, MultipleTesting method, double level = Level)
    {
        var decisions = new FamilyDecision[tests.Count];
        foreach (var family in Enumerable.Range(0, tests.Count).GroupBy(i => tests[i].Family, StringComparer.Ordinal))
        {
            var members = family.ToArray();
            var p = members.Select(i => tests[i].P).ToArray();
            var adjusted = method == MultipleTesting.BenjaminiHochberg ? FalseDiscoveryRate.BenjaminiHochberg(p) : p;
            var size = p.Count(x => !double.IsNaN(x));
            for (var k = 0; k < members.Length; k++)
                decisions[members[k]] = double.IsNaN(p[k])
                    ? FamilyDecision.None(family.Key, size)
                    : new FamilyDecision(p[k], family.Key, size, adjusted[k], adjusted[k] < level);
        }
        return decisions;
    }

    /// <summary>
    /// A family's key from its parts: the kind of test and the measure, then the scope's column=value pairs
    /// (<c>vs_parent:composite:country=SEN</c>). Values are written as read, with <c>%</c>, <c>:</c>, <c>,</c> and <c>=</c>
    /// percent-encoded so that two scopes never give one key.
    /// </summary>
    public static string Key(string kind, string? measure, IEnumerable<(string Column, string Value)>? scope = null)
    {
        var key = measure is null ? kind : kind + ":" + measure;
        var pairs = scope?.Select(s => s.Column + "=" + Escape(s.Value)).ToArray() ?? [];
        return pairs.Length == 0 ? key : key + ":" + string.Join(",", pairs);
    }

    private static string Escape(string value) =>
        value.IndexOfAny(['%', ':', ',', '=']) < 0 ? value : value.Replace("%", "%25").Replace(":", "%3A").Replace(",", "%2C").Replace("=", "%3D");
}
