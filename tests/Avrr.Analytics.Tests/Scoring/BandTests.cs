using System.Globalization;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Tests.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>Bands of the composite: low &lt; 0.33 ≤ medium &lt; 0.66 ≤ high, cut points configurable.</summary>
public sealed class BandTests
{
    [Theory]
    [InlineData(0.0, Band.Low)]
    [InlineData(0.32999999999999996, Band.Low)]   // the double just below 0.33
    [InlineData(0.33, Band.Medium)]
    [InlineData(0.5, Band.Medium)]
    [InlineData(0.65999999999999992, Band.Medium)] // the double just below 0.66
    [InlineData(0.66, Band.High)]
    [InlineData(1.0, Band.High)]
    public void Default_cut_points_put_0_33_in_medium_and_0_66_in_high(double score, Band expected)
    {
        Assert.Equal(expected, BandCuts.Default.Of(score));
        Assert.Equal(expected, Scheme.Rss15.Options.Bands.Of(score));
    }

    [Fact]
    public void The_literals_below_the_cut_points_are_the_next_doubles_down()
    {
        Assert.Equal(0.32999999999999996, Math.BitDecrement(0.33));
        Assert.Equal(0.65999999999999992, Math.BitDecrement(0.66));
    }

    [Fact]
    public void A_missing_score_has_no_band() => Assert.Equal(Band.None, BandCuts.Default.Of(double.NaN));

    /// <summary>One question whose choices score exactly at and just below the cut points, so the composite is that score.</summary>
    private static Scheme AtCuts(string bands, double medium, double high)
    {
        static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return TestSchemes.Parse($$"""
            {
              "id": "bands",
              {{bands}}
              "scales": [ { "id": "s", "choices": [
                { "code": "below_medium", "score": {{R(Math.BitDecrement(medium))}} },
                { "code": "at_medium", "score": {{R(medium)}} },
                { "code": "below_high", "score": {{R(Math.BitDecrement(high))}} },
                { "code": "at_high", "score": {{R(high)}} } ] } ],
              "dimensions": [ { "id": "d", "indicators": [ { "id": "i", "questions": [ { "id": "q", "scale": "s" } ] } ] } ]
            }
            """);
    }

    [Theory]
    [InlineData("below_medium", Band.Low)]
    [InlineData("at_medium", Band.Medium)]
    [InlineData("below_high", Band.Medium)]
    [InlineData("at_high", Band.High)]
    public void A_scored_survey_at_a_default_cut_point_is_in_the_upper_band_and_just_below_in_the_lower(string answer, Band expected)
    {
        var s = ScoredSurvey.Of(AtCuts("", 0.33, 0.66), new Dictionary<string, string> { ["q"] = answer });
        Assert.Equal(expected, s.Outcome.Band);
    }

    [Theory]
    [InlineData("below_medium", Band.Low)]
    [InlineData("at_medium", Band.Medium)]
    [InlineData("below_high", Band.Medium)]
    [InlineData("at_high", Band.High)]
    public void Cut_points_set_in_the_scheme_options_are_used(string answer, Band expected)
    {
        var scheme = AtCuts("""  "options": { "bands": { "medium": 0.25, "high": 0.8 } },  """, 0.25, 0.8);
        Assert.Equal(new BandCuts(0.25, 0.8), scheme.Options.Bands);
        Assert.Equal(expected, ScoredSurvey.Of(scheme, new Dictionary<string, string> { ["q"] = answer }).Outcome.Band);
    }
}
