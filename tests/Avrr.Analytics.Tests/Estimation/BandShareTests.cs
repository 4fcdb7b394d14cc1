using Avrr.Analytics.Estimation;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// Band shares (docs/methodology.md, "Estimation"): the weighted shares of the n present values of a measure in low
/// (&lt; 0.33), medium and high (≥ 0.66), for every measure, checked against a hand count.
/// </summary>
public sealed class BandShareTests
{
    // One domain, two measures, eight surveys. Measure 0 sits on and beside the cut points; measure 1 is
    // another measure with its own values, because band shares are given for every measure.
    //
    //   survey  weight  measure 0  band 0    measure 1  band 1
    //   1       1.5     0.00       low       0.90       high
    //   2       0.5     0.3299     low       0.10       low
    //   3       2.0     0.33       medium    0.20       low
    //   4       1.0     0.50       medium    missing    —
    //   5       1.0     0.6599     medium    0.70       high
    //   6       3.0     0.66       high      0.40       medium
    //   7       1.0     1.00       high      0.66       high
    //   8       4.0     missing    —         0.3299     low
    private static readonly double[] Weights = [1.5, 0.5, 2.0, 1.0, 1.0, 3.0, 1.0, 4.0];
    private static readonly double[][] Values =
    [
        [0.00, 0.90], [0.3299, 0.10], [0.33, 0.20], [0.50, double.NaN],
        [0.6599, 0.70], [0.66, 0.40], [1.00, 0.66], [double.NaN, 0.3299],
    ];

    private static DomainEstimator Estimator(bool weighted)
    {
        var design = SurveyDesign.WeightsOnly();
        var estimator = new DomainEstimator(design, 2, BandCuts.Default);
        for (var i = 0; i < Weights.Length; i++)
            estimator.Add(0, 0, design.AddSurvey(0, 0), weighted ? Weights[i] : 1, Values[i]);
        return estimator;
    }

    [Fact]
    public void Weighted_band_shares_equal_a_hand_count_with_values_on_the_cut_points()
    {
        var estimator = Estimator(weighted: true);

        // Measure 0: n = 7 (survey 8 missing), Σw = 1.5 + 0.5 + 2 + 1 + 1 + 3 + 1 = 10.
        //   low    = surveys 1, 2         = (1.5 + 0.5) / 10     = 0.2   (0.3299 < 0.33)
        //   medium = surveys 3, 4, 5      = (2 + 1 + 1) / 10     = 0.4   (0.33 is medium, 0.6599 < 0.66)
        //   high   = surveys 6, 7         = (3 + 1) / 10         = 0.4   (0.66 is high)
        var m0 = estimator.Estimate(0, 0, minCell: 5);
        Assert.Equal(7, m0.N);
        Assert.Equal(8, m0.Rows);
        Assert.Equal(10, m0.WeightSum, 12);
        Assert.Equal(0.2, m0.ShareLow, 12);
        Assert.Equal(0.4, m0.ShareMedium, 12);
        Assert.Equal(0.4, m0.ShareHigh, 12);

        // Measure 1: n = 7 (survey 4 missing), Σw = 1.5 + 0.5 + 2 + 1 + 3 + 1 + 4 = 13.
        //   low    = surveys 2, 3, 8      = (0.5 + 2 + 4) / 13   = 6.5 / 13 = 0.5
        //   medium = survey 6             = 3 / 13
        //   high   = surveys 1, 5, 7      = (1.5 + 1 + 1) / 13   = 3.5 / 13
        var m1 = estimator.Estimate(0, 1, minCell: 5);
        Assert.Equal(7, m1.N);
        Assert.Equal(13, m1.WeightSum, 12);
        Assert.Equal(0.5, m1.ShareLow, 12);
        Assert.Equal(3.0 / 13, m1.ShareMedium, 12);
        Assert.Equal(3.5 / 13, m1.ShareHigh, 12);
    }

    [Fact]
    public void Unweighted_band_shares_are_counts_over_n()
    {
        var estimator = Estimator(weighted: false);
        // Measure 0: 2 low, 3 medium, 2 high of n = 7. Measure 1: 3 low, 1 medium, 3 high of n = 7.
        var m0 = estimator.Estimate(0, 0, minCell: 5);
        Assert.Equal(2.0 / 7, m0.ShareLow, 12);
        Assert.Equal(3.0 / 7, m0.ShareMedium, 12);
        Assert.Equal(2.0 / 7, m0.ShareHigh, 12);
        var m1 = estimator.Estimate(0, 1, minCell: 5);
        Assert.Equal(3.0 / 7, m1.ShareLow, 12);
        Assert.Equal(1.0 / 7, m1.ShareMedium, 12);
        Assert.Equal(3.0 / 7, m1.ShareHigh, 12);
    }

    [Fact]
    public void Band_shares_follow_the_scheme_cut_points()
    {
        // Cut points 0.5 / 0.8 instead of 0.33 / 0.66, weighted, measure 0:
        //   low    (< 0.5)  = 0, 0.3299, 0.33      = (1.5 + 0.5 + 2) / 10 = 0.4
        //   medium          = 0.5, 0.6599, 0.66    = (1 + 1 + 3) / 10     = 0.5
        //   high   (≥ 0.8)  = 1.00                 = 1 / 10               = 0.1
        var design = SurveyDesign.WeightsOnly();
        var estimator = new DomainEstimator(design, 2, new BandCuts(0.5, 0.8));
        for (var i = 0; i < Weights.Length; i++) estimator.Add(0, 0, design.AddSurvey(0, 0), Weights[i], Values[i]);
        var m0 = estimator.Estimate(0, 0, minCell: 5);
        Assert.Equal(0.4, m0.ShareLow, 12);
        Assert.Equal(0.5, m0.ShareMedium, 12);
        Assert.Equal(0.1, m0.ShareHigh, 12);
    }
}
