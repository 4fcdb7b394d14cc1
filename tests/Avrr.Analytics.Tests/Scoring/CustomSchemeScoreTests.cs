using Avrr.Analytics.Schemes;
using Avrr.Analytics.Tests.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>
/// Scores under schemes written here with unequal weights and non-default options, against hand
/// calculations: question weights, indicator weights, dimension weights, compositeFrom indicators.
/// </summary>
public sealed class CustomSchemeScoreTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// alpha (weight 1): a1 (weight 2, compositeWeight 5) = a1q1 (weight 3) + a1q2 (weight 1); a2 (weight 1, compositeWeight 1) = a2q1.
    /// beta (weight 3):  b1 (weight 1, compositeWeight 2) = b1q1 (weight 1) + b1q2 (weight 4); b2 (weight 3, compositeWeight 2) = b2q1.
    /// </summary>
    private static Scheme Weighted(string compositeFrom) => TestSchemes.Parse($$"""
        {
          "id": "weighted",
          "options": { "compositeFrom": "{{compositeFrom}}" },
          {{TestSchemes.Scales}},
          "dimensions": [
            { "id": "alpha", "weight": 1, "indicators": [
              { "id": "a1", "weight": 2, "compositeWeight": 5, "questions": [
                { "id": "a1q1", "scale": "q5", "weight": 3 },
                { "id": "a1q2", "scale": "q5", "weight": 1 } ] },
              { "id": "a2", "weight": 1, "compositeWeight": 1, "questions": [ { "id": "a2q1", "scale": "yn" } ] } ] },
            { "id": "beta", "weight": 3, "indicators": [
              { "id": "b1", "weight": 1, "compositeWeight": 2, "questions": [
                { "id": "b1q1", "scale": "q5", "weight": 1 },
                { "id": "b1q2", "scale": "yn", "weight": 4 } ] },
              { "id": "b2", "weight": 3, "compositeWeight": 2, "questions": [ { "id": "b2q1", "scale": "q5" } ] } ] }
          ]
        }
        """);

    private static readonly Dictionary<string, string> Answers = new()
    {
        ["a1q1"] = "d",     // 0.75
        ["a1q2"] = "a",     // 0
        ["a2q1"] = "yes",   // 1
        ["b1q1"] = "b",     // 0.25
        ["b1q2"] = "no",    // 0
        ["b2q1"] = "e",     // 1
    };

    // By hand, weights as in the scheme above.
    private const double A1 = (3 * 0.75 + 1 * 0.0) / (3 + 1);        // 0.5625
    private const double A2 = 1;
    private const double B1 = (1 * 0.25 + 4 * 0.0) / (1 + 4);        // 0.05
    private const double B2 = 1;
    private const double Alpha = (2 * A1 + 1 * A2) / (2 + 1);        // 2.125 / 3 ≈ 0.708333
    private const double Beta = (1 * B1 + 3 * B2) / (1 + 3);         // 3.05 / 4 = 0.7625

    [Fact]
    public void Unequal_question_indicator_and_dimension_weights_give_weighted_means_at_every_level()
    {
        var s = ScoredSurvey.Of(Weighted("dimensions"), Answers);
        Assert.Equal(0.5625, s.Indicator("a1"), Tolerance);
        Assert.Equal(A2, s.Indicator("a2"), Tolerance);
        Assert.Equal(0.05, s.Indicator("b1"), Tolerance);
        Assert.Equal(B2, s.Indicator("b2"), Tolerance);
        Assert.Equal(Alpha, s.Dimension("alpha"), Tolerance);
        Assert.Equal(0.7625, s.Dimension("beta"), Tolerance);
        var expected = (1 * Alpha + 3 * Beta) / (1 + 3);             // ≈ 0.748958
        Assert.Equal(expected, s.Composite, Tolerance);
        Assert.Equal(Band.High, s.Outcome.Band);
        Assert.Equal("alpha", s.Weakest);
        Assert.Equal(6, s.Outcome.Answered);
    }

    [Fact]
    public void A_missing_weighted_question_leaves_the_weighted_mean_of_the_answered_ones()
    {
        // b1q2 (weight 4) missing: b1 is b1q1 alone, 0.25 — not (1·0.25 + 4·0) / 5.
        var answers = new Dictionary<string, string>(Answers) { ["b1q2"] = "dk" };
        var s = ScoredSurvey.Of(Weighted("dimensions"), answers);
        Assert.Equal(0.25, s.Indicator("b1"), Tolerance);
        Assert.Equal((1 * 0.25 + 3 * B2) / 4, s.Dimension("beta"), Tolerance);
    }

    [Fact]
    public void Composite_from_indicators_is_the_mean_of_indicator_scores_with_their_composite_weights()
    {
        var s = ScoredSurvey.Of(Weighted("indicators"), Answers);
        // Dimension scores are unchanged (indicator weights within dimensions) …
        Assert.Equal(Alpha, s.Dimension("alpha"), Tolerance);
        Assert.Equal(Beta, s.Dimension("beta"), Tolerance);
        // … the composite ignores the dimension weights and uses the composite weights 5, 1, 2, 2.
        var expected = (5 * A1 + 1 * A2 + 2 * B1 + 2 * B2) / (5 + 1 + 2 + 2);   // (2.8125 + 1 + 0.1 + 2) / 10 = 0.59125
        Assert.Equal(expected, s.Composite, Tolerance);
        Assert.Equal(Band.Medium, s.Outcome.Band);
    }

    [Fact]
    public void Composite_from_indicators_leaves_out_a_missing_indicator_and_its_composite_weight()
    {
        // a2 missing: alpha keeps 2 of 3 indicator weight (≥ 0.6) so the composite is given, over a1, b1, b2.
        var answers = new Dictionary<string, string>(Answers) { ["a2q1"] = "refused" };
        var s = ScoredSurvey.Of(Weighted("indicators"), answers);
        Assert.Equal(A1, s.Dimension("alpha"), Tolerance);
        var expected = (5 * A1 + 2 * B1 + 2 * B2) / (5 + 2 + 2);           // 4.9125 / 9
        Assert.Equal(expected, s.Composite, Tolerance);
    }

    /// <summary>Three one-question dimensions weighing 1, 1 and 2; one dimension d4 of two indicators weighing 1 and 3.</summary>
    private static Scheme Coverage(string requires, double minCompositeCoverage = 1.0, double minDimensionCoverage = 0.6) =>
        TestSchemes.Parse($$"""
        {
          "id": "coverage",
          "options": { "compositeRequires": "{{requires}}", "minCompositeCoverage": {{minCompositeCoverage.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                       "minDimensionCoverage": {{minDimensionCoverage.ToString(System.Globalization.CultureInfo.InvariantCulture)}} },
          {{TestSchemes.Scales}},
          "dimensions": [
            { "id": "d1", "weight": 1, "indicators": [ { "id": "i1", "questions": [ { "id": "q1", "scale": "q5" } ] } ] },
            { "id": "d2", "weight": 1, "indicators": [ { "id": "i2", "questions": [ { "id": "q2", "scale": "q5" } ] } ] },
            { "id": "d3", "weight": 2, "indicators": [ { "id": "i3", "questions": [ { "id": "q3", "scale": "q5" } ] } ] }
          ]
        }
        """);

    private static ScoredSurvey ScoreCoverage(Scheme scheme, string q1, string q2, string q3) =>
        ScoredSurvey.Of(scheme, new Dictionary<string, string> { ["q1"] = q1, ["q2"] = q2, ["q3"] = q3 });

    [Fact]
    public void Composite_requires_coverage_gives_the_composite_of_the_dimensions_present_when_they_carry_enough_weight()
    {
        var scheme = Coverage("coverage", minCompositeCoverage: 0.5);
        // All present: (1·0.25 + 1·0.75 + 2·1) / 4 = 0.75.
        Assert.Equal((0.25 + 0.75 + 2 * 1.0) / 4, ScoreCoverage(scheme, "b", "d", "e").Composite, Tolerance);
        // d3 missing: d1 + d2 carry 2 of 4 = 0.5 ≥ 0.5 → (0.25 + 0.75) / 2.
        var withoutD3 = ScoreCoverage(scheme, "b", "d", "dk");
        Assert.Equal((0.25 + 0.75) / 2, withoutD3.Composite, Tolerance);
        Assert.Equal(Band.Medium, withoutD3.Outcome.Band);
        // d1 and d2 missing: d3 alone carries 2 of 4 = 0.5 → 1.
        Assert.Equal(1.0, ScoreCoverage(scheme, "", "na", "e").Composite, Tolerance);
        // d2 and d3 missing: 1 of 4 = 0.25 < 0.5 → missing, though d1 is scored and is the weakest.
        var onlyD1 = ScoreCoverage(scheme, "b", "", "");
        Assert.True(double.IsNaN(onlyD1.Composite));
        Assert.Equal(Band.None, onlyD1.Outcome.Band);
        Assert.Equal("d1", onlyD1.Weakest);
        // Nothing present: missing.
        Assert.True(double.IsNaN(ScoreCoverage(scheme, "", "", "").Composite));
    }

    [Fact]
    public void Composite_requires_all_gives_no_composite_when_any_dimension_is_missing()
    {
        var scheme = Coverage("all", minCompositeCoverage: 0.5);   // minCompositeCoverage is not used with "all"
        Assert.Equal((0.25 + 0.75 + 2 * 1.0) / 4, ScoreCoverage(scheme, "b", "d", "e").Composite, Tolerance);
        Assert.True(double.IsNaN(ScoreCoverage(scheme, "b", "d", "dk").Composite));
    }

    [Fact]
    public void Dimension_coverage_is_a_share_of_indicator_weight_not_a_count_of_indicators()
    {
        var scheme = TestSchemes.Parse($$"""
            {
              "id": "indicator-weights",
              "options": { "minDimensionCoverage": 0.5 },
              {{TestSchemes.Scales}},
              "dimensions": [
                { "id": "d", "indicators": [
                  { "id": "light", "weight": 1, "questions": [ { "id": "q_light", "scale": "q5" } ] },
                  { "id": "heavy", "weight": 3, "questions": [ { "id": "q_heavy", "scale": "q5" } ] } ] }
              ]
            }
            """);
        // Both present: (1·0 + 3·1) / 4.
        Assert.Equal(0.75, ScoredSurvey.Of(scheme, new Dictionary<string, string> { ["q_light"] = "a", ["q_heavy"] = "e" }).Dimension("d"), Tolerance);
        // heavy missing: light carries 1 of 4 = 0.25 < 0.5 → missing.
        Assert.True(double.IsNaN(ScoredSurvey.Of(scheme, new Dictionary<string, string> { ["q_light"] = "a" }).Dimension("d")));
        // light missing: heavy carries 3 of 4 = 0.75 ≥ 0.5 → heavy's score.
        Assert.Equal(1.0, ScoredSurvey.Of(scheme, new Dictionary<string, string> { ["q_heavy"] = "e" }).Dimension("d"), Tolerance);
    }
}
