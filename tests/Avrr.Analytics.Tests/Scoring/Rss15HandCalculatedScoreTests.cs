using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>
/// Scores of rss-15 surveys (docs/methodology.md, "The rules, for one survey") against hand calculations written out here, from the
/// code → score tables of docs/instrument.md. Equal weights everywhere, so every mean is a plain mean.
/// </summary>
public sealed class Rss15HandCalculatedScoreTests
{
    private const double Tolerance = 1e-12;

    /// <summary>Returnee A: every question answered with a code. Scores in the comments.</summary>
    private static Dictionary<string, string> ReturneeA() => new()
    {
        // economic
        ["econ_satisfaction"] = "4",                       // 0.75
        ["food_reduction_freq"] = "rarely",                // never_good5: 0.75
        ["can_borrow"] = "yes",                            // 1
        ["borrow_freq"] = "sometimes",                     // never_good5: 0.5
        ["debt_level"] = "debt_below_spending",            // 0.5
        ["currently_working"] = "no",                      // 0
        ["job_access"] = "fair",                           // 0.5
        ["owns_productive_assets"] = "yes",                // 1
        ["income_sources"] = "2",                          // 2/3
        // social
        ["housing_access"] = "good",                       // 0.75
        ["housing_standard"] = "poor",                     // 0.25
        ["children_in_school"] = "yes",                    // 1
        ["has_id_documents"] = "yes",                      // 1
        ["justice_access"] = "very_poor",                  // 0
        ["water_access"] = "very_good",                    // 1
        ["health_access"] = "fair",                        // 0.5
        ["health_quality"] = "poor",                       // 0.25
        ["public_services_access"] = "good",               // 0.75
        ["social_protection"] = "no",                      // 0
        // psychosocial
        ["social_activities_freq"] = "often",              // often_good5: 0.75
        ["support_network"] = "yes",                       // 1
        ["feel_part_of_community"] = "agree",              // 0.75
        ["discrimination_freq"] = "never",                 // never_good5: 1
        ["feels_safe"] = "neutral",                        // 0.5
        ["family_tension_freq"] = "often",                 // never_good5: 0.25
        ["distress_freq"] = "sometimes",                   // never_good5: 0.5
        ["wants_psych_support"] = "yes",                   // no_good: 0
        ["able_to_stay"] = "strongly_agree",               // 1
        ["remigration_intent"] = "no",                     // no_good: 1
    };

    // Returnee A's indicators and dimensions, by hand.
    private const double AEconSatisfaction = 0.75;
    private const double AFoodSecurity = 0.75;
    private const double ADebt = (1 + 0.5 + 0.5) / 3.0;
    private const double AEmployment = (0 + 0.5) / 2.0;
    private const double AProductiveAssets = (1 + 2.0 / 3) / 2.0;
    private const double AEconomic = (AEconSatisfaction + AFoodSecurity + ADebt + AEmployment + AProductiveAssets) / 5;   // 3.25 / 5 = 0.65

    private const double AHousing = (0.75 + 0.25) / 2;
    private const double AEducation = 1;
    private const double ADocumentationJustice = (1 + 0) / 2.0;
    private const double ABasicServices = (1 + 0.5 + 0.25) / 3;
    private const double APublicServices = (0.75 + 0) / 2;
    private const double ASocial = (AHousing + AEducation + ADocumentationJustice + ABasicServices + APublicServices) / 5;   // ≈ 0.591667

    private const double ASocialParticipation = (0.75 + 1) / 2;
    private const double ABelonging = (0.75 + 1) / 2;
    private const double ASafety = (0.5 + 0.25) / 2;
    private const double AWellbeing = (0.5 + 0) / 2;
    private const double ARemigration = (1 + 1) / 2.0;
    private const double APsychosocial = (ASocialParticipation + ABelonging + ASafety + AWellbeing + ARemigration) / 5;   // 3.375 / 5 = 0.675

    private static Dictionary<string, string> With(Dictionary<string, string> answers, params (string Question, string Answer)[] changes)
    {
        var copy = new Dictionary<string, string>(answers);
        foreach (var (question, answer) in changes) copy[question] = answer;
        return copy;
    }

    [Fact]
    public void A_fully_answered_survey_scores_the_plain_means_of_its_questions_indicators_and_dimensions()
    {
        var s = ScoredSurvey.Of(Scheme.Rss15, ReturneeA());

        Assert.Equal(AEconSatisfaction, s.Indicator("econ_satisfaction"), Tolerance);
        Assert.Equal(AFoodSecurity, s.Indicator("food_security"), Tolerance);
        Assert.Equal(ADebt, s.Indicator("debt"), Tolerance);
        Assert.Equal(AEmployment, s.Indicator("employment"), Tolerance);
        Assert.Equal(AProductiveAssets, s.Indicator("productive_assets"), Tolerance);
        Assert.Equal(AHousing, s.Indicator("housing"), Tolerance);
        Assert.Equal(AEducation, s.Indicator("education"), Tolerance);
        Assert.Equal(ADocumentationJustice, s.Indicator("documentation_justice"), Tolerance);
        Assert.Equal(ABasicServices, s.Indicator("basic_services"), Tolerance);
        Assert.Equal(APublicServices, s.Indicator("public_services"), Tolerance);
        Assert.Equal(ASocialParticipation, s.Indicator("social_participation"), Tolerance);
        Assert.Equal(ABelonging, s.Indicator("belonging"), Tolerance);
        Assert.Equal(ASafety, s.Indicator("safety"), Tolerance);
        Assert.Equal(AWellbeing, s.Indicator("wellbeing"), Tolerance);
        Assert.Equal(ARemigration, s.Indicator("remigration"), Tolerance);

        Assert.Equal(0.65, s.Dimension("economic"), Tolerance);
        Assert.Equal(ASocial, s.Dimension("social"), Tolerance);
        Assert.Equal(0.675, s.Dimension("psychosocial"), Tolerance);

        var expected = (0.65 + ASocial + 0.675) / 3;     // ≈ 0.638889
        Assert.Equal(expected, s.Composite, Tolerance);
        Assert.Equal(Band.Medium, s.Outcome.Band);       // 0.33 ≤ 0.638889 < 0.66
        Assert.Equal("social", s.Weakest);               // 0.591667 < 0.65 < 0.675
        Assert.Equal(29, s.Outcome.Answered);
    }

    [Fact]
    public void The_same_answers_as_french_labels_score_the_same_as_the_codes()
    {
        var french = new Dictionary<string, string>
        {
            ["econ_satisfaction"] = "Satisfait", ["food_reduction_freq"] = "Rarement", ["can_borrow"] = "Oui",
            ["borrow_freq"] = "Parfois", ["debt_level"] = "Dette inférieure aux dépenses mensuelles", ["currently_working"] = "Non",
            ["job_access"] = "Moyen", ["owns_productive_assets"] = "OUI", ["income_sources"] = "2",
            ["housing_access"] = "Bon", ["housing_standard"] = "Mauvais", ["children_in_school"] = "oui",
            ["has_id_documents"] = "Oui", ["justice_access"] = "Très mauvais", ["water_access"] = "Tres bon",
            ["health_access"] = "Moyen", ["health_quality"] = "Mauvais", ["public_services_access"] = "Bon",
            ["social_protection"] = "Non", ["social_activities_freq"] = "Souvent", ["support_network"] = "Oui",
            ["feel_part_of_community"] = "D’accord", ["discrimination_freq"] = "Jamais", ["feels_safe"] = "Ni d'accord ni pas d'accord",
            ["family_tension_freq"] = "Souvent", ["distress_freq"] = "Parfois", ["wants_psych_support"] = "Oui",
            ["able_to_stay"] = "Tout à fait d'accord", ["remigration_intent"] = "Non",
        };
        var s = ScoredSurvey.Of(Scheme.Rss15, french);
        Assert.Equal((0.65 + ASocial + 0.675) / 3, s.Composite, Tolerance);
        Assert.Equal(29, s.Outcome.Answered);
    }

    [Fact]
    public void A_dimension_under_the_coverage_threshold_is_missing_and_so_is_the_composite()
    {
        // Economic: only econ_satisfaction and food_security present, 2 of 5 indicators = 0.4 < 0.6.
        var answers = With(ReturneeA(),
            ("can_borrow", "dk"), ("borrow_freq", "refused"), ("debt_level", ""),
            ("currently_working", "Ne sait pas"), ("job_access", "na"),
            ("owns_productive_assets", ""), ("income_sources", "Refused to answer"));
        var s = ScoredSurvey.Of(Scheme.Rss15, answers);

        Assert.Equal(0.75, s.Indicator("econ_satisfaction"), Tolerance);
        Assert.True(double.IsNaN(s.Indicator("debt")));
        Assert.True(double.IsNaN(s.Indicator("employment")));
        Assert.True(double.IsNaN(s.Indicator("productive_assets")));
        Assert.True(double.IsNaN(s.Dimension("economic")));
        Assert.Equal(ASocial, s.Dimension("social"), Tolerance);
        Assert.Equal(0.675, s.Dimension("psychosocial"), Tolerance);
        Assert.True(double.IsNaN(s.Composite));                  // compositeRequires: all
        Assert.Equal(Band.None, s.Outcome.Band);
        Assert.Equal("social", s.Weakest);                       // the weakest of the dimensions present
        Assert.Equal(29 - 7, s.Outcome.Answered);
    }

    [Fact]
    public void A_dimension_with_exactly_three_of_five_indicators_meets_the_coverage_threshold()
    {
        // Economic: employment and productive_assets missing; 3 of 5 indicators = 0.6 ≥ 0.6.
        var answers = With(ReturneeA(),
            ("currently_working", "dk"), ("job_access", "dk"), ("owns_productive_assets", "dk"), ("income_sources", "dk"));
        var s = ScoredSurvey.Of(Scheme.Rss15, answers);

        var economic = (0.75 + 0.75 + 2.0 / 3) / 3;              // econ_satisfaction, food_security, debt
        Assert.Equal(economic, s.Dimension("economic"), Tolerance);
        Assert.Equal((economic + ASocial + 0.675) / 3, s.Composite, Tolerance);
        Assert.Equal(25, s.Outcome.Answered);
    }

    [Fact]
    public void Not_applicable_children_in_school_leaves_education_missing_and_social_scored_from_the_other_four()
    {
        var s = ScoredSurvey.Of(Scheme.Rss15, With(ReturneeA(), ("children_in_school", "na")));

        Assert.True(double.IsNaN(s.Indicator("education")));
        var social = (AHousing + ADocumentationJustice + ABasicServices + APublicServices) / 4;   // (0.5 + 0.5 + 0.583333 + 0.375) / 4
        Assert.Equal(social, s.Dimension("social"), Tolerance);
        Assert.Equal((0.65 + social + 0.675) / 3, s.Composite, Tolerance);
        Assert.Equal(28, s.Outcome.Answered);
    }

    [Fact]
    public void A_missing_question_leaves_its_indicator_the_mean_of_the_answered_ones()
    {
        // debt: can_borrow (1) and debt_level (0.5) answered, borrow_freq dk → (1 + 0.5) / 2, not (1 + 0 + 0.5) / 3.
        var s = ScoredSurvey.Of(Scheme.Rss15, With(ReturneeA(), ("borrow_freq", "dk")));
        Assert.Equal((1 + 0.5) / 2, s.Indicator("debt"), Tolerance);
        var economic = (0.75 + 0.75 + 0.75 + 0.25 + 5.0 / 6) / 5;
        Assert.Equal(economic, s.Dimension("economic"), Tolerance);
        Assert.Equal(28, s.Outcome.Answered);
    }

    /// <summary>Economic and social both exactly 0.5, psychosocial 1.</summary>
    private static Dictionary<string, string> EconomicAndSocialAtOneHalf() => new()
    {
        ["econ_satisfaction"] = "3",                                                                  // 0.5
        ["food_reduction_freq"] = "sometimes",                                                        // 0.5
        ["can_borrow"] = "yes", ["borrow_freq"] = "very_often", ["debt_level"] = "debt_below_spending", // (1 + 0 + 0.5) / 3 = 0.5
        ["currently_working"] = "yes", ["job_access"] = "very_poor",                                  // (1 + 0) / 2
        ["owns_productive_assets"] = "no", ["income_sources"] = "3",                                  // (0 + 1) / 2
        ["housing_access"] = "fair", ["housing_standard"] = "fair",                                   // 0.5
        ["children_in_school"] = "na",                                                                // missing
        ["has_id_documents"] = "yes", ["justice_access"] = "very_poor",                               // 0.5
        ["water_access"] = "fair", ["health_access"] = "fair", ["health_quality"] = "fair",           // 0.5
        ["public_services_access"] = "very_good", ["social_protection"] = "no",                       // 0.5
        ["social_activities_freq"] = "very_often", ["support_network"] = "yes",                       // 1
        ["feel_part_of_community"] = "strongly_agree", ["discrimination_freq"] = "never",             // 1
        ["feels_safe"] = "strongly_agree", ["family_tension_freq"] = "never",                         // 1
        ["distress_freq"] = "never", ["wants_psych_support"] = "no",                                  // 1
        ["able_to_stay"] = "strongly_agree", ["remigration_intent"] = "no",                           // 1
    };

    [Fact]
    public void A_tie_for_the_weakest_dimension_goes_to_the_first_in_scheme_order()
    {
        var s = ScoredSurvey.Of(Scheme.Rss15, EconomicAndSocialAtOneHalf());
        Assert.Equal(0.5, s.Dimension("economic"));
        Assert.Equal(0.5, s.Dimension("social"));
        Assert.Equal(1.0, s.Dimension("psychosocial"));
        Assert.Equal("economic", s.Weakest);
        Assert.Equal((0.5 + 0.5 + 1) / 3, s.Composite, Tolerance);
        Assert.Equal(28, s.Outcome.Answered);
    }

    [Fact]
    public void A_tie_between_social_and_psychosocial_goes_to_social()
    {
        // Economic raised to 1, psychosocial lowered to 0.5: social and psychosocial tie at 0.5.
        var answers = With(EconomicAndSocialAtOneHalf(),
            ("econ_satisfaction", "5"), ("food_reduction_freq", "never"), ("borrow_freq", "never"), ("debt_level", "no_debt"),
            ("job_access", "very_good"), ("owns_productive_assets", "yes"),
            ("support_network", "no"), ("discrimination_freq", "very_often"), ("family_tension_freq", "very_often"),
            ("wants_psych_support", "yes"), ("remigration_intent", "yes"));
        var s = ScoredSurvey.Of(Scheme.Rss15, answers);
        Assert.Equal(1.0, s.Dimension("economic"));
        Assert.Equal(0.5, s.Dimension("social"));
        Assert.Equal(0.5, s.Dimension("psychosocial"));    // every indicator (1 + 0) / 2
        Assert.Equal("social", s.Weakest);
    }

    [Fact]
    public void A_survey_with_no_answer_has_every_score_missing_no_weakest_dimension_and_zero_answered()
    {
        var s = ScoredSurvey.Of(Scheme.Rss15, new Dictionary<string, string>());
        Assert.All(s.Indicators, v => Assert.True(double.IsNaN(v)));
        Assert.All(s.Dimensions, v => Assert.True(double.IsNaN(v)));
        Assert.True(double.IsNaN(s.Composite));
        Assert.Equal(Band.None, s.Outcome.Band);
        Assert.Null(s.Weakest);
        Assert.Equal(0, s.Outcome.Answered);
    }

    [Fact]
    public void Answered_counts_the_questions_with_a_score_not_the_cells_with_text()
    {
        // 3 special answers and 2 empty cells: 29 - 5 = 24 answered.
        var answers = With(ReturneeA(),
            ("econ_satisfaction", "dk"), ("housing_access", "refused"), ("children_in_school", "Non applicable"),
            ("feels_safe", ""), ("able_to_stay", "   "));
        Assert.Equal(24, ScoredSurvey.Of(Scheme.Rss15, answers).Outcome.Answered);
    }
}
