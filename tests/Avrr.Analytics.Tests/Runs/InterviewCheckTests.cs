namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Interview length from the form's start and end (DataMaking/make_field_exports.py, kobo-select-multiple.csv:
/// 25, 20, 3, 2, 30 and 4 minutes; the three short ones by enq_B on 2025-07-15).
/// </summary>
public sealed class InterviewCheckTests
{
    private static readonly Dictionary<string, string> IdMapping = new() { ["returnee_id"] = "id_beneficiaire" };

    [Fact]
    public void Short_interviews_are_counted_by_day_and_enumerator_and_never_rejected()
    {
        var report = Reading.FixtureRuns.Validate(Reading.FixtureRuns.Settings("kobo-select-multiple.csv") with { ColumnMapping = IdMapping });
        var interviews = report.Checks.Interviews!;
        Assert.Equal((6L, 3L, 0L), (interviews.Measured, interviews.TooShort, interviews.EndBeforeStart));
        // Sorted 2, 3, 4, 20, 25, 30: the median is (4 + 20) / 2.
        Assert.Equal(12.0, interviews.MedianMinutes, 12);
        Assert.Equal([("2025-07-15", 3L)], interviews.ShortByDay.Select(p => (p.Key, p.Value)));
        Assert.Equal("enumerator", report.Checks.EnumeratorColumn);
        Assert.Equal([("enq_B", 3L)], interviews.ShortByEnumerator.Select(p => (p.Key, p.Value)));
        // The two rejects are an invalid answer and a repeated survey, never an interview's length.
        Assert.Equal(["duplicate_survey", "invalid_answer"], report.RejectsByReason.Keys);
    }

    [Fact]
    public void The_threshold_is_a_setting()
    {
        var report = Reading.FixtureRuns.Validate(Reading.FixtureRuns.Settings("kobo-select-multiple.csv") with { ColumnMapping = IdMapping, ShortInterviewMinutes = 21 });
        Assert.Equal(4L, report.Checks.Interviews!.TooShort);     // 20 minutes too
    }

    [Fact]
    public void An_export_without_start_and_end_has_no_interview_check()
    {
        Assert.Null(Reading.FixtureRuns.Validate("reject-invalid-answer.csv").Checks.Interviews);
    }

    [Fact]
    public void The_manifest_records_the_interview_counts()
    {
        var run = Reading.FixtureRuns.Evaluate(Reading.FixtureRuns.Settings("kobo-select-multiple.csv") with { ColumnMapping = IdMapping });
        var interviews = run.Manifest.GetProperty("checks").GetProperty("interviews");
        Assert.Equal((6, 3, 12.0), (interviews.GetProperty("measured").GetInt32(), interviews.GetProperty("too_short").GetInt32(), interviews.GetProperty("median_minutes").GetDouble()));
    }
}
