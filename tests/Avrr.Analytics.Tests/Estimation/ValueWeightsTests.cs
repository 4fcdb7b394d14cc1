using Avrr.Analytics.Estimation;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// A value's total weight does not depend on the order its surveys were added in (docs/partials.md, "Exact
/// quantiles"): added one by one in two orders, or merged from two halves, the totals are the same double, where
/// plain sums of the same weights are not.
/// </summary>
public sealed class ValueWeightsTests
{
    [Fact]
    public void A_values_total_weight_is_the_same_double_in_any_order_and_from_merged_halves()
    {
        var random = new Random(2);
        var weights = Enumerable.Range(0, 5000).Select(_ => Math.Round(0.1 + random.NextDouble() * 3, 3)).ToArray();
        var shuffled = weights.OrderBy(_ => random.Next()).ToArray();

        static double Total(ValueWeights w) => w.Entries().Single().Total + w.Entries().Single().TotalLow;
        var (forward, backward, first, second) = (new ValueWeights(), new ValueWeights(), new ValueWeights(), new ValueWeights());
        for (var i = 0; i < weights.Length; i++)
        {
            forward.Add(0, weights[i], i);
            backward.Add(0, shuffled[i], i);
            (i < weights.Length / 2 ? first : second).Add(0, weights[i], i);
        }
        first.Merge(second);
        Assert.Equal(Total(forward), Total(backward));
        Assert.Equal(Total(forward), Total(first));
        // Plain sums of the same weights round differently in the two orders: what the unevaluated sum avoids.
        Assert.NotEqual(weights.Aggregate(0.0, (s, w) => s + w), shuffled.Aggregate(0.0, (s, w) => s + w));
    }
}
