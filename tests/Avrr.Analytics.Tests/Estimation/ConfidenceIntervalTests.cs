using Avrr.Analytics.Estimation;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// The quantile of 95% intervals (docs/methodology.md, "Confidence intervals") against R's <c>qt(0.975, df)</c> and
/// <c>qnorm(0.975)</c>, written out from R 4.2.2, and a design without degrees of freedom.
/// </summary>
public sealed class ConfidenceIntervalTests
{
    [Theory]
    [InlineData(1, 12.706204736174694)]
    [InlineData(4, 2.7764451051977934)]
    [InlineData(9, 2.2621571627982049)]
    [InlineData(42, 2.0180817028184443)]
    [InlineData(399, 1.9659272959208813)]
    [InlineData(1982, 1.961161611153083)]
    public void The_t_quantile_equals_R_qt(long df, double r)
    {
        Assert.True(Math.Abs(ConfidenceIntervals.Quantile(IntervalMethod.StudentT, df) - r) <= 1e-10, $"df {df}");
    }

    [Theory]
    [InlineData(10_000, 1.9602012398906257)]
    [InlineData(1_000_000, 1.9599663568141066)]
    [InlineData(1_000_000_000, 1.9599639869123249)]
    [InlineData(1_000_000_000_000, 1.9599639845424257)]
    public void The_t_quantile_for_many_degrees_of_freedom_equals_R_qt_to_1e15(long df, double r)
    {
        // MathNet's root finder gives 1.9591 at 10^12 df; the expansion in 1/df gives R's value.
        Assert.True(Math.Abs(ConfidenceIntervals.Quantile(IntervalMethod.StudentT, df) - r) <= 1e-15, $"df {df}");
    }

    [Fact]
    public void The_normal_quantile_equals_R_qnorm_whatever_the_degrees_of_freedom()
    {
        foreach (var df in new long[] { 0, 3, 1_000_000 })
            Assert.Equal(1.959963984540054, ConfidenceIntervals.Quantile(IntervalMethod.Normal, df), 15);
    }

    [Fact]
    public void A_design_where_every_stratum_has_one_PSU_has_a_standard_error_but_no_t_interval_with_the_designs_df()
    {
        // Strata without clusters, one survey each: df = 3 PSUs − 3 strata = 0 (R: qt(0.975, 0) is NaN).
        // The group of the first two surveys (y = 0.2, 0.6, w = 1): ȳ = 0.4, z = −0.1, 0.1, 0; every stratum is lonely
        // (adjust): V = 0.01 + 0.01 = 0.02.
        foreach (var intervals in new[] { IntervalMethod.StudentT, IntervalMethod.Normal })
        {
            var design = new SurveyDesign(clustered: false, stratified: true);
            var estimator = new DomainEstimator(design, 1, BandCuts.Default, intervals: intervals, degreesOfFreedom: DegreesOfFreedomRule.Design);
            estimator.Add([0], 0, design.AddSurvey(0, 0), 1, [0.2]);
            estimator.Add([0], 1, design.AddSurvey(1, 0), 1, [0.6]);
            estimator.Add([1], 2, design.AddSurvey(2, 0), 1, [0.9]);
            var e = estimator.Estimate(0, 0, minCell: 1);
            Assert.Equal(0, e.DegreesOfFreedom);
            Assert.Equal(Math.Sqrt(0.02), e.StandardError, 12);
            if (intervals == IntervalMethod.StudentT)
            {
                Assert.True(double.IsNaN(e.CiLow) && double.IsNaN(e.CiHigh));
                Assert.Equal(EstimateNotes.NoDegreesOfFreedom, e.Note);
            }
            else
            {
                Assert.Equal(0.4 - 1.959963984540054 * Math.Sqrt(0.02), e.CiLow, 12);
                Assert.Null(e.Note);
            }
        }
    }

    [Fact]
    public void With_the_domain_rule_a_group_has_at_least_one_degree_of_freedom()
    {
        // The same design: the group's 2 PSUs lie in 2 strata, 2 − 2 = 0, so its df is 1 (the rule's floor), and its
        // interval is 0.4 ∓ qt(0.975, 1) √0.02, qt(0.975, 1) = 12.706204736174705 (R).
        var design = new SurveyDesign(clustered: false, stratified: true);
        var estimator = new DomainEstimator(design, 1, BandCuts.Default);
        estimator.Add([0], 0, design.AddSurvey(0, 0), 1, [0.2]);
        estimator.Add([0], 1, design.AddSurvey(1, 0), 1, [0.6]);
        estimator.Add([1], 2, design.AddSurvey(2, 0), 1, [0.9]);
        var e = estimator.Estimate(0, 0, minCell: 1);
        Assert.Equal(1, e.DegreesOfFreedom);
        Assert.Equal(0.4 - 12.706204736174705 * Math.Sqrt(0.02), e.CiLow, 12);
        Assert.Equal(0.4 + 12.706204736174705 * Math.Sqrt(0.02), e.CiHigh, 12);
        Assert.Null(e.Note);
    }
}
