using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>
/// The worked example of docs/methodology.md ("Worked example: one survey"), run through the whole engine:
/// the survey written as a one-row export, scored by a run, and its line of returnee_scores.csv compared
/// with the numbers the page works out by hand (written out again here), then the page's two variants
/// of the coverage rule.
/// </summary>
public sealed class WorkedExampleTests
{
    private static readonly (string Question, string Answer)[] Answers =
    [
        ("econ_satisfaction", "2"), ("food_reduction_freq", "very_often"), ("can_borrow", "no"), ("borrow_freq", "often"),
        ("debt_level", "debt_below_spending"), ("currently_working", "yes"), ("job_access", "poor"), ("owns_productive_assets", "no"),
        ("income_sources", "2"), ("housing_access", "fair"), ("housing_standard", "fair"), ("children_in_school", "na"),
        ("has_id_documents", "no"), ("justice_access", "fair"), ("water_access", "fair"), ("health_access", "good"),
        ("health_quality", "dk"), ("public_services_access", "good"), ("social_protection", "yes"), ("social_activities_freq", "rarely"),
        ("support_network", "no"), ("feel_part_of_community", "neutral"), ("discrimination_freq", "sometimes"), ("feels_safe", "neutral"),
        ("family_tension_freq", "often"), ("distress_freq", "often"), ("wants_psych_support", "yes"), ("able_to_stay", "strongly_disagree"),
        ("remigration_intent", "no"),
    ];

    /// <summary>Runs the survey (with some answers changed) and returns its returnee_scores.csv row, by column.</summary>
    private static Dictionary<string, string> Scored(params (string Question, string Answer)[] changes)
    {
        var answers = Answers.ToDictionary(a => a.Question, a => a.Answer);
        foreach (var (question, answer) in changes) answers[question] = answer;
        var folder = TestFiles.TempFolder();
        var export = Path.Combine(folder, "one.csv");
        File.WriteAllLines(export,
        [
            "returnee_id,country,community,survey_date,round,weight," + string.Join(',', Answers.Select(a => a.Question)),
            "R000002,CIV,Abidjan,2025-01-06,baseline,0.592," + string.Join(',', Answers.Select(a => answers[a.Question])),
        ]);
        var results = Path.Combine(folder, "results");
        EvaluationRun.Execute(new RunSettings { Inputs = [export], OutputFolder = results, MinCell = 1 });
        return Assert.Single(CsvRecords.ReadTable(Path.Combine(results, "returnee_scores.csv")));
    }

    [Fact]
    public void The_survey_of_the_worked_example_scores_as_the_page_works_it_out()
    {
        var row = Scored();

        // Economic: 0.25, 0, (0 + 0.25 + 0.5)/3 = 0.25, (1 + 0.25)/2 = 0.625, (0 + 2/3)/2 = 1/3; mean 0.291667.
        Assert.Equal(["0.250000", "0.000000", "0.250000", "0.625000", "0.333333"],
            new[] { "econ_satisfaction", "food_security", "debt", "employment", "productive_assets" }.Select(i => row["indicator_" + i]));
        // Social: 0.5, missing (na), (0 + 0.5)/2 = 0.25, (0.5 + 0.75)/2 = 0.625 (dk left out), (0.75 + 1)/2 = 0.875; mean of 4 = 0.5625.
        Assert.Equal(["0.500000", "", "0.250000", "0.625000", "0.875000"],
            new[] { "housing", "education", "documentation_justice", "basic_services", "public_services" }.Select(i => row["indicator_" + i]));
        // Psychosocial: 0.125, 0.5, 0.375, 0.125, 0.5; mean 0.325.
        Assert.Equal(["0.125000", "0.500000", "0.375000", "0.125000", "0.500000"],
            new[] { "social_participation", "belonging", "safety", "wellbeing", "remigration" }.Select(i => row["indicator_" + i]));
        Assert.Equal("0.291667", row["economic_score"]);
        Assert.Equal("0.562500", row["social_score"]);
        Assert.Equal("0.325000", row["psychosocial_score"]);
        // (0.291667 + 0.5625 + 0.325) / 3 = 283/720 = 0.3930555…
        Assert.Equal((283.0 / 720).ToString("F6", System.Globalization.CultureInfo.InvariantCulture), row["composite_score"]);
        Assert.Equal("0.393056", row["composite_score"]);
        Assert.Equal("medium", row["band"]);
        Assert.Equal("economic", row["weakest_dimension"]);
        Assert.Equal("27", row["answered"]);
    }

    [Fact]
    public void With_housing_missing_too_social_has_exactly_60_percent_and_is_still_scored()
    {
        var row = Scored(("housing_access", "dk"), ("housing_standard", "dk"));

        // (0.25 + 0.625 + 0.875) / 3 = 0.583333; composite (0.291667 + 0.583333 + 0.325) / 3 = 0.4.
        Assert.Equal("0.583333", row["social_score"]);
        Assert.Equal("0.400000", row["composite_score"]);
    }

    [Fact]
    public void With_public_services_missing_as_well_social_is_missing_and_so_are_the_composite_and_band()
    {
        var row = Scored(("housing_access", "dk"), ("housing_standard", "dk"), ("public_services_access", "dk"), ("social_protection", "dk"));

        Assert.Equal("", row["social_score"]);
        Assert.Equal("", row["composite_score"]);
        Assert.Equal("", row["band"]);
        Assert.Equal("economic", row["weakest_dimension"]);
        Assert.Equal("23", row["answered"]);
    }
}
