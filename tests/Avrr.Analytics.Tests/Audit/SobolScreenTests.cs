using Avrr.Analytics.Audit;

namespace Avrr.Analytics.Tests.Audit;

/// <summary>
/// A Sobol index is shown only when the design supports it (issue 26 §2, docs/audit.md "When an index is withheld"):
/// the impossible indices of the issue (a total of 1.02 with an interval of 0–2.54, a first order of 0.49 above its
/// total of 0.37, a first order of −0.12, first orders summing past 1, a ranking that moved in 1 run of 64) are each
/// withheld with their reason, never clamped; the Ishigami function's indices at N = 8192 are all shown.
/// </summary>
public sealed class SobolScreenTests
{
    private static readonly AuditOptions Options = new();

    private static string J(IEnumerable<string?> reasons) => string.Join("|", reasons.Select(r => r ?? "shown"));

    /// <summary>Indices of two inputs with every check passed: variance, 60 of 64 runs moved, sums consistent, narrow intervals.</summary>
    private static SobolIndices Sound() => new([0.3, 0.5], [0.4, 0.6], [0.25, 0.45], [0.35, 0.55], [0.35, 0.55], [0.45, 0.65], 1.0)
    {
        FirstMinusTotalLow = [-0.2, -0.2], FirstOrderSumLow = 0.7, TotalSumHigh = 1.1, MovedRuns = 60,
    };

    [Fact]
    public void Sound_indices_are_all_shown()
    {
        var (first, total) = SobolScreen.Reasons(Sound(), 32, Options);
        Assert.All(first.Concat(total), Assert.Null);
    }

    [Fact]
    public void A_ranking_that_moved_in_one_run_of_64_has_every_index_withheld_as_negligible()
    {
        var (first, total) = SobolScreen.Reasons(Sound() with { Variance = 0.015, MovedRuns = 1 }, 32, Options);
        Assert.All(first.Concat(total), r => Assert.Equal(SobolScreen.Negligible, r));
    }

    [Fact]
    public void A_total_of_1_02_with_an_interval_of_0_to_2_54_is_withheld_as_outside_0_1()
    {
        var indices = Sound() with { Total = [1.02, 0.6], TotalLow = [0, 0.55], TotalHigh = [2.54, 0.65] };
        var (_, total) = SobolScreen.Reasons(indices, 32, Options);
        Assert.Equal(J([SobolScreen.Outside, null]), J(total));
    }

    [Fact]
    public void A_negative_first_order_index_is_withheld_and_not_clamped_to_0()
    {
        var indices = Sound() with { FirstOrder = [-0.12, 0.5], FirstOrderLow = [-0.2, 0.45], FirstOrderHigh = [-0.05, 0.55] };
        var (first, _) = SobolScreen.Reasons(indices, 32, Options);
        Assert.Equal(J([SobolScreen.Outside, null]), J(first));
    }

    [Fact]
    public void A_first_order_above_its_total_is_withheld_and_the_total_too_when_the_excess_is_beyond_error()
    {
        var within = Sound() with { FirstOrder = [0.49, 0.3], Total = [0.37, 0.6], FirstOrderLow = [0.4, 0.25], FirstOrderHigh = [0.58, 0.35],
            TotalLow = [0.3, 0.55], TotalHigh = [0.45, 0.65], FirstMinusTotalLow = [-0.03, -0.2] };
        var (first, total) = SobolScreen.Reasons(within, 32, Options);
        Assert.Equal(J([SobolScreen.FirstAboveTotal, null]), J(first));
        Assert.Equal(J([null, null]), J(total));
        var (first2, total2) = SobolScreen.Reasons(within with { FirstMinusTotalLow = [0.02, -0.2] }, 32, Options);
        Assert.Equal(J([SobolScreen.FirstAboveTotal, null]), J(first2));
        Assert.Equal(J([SobolScreen.FirstAboveTotal, null]), J(total2));
    }

    [Fact]
    public void First_orders_that_sum_past_1_beyond_error_are_all_withheld()
    {
        var (first, total) = SobolScreen.Reasons(Sound() with { FirstOrderSumLow = 1.05 }, 32, Options);
        Assert.All(first, r => Assert.Equal(SobolScreen.SumInconsistent, r));
        Assert.All(total, Assert.Null);
        var (_, total2) = SobolScreen.Reasons(Sound() with { TotalSumHigh = 0.9 }, 32, Options);
        Assert.All(total2, r => Assert.Equal(SobolScreen.SumInconsistent, r));
    }

    [Fact]
    public void An_interval_wider_than_the_bound_is_withheld()
    {
        var indices = Sound() with { TotalLow = [0.2, 0.55], TotalHigh = [0.6, 0.65] };
        var (_, total) = SobolScreen.Reasons(indices, 32, Options);
        Assert.Equal(J([SobolScreen.TooWide, null]), J(total));
        Assert.All(SobolScreen.Reasons(indices, 32, Options with { SobolMaxIntervalWidth = 0.5 }).Total, Assert.Null);
    }

    [Fact]
    public void The_estimators_on_an_output_that_moved_once_give_indices_the_screen_withholds()
    {
        // Mean rank shifts of a design of N = 32 with k = 5: 0 everywhere but one row of A (the "one of 64 rank runs changed").
        var outputs = new double[32 * 7];
        outputs[3] = 0.4;
        var indices = SobolIndices.Estimate(outputs, 32, 5, bootstrap: 200, seed: 1);
        Assert.True(indices.Variance > 0);
        Assert.Equal(1, indices.MovedRuns);
        var (first, total) = SobolScreen.Reasons(indices, 32, Options);
        Assert.All(first.Concat(total), r => Assert.Equal(SobolScreen.Negligible, r));
    }

    [Fact]
    public void The_Ishigami_indices_at_N_8192_pass_every_check()
    {
        static double Ishigami(double[] u)
        {
            var x = u.Select(v => -Math.PI + 2 * Math.PI * v).ToArray();
            return Math.Sin(x[0]) + 7 * Math.Pow(Math.Sin(x[1]), 2) + 0.1 * Math.Pow(x[2], 4) * Math.Sin(x[0]);
        }
        var design = new SaltelliDesign(8192, 3, 11);
        var indices = SobolIndices.Estimate(design.Points.Select(Ishigami).ToArray(), 8192, 3, bootstrap: 300, seed: 12);
        // S3 is 0 in truth: its estimate may fall just below 0, and is then withheld, not clamped.
        var (first, total) = SobolScreen.Reasons(indices, 8192, Options);
        Assert.Equal(J([null, null]), J(first.Take(2)));
        Assert.True(first[2] is null || (first[2] == SobolScreen.Outside && indices.FirstOrder[2] < 0));
        Assert.All(total, Assert.Null);
        Assert.True(indices.FirstOrderSumLow < 1 && indices.TotalSumHigh > 1);
    }
}
