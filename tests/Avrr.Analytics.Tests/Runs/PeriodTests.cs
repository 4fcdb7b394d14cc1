using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// A quarter's evaluation from a cumulative export (DataMaking/make_field_exports.py, kobo-cumulative-quarters.csv:
/// rows 2-3 in 2025-Q1, 4 in Q2, 5-7 in Q3 with row 6 rejected, 8 in Q4).
/// </summary>
public sealed class PeriodTests
{
    private static Reading.FixtureRuns.Evaluation Run(SurveyPeriod? period) =>
        Reading.FixtureRuns.Evaluate(Reading.FixtureRuns.Settings("kobo-cumulative-quarters.csv") with { Period = period });

    [Fact]
    public void A_quarter_selects_its_surveys_and_the_rest_are_counted_outside_the_period()
    {
        var run = Run(SurveyPeriod.OfQuarter(new Quarter(2025, 3)));
        var r = run.Result;
        Assert.Equal((7L, 2L, 1L, 4L), (r.RowsRead, r.RowsScored, r.RowsRejected, r.RowsOutsidePeriod));
        Assert.Equal(["R701", "R705"], run.Scores.Select(s => s["returnee_id"]));
        var manifest = run.Manifest;
        Assert.Equal(manifest.GetProperty("rows_read").GetInt64(),
            manifest.GetProperty("rows_scored").GetInt64() + manifest.GetProperty("rows_rejected").GetInt64() + manifest.GetProperty("rows_outside_period").GetInt64());
        var input = manifest.GetProperty("inputs")[0];
        Assert.Equal((7, 2, 1, 4), (input.GetProperty("rows_read").GetInt32(), input.GetProperty("rows_scored").GetInt32(),
            input.GetProperty("rows_rejected").GetInt32(), input.GetProperty("rows_outside_period").GetInt32()));
        var period = manifest.GetProperty("settings").GetProperty("period");
        Assert.Equal(("2025-07-01", "2025-09-30"), (period.GetProperty("from").GetString(), period.GetProperty("to").GetString()));
    }

    [Fact]
    public void A_returnee_whose_earlier_survey_is_outside_the_period_is_not_a_panel_returnee()
    {
        Assert.Equal(1, Run(null).Result.PanelReturnees);          // R701: Q1 baseline, Q3 follow-up
        Assert.Equal(0, Run(SurveyPeriod.OfQuarter(new Quarter(2025, 3))).Result.PanelReturnees);
        Assert.Equal(0L, Run(null).Result.RowsOutsidePeriod);
    }

    [Fact]
    public void From_and_to_include_both_ends()
    {
        var r = Run(new SurveyPeriod(new DateOnly(2025, 5, 2), new DateOnly(2025, 9, 30))).Result;
        Assert.Equal((3L, 1L, 3L), (r.RowsScored, r.RowsRejected, r.RowsOutsidePeriod));
        // An open end: from 1 July on, Q3's two scored surveys and Q4's one; rows 2-4 are before it.
        var open = Run(new SurveyPeriod(new DateOnly(2025, 7, 1), null)).Result;
        Assert.Equal((3L, 1L, 3L), (open.RowsScored, open.RowsRejected, open.RowsOutsidePeriod));
    }

    [Fact]
    public void A_period_with_no_survey_keeps_the_earlier_result_and_says_so()
    {
        var e = Assert.Throws<Avrr.Analytics.Runs.Results.NothingScoredException>(() => Run(SurveyPeriod.OfQuarter(new Quarter(2024, 1))));
        Assert.Contains("none of the 7 rows is dated in the period (2024-01-01 to 2024-03-31)", e.Message);
    }

    [Fact]
    public void The_rejected_share_is_of_the_rows_in_the_period()
    {
        var r = Run(SurveyPeriod.OfQuarter(new Quarter(2025, 3))).Result;
        Assert.Equal(1.0 / 3, r.RejectedShare, 12);
    }
}
