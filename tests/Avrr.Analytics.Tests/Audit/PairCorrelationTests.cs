using Avrr.Analytics.Audit;

namespace Avrr.Analytics.Tests.Audit;

/// <summary>The correlations of a joint table, and the exact weight sums behind them, checked by hand.</summary>
public sealed class PairCorrelationTests
{
    [Fact]
    public void The_weighted_Spearman_is_the_weighted_Pearson_of_weighted_mid_ranks_computed_by_hand()
    {
        // Four surveys (x, y, w): (1, 1, 1), (2, 3, 2), (2, 2, 1), (3, 4, 1).
        // Weighted mid-ranks r = weight below + half the weight at the value:
        //   x: 1 → 0.5, 2 → 1 + 3/2 = 2.5, 3 → 4 + 0.5 = 4.5;  y: 1 → 0.5, 2 → 1.5, 3 → 2 + 1 = 3, 4 → 4.5.
        // Pairs (rx, ry, w): (0.5, 0.5, 1), (2.5, 3, 2), (2.5, 1.5, 1), (4.5, 4.5, 1); both weighted means 12.5 / 5 = 2.5.
        // Σw·dx·dy = 4 + 0 + 0 + 4 = 8, Σw·dx² = 8, Σw·dy² = 4 + 2·0.25 + 1 + 4 = 9.5: r = 8 / √76.
        var table = new JointTable([1, 2, 3], [1, 2, 3, 4], [0, 1, 1, 2], [0, 1, 2, 3], [1, 1, 1, 1], [1, 1, 2, 1]);
        var r = PairCorrelation.Of(table);
        Assert.Equal(4, r.N);
        Assert.Equal(8 / Math.Sqrt(76), r.WeightedSpearman, 15);
        // Unweighted: mid-ranks x 0.5, 2, 2, 3.5 and y 0.5, 2.5, 1.5, 3.5 (R's ranks minus ½), means 2;
        // Σdx·dy = 2.25 + 0 + 0 + 2.25 = 4.5, Σdx² = 4.5, Σdy² = 2.25 + 0.25 + 0.25 + 2.25 = 5: r = 4.5 / √22.5.
        Assert.Equal(4.5 / Math.Sqrt(22.5), r.Spearman, 15);
    }

    [Fact]
    public void Exact_weight_sums_do_not_depend_on_the_order_and_are_within_1e_15_of_the_exact_sum()
    {
        var weights = Enumerable.Range(0, 1000).Select(i => 0.1 + i % 7 * 0.37).ToArray();
        Int128 forward = 0, backward = 0;
        foreach (var w in weights) forward += ExactWeight.Of(w);
        foreach (var w in weights.Reverse()) backward += ExactWeight.Of(w);
        Assert.Equal(forward, backward);
        Assert.Equal(1000, ExactWeight.Count(forward));
        var exact = weights.Sum(w => (decimal)w);
        Assert.True(Math.Abs((double)(exact - (decimal)ExactWeight.Weight(forward))) <= 1e-15 * (double)exact);
        Int128 whole = 0;
        foreach (var w in new[] { 1.0, 2.5, 1234.125 }) whole += ExactWeight.Of(w);
        Assert.Equal(1237.625, ExactWeight.Weight(whole));
    }
}
