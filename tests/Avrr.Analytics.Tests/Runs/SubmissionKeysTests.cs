using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Rejects that can be found again in KoboToolbox (rejects.csv carries the export's submission keys) and the
/// duplicates policy (<c>--keep first|last</c>), on the Kobo-shaped export of DataMaking/make_field_exports.py.
/// </summary>
public sealed class SubmissionKeysTests
{
    private static readonly Dictionary<string, string> IdMapping = new() { ["returnee_id"] = "id_beneficiaire" };

    private static Reading.FixtureRuns.Evaluation Run(DuplicatePolicy keep) =>
        Reading.FixtureRuns.Evaluate(Reading.FixtureRuns.Settings("kobo-select-multiple.csv") with { ColumnMapping = IdMapping, Keep = keep });

    [Fact]
    public void Rejects_csv_carries_the_kobo_id_uuid_and_submission_time_of_the_rejected_submission()
    {
        var reject = Run(DuplicatePolicy.KeepFirst).Rejects.Single(r => r["reason"] == "invalid_answer");
        Assert.Equal(("3", "R502", "can_borrow", "maybe"), (reject["row"], reject["returnee_id"], reject["column"], reject["value"]));
        Assert.Equal(("102", "0b7f3a52-0002-4c1e-9d3a-1a2b3c4d5e02", "2025-07-14T10:25:40"),
            (reject["submission_id"], reject["submission_uuid"], reject["submission_time"]));
    }

    [Fact]
    public void Without_submission_columns_the_key_columns_are_there_and_empty()
    {
        var rejects = Reading.FixtureRuns.Evaluate("reject-invalid-answer.csv").Rejects;
        Assert.NotEmpty(rejects);
        Assert.All(rejects, r => Assert.Equal(("", "", ""), (r["submission_id"], r["submission_uuid"], r["submission_time"])));
    }

    [Fact]
    public void Keep_first_keeps_the_first_submission_of_a_survey()
    {
        var run = Run(DuplicatePolicy.KeepFirst);
        var duplicate = run.Rejects.Single(r => r["reason"] == "duplicate_survey");
        Assert.Equal(("7", "106"), (duplicate["row"], duplicate["submission_id"]));
        Assert.Contains("is already at row 5 of", duplicate["message"]);
        // R504's first submission answers econ_satisfaction 1 (score 0): economic (0 + 0.75 + 0.75 + 0.875 + 1) / 5.
        Assert.Equal("0.675000", run.Scores.Single(s => s["returnee_id"] == "R504")["economic_score"]);
    }

    [Fact]
    public void Keep_last_keeps_the_latest_submission_by_submission_time_the_correction()
    {
        var run = Run(DuplicatePolicy.KeepLast);
        var duplicate = run.Rejects.Single(r => r["reason"] == "duplicate_survey");
        Assert.Equal(("5", "104"), (duplicate["row"], duplicate["submission_id"]));
        Assert.Contains("is also at row 7 of", duplicate["message"]);
        Assert.Contains("submitted later; the latest one is kept", duplicate["message"]);
        // The correction answers econ_satisfaction 5 (score 1): economic (1 + 0.75 + 0.75 + 0.875 + 1) / 5.
        Assert.Equal("0.875000", run.Scores.Single(s => s["returnee_id"] == "R504")["economic_score"]);
        Assert.Equal("last", run.Manifest.GetProperty("settings").GetProperty("keep").GetString());
    }

    [Fact]
    public void Keep_last_without_a_submission_time_keeps_the_last_in_input_order()
    {
        var run = Reading.FixtureRuns.Evaluate(Reading.FixtureRuns.Settings("reject-duplicate-survey.csv") with { Keep = DuplicatePolicy.KeepLast });
        // Rows 2 and 4 are R341's baseline: the later row 4 is kept, row 2 rejected.
        var r341 = run.Rejects.Single(r => r["reason"] == "duplicate_survey" && r["returnee_id"] == "R341");
        Assert.Equal("2", r341["row"]);
        Assert.Contains(run.Scores, s => s["returnee_id"] == "R341" && s["survey_date"] == "2026-07-20");
    }
}
