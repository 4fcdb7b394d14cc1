using Avrr.Analytics.Inference;

namespace Avrr.Analytics.Tests.Inference;

/// <summary>
/// The library piece that decides tests in families (docs/methodology.md, "Families and the false discovery rate"):
/// Benjamini–Hochberg equals R's <c>p.adjust(p, "BH")</c> (its NA left out of n), families are adjusted apart, a family's
/// key cannot be made by another scope, and the tail probabilities equal R's <c>pt</c> and <c>pnorm</c> where the
/// engine's p-values need them (from a few to millions of degrees of freedom).
/// </summary>
public sealed class FamiliesTests
{
    [Fact]
    public void Benjamini_Hochberg_equals_R_p_adjust_with_ties_and_a_missing_test()
    {
        // R: p.adjust(c(0.01, 0.04, 0.04, NA, 0.03, 0.2, 0.0001, 0.9), "BH"), printed with %.17g.
        double[] p = [0.01, 0.04, 0.04, double.NaN, 0.03, 0.2, 0.0001, 0.9];
        double[] r = [0.035000000000000003, 0.055999999999999994, 0.055999999999999994, double.NaN, 0.055999999999999994, 0.23333333333333336, 0.00069999999999999999, 0.90000000000000002];
        var adjusted = FalseDiscoveryRate.BenjaminiHochberg(p);
        for (var i = 0; i < p.Length; i++)
            if (double.IsNaN(r[i])) Assert.True(double.IsNaN(adjusted[i]));
            else Assert.Equal(r[i], adjusted[i], 15);
    }

    [Fact]
    public void Each_family_is_adjusted_apart_and_decided_at_5_percent()
    {
        // Family a: 0.01 and 0.04 (m = 2): 0.02, 0.04, both significant. Family b alone: 0.04 stays 0.04.
        // Family c: 0.04 and 0.9: 0.08 and 0.9, neither. A missing test (NaN) has no decision and does not count.
        (string, double)[] tests = [("a", 0.01), ("b", 0.04), ("a", 0.04), ("c", 0.04), ("c", 0.9), ("c", double.NaN)];
        var decisions = TestFamilies.Decide(tests, MultipleTesting.BenjaminiHochberg);
        Assert.Equal([0.02, 0.04, 0.04, 0.08, 0.9], decisions.Take(5).Select(d => Math.Round(d.PAdjusted, 12)));
        Assert.Equal([true, true, true, false, false, null], decisions.Select(d => d.Significant));
        Assert.Equal([2, 1, 2, 2, 2, 2], decisions.Select(d => d.FamilySize));
        Assert.True(double.IsNaN(decisions[5].PValue));

        var none = TestFamilies.Decide(tests, MultipleTesting.None);
        Assert.Equal([0.01, 0.04, 0.04, 0.04, 0.9], none.Take(5).Select(d => d.PAdjusted));
        Assert.Equal([true, true, true, true, false, null], none.Select(d => d.Significant));
    }

    [Fact]
    public void A_familys_key_names_its_kind_measure_and_scope_and_no_two_scopes_share_one()
    {
        Assert.Equal("vs_all:composite", TestFamilies.Key("vs_all", "composite"));
        Assert.Equal("vs_parent:social:country=SEN", TestFamilies.Key("vs_parent", "social", [("country", "SEN")]));
        Assert.Equal("weakest_dimension", TestFamilies.Key("weakest_dimension", null));
        // A value holding the separators is percent-encoded: "a,sex=b" is one value, not two pairs.
        Assert.Equal("vs_previous_quarter:composite:country=a%2Csex%3Db", TestFamilies.Key("vs_previous_quarter", "composite", [("country", "a,sex=b")]));
        Assert.NotEqual(TestFamilies.Key("k", "m", [("country", "a,sex=b")]), TestFamilies.Key("k", "m", [("country", "a"), ("sex", "b")]));
    }

    [Theory]
    [InlineData(4.2, 12, 0.0012319002271227451)]
    [InlineData(2.1, 2969, 0.035813014599423272)]
    [InlineData(-1.3, 2969, 0.19370188243014896)]
    [InlineData(3.5, 100000, 0.00046546053937109966)]
    [InlineData(0.7, 3e5, 0.48392784724722393)]
    [InlineData(2.4, 3.9e5, 0.016395537657699126)]
    [InlineData(3.1, 4.1e5, 0.0019353374642024589)]
    [InlineData(0.7, 1e6, 0.4839274672865419)]
    [InlineData(5, 2e6, 5.7335146378314665e-07)]
    [InlineData(1.96, 1e7, 0.049995818025314213)]
    public void Two_sided_t_tails_equal_R_pt(double t, double df, double r)
    {
        // R: 2 * pt(-abs(t), df), which also agrees with a 30-digit pbeta (mpmath) to 1e-15. The engine's documented
        // accuracy: 1e-12 relative for |t| < 3 at any df; 1e-11 absolute for the small p-values of |t| ≥ 3.
        var p = Tails.TwoSidedT(t, df);
        Assert.True(Math.Abs(p - r) <= (Math.Abs(t) < 3 ? 1e-12 * r : 1e-11), $"t {t}, df {df}: {p:R}, R {r:R}");
    }

    [Fact]
    public void Two_sided_normal_tail_equals_R_pnorm() =>
        Assert.Equal(0.01241933065155227, Tails.TwoSidedNormal(-2.5), 15);   // R: 2 * pnorm(-2.5)
}
