using Avrr.Analytics.Runs;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// Survey dates as real exports hold them (DataMaking/make_field_exports.py): several unambiguous forms
/// in one run, Excel serial numbers in a workbook, advice on the form of rejected dates, dates after the run's date.
/// </summary>
public sealed class DateFormsTests
{
    [Fact]
    public void Iso_kobo_iso_with_time_and_zone_and_the_date_format_are_read_in_one_run_each_date_as_written()
    {
        var run = FixtureRuns.Evaluate(FixtureRuns.Settings("mixed-date-forms.csv") with { DateFormat = "dd/MM/yyyy" });
        Assert.Equal((4L, 4L), (run.Result.RowsRead, run.Result.RowsScored));
        // 2025-07-15T23:30-05:00 is 16 July in UTC: the date is kept as written, never shifted.
        Assert.Equal(["2025-07-14", "2025-07-15", "2025-07-16", "2099-01-01"], run.Scores.Select(s => s["survey_date"]));
    }

    [Fact]
    public void Dates_with_a_zone_at_the_ends_of_the_calendar_are_scored_as_written()
    {
        // Issue 17 §22: a zone never shifts the date, so neither date leaves the calendar.
        var lines = File.ReadAllLines(TestFiles.Data("mixed-date-forms.csv"));
        var path = Path.Combine(TestFiles.TempFolder(), "calendar-ends.csv");
        File.WriteAllLines(path, [lines[0],
            lines[1].Replace("R801", "R831").Replace("2025-07-14", "9999-12-31T23:00:00-05:00"),
            lines[1].Replace("R801", "R832").Replace("2025-07-14", "0001-01-01T00:30:00+01:00")]);
        var run = FixtureRuns.Evaluate(path);
        Assert.Equal([("9999-12-31", "9999-Q4"), ("0001-01-01", "0001-Q1")], run.Scores.Select(s => (s["survey_date"], s["quarter"])));
    }

    [Fact]
    public void Without_the_date_format_only_the_day_first_date_is_rejected()
    {
        var result = FixtureRuns.Validate("mixed-date-forms.csv");
        var reject = Assert.Single(result.FirstRejects["invalid_date"]);
        Assert.Equal((4L, "16/07/2025"), (reject.Row, reject.Value));
    }

    [Fact]
    public void Excel_serial_dates_in_a_workbook_are_read_as_the_dates_they_stand_for()
    {
        var run = FixtureRuns.Evaluate("xlsx-serial-dates.xlsx");
        // Serial 45852 counts days from 1899-12-30: 2025-07-14; 45853.4375 is 2025-07-15 at 10:30.
        Assert.Equal(["2025-07-14", "2025-07-15", "2025-07-16"], run.Scores.Select(s => s["survey_date"]));
    }

    [Theory]
    [InlineData(45852.0, "2025-07-14")]
    [InlineData(45853.4375, "2025-07-15T10:30:00")]
    [InlineData(32874.0, "1990-01-01")]
    [InlineData(5.0, "5")]             // not a survey's date: left as the number, an invalid date
    [InlineData(80000.0, "80000")]
    public void A_number_in_a_workbook_s_date_column_is_a_date_only_in_the_years_of_surveys(double serial, string text)
    {
        Assert.Equal(text, Avrr.Analytics.IO.Reading.CellText.OfDateCell(serial));
    }

    [Fact]
    public void When_the_rejected_dates_read_in_one_other_form_the_advice_names_that_date_format()
    {
        var result = FixtureRuns.Validate("dates-day-first.csv");
        Assert.Equal(3, result.FirstRejects["invalid_date"].Count);
        // 13/07 and 31/07 cannot be month first: only dd/MM/yyyy reads all three.
        Assert.Equal(["dd/MM/yyyy"], result.Checks.DateFormatsThatRead);
        Assert.Equal((3, 3), (result.Checks.DatesReadByThem, result.Checks.DatesTried));

        var e = Assert.Throws<Avrr.Analytics.Runs.Results.NothingScoredException>(() => FixtureRuns.Evaluate("dates-day-first.csv"));
        Assert.Contains("the survey dates are written like dd/MM/yyyy (3 of the 3 rejected dates tried read that way): set the date format to dd/MM/yyyy", e.Message);
    }

    [Fact]
    public void Dates_that_read_day_first_and_month_first_alike_name_both_forms()
    {
        var guess = new Avrr.Analytics.Checks.DateFormGuess();
        foreach (var date in new[] { "01/02/2025", "03/04/2025", "12/11/2025" }) guess.Add(date);
        Assert.Equal(["dd/MM/yyyy", "MM/dd/yyyy"], guess.Best().Formats);
    }

    [Fact]
    public void Survey_dates_after_the_run_date_are_flagged_in_the_validation_report_and_the_manifest_and_still_scored()
    {
        var settings = FixtureRuns.Settings("mixed-date-forms.csv") with { DateFormat = "dd/MM/yyyy", Today = new DateOnly(2025, 7, 15) };
        var report = FixtureRuns.Validate(settings);
        Assert.Equal(2, report.Checks.FutureDates);     // 16 July 2025 and 1 January 2099
        Assert.Equal([(4L, new DateOnly(2025, 7, 16)), (5L, new DateOnly(2099, 1, 1))], report.Checks.FirstFutureDates.Select(f => (f.Row, f.Date)));

        var run = FixtureRuns.Evaluate(settings);
        Assert.Equal(4L, run.Result.RowsScored);
        var checks = run.Manifest.GetProperty("checks");
        Assert.Equal(("2025-07-15", 2), (run.Manifest.GetProperty("run").GetProperty("date").GetString(), checks.GetProperty("survey_dates_after_run_date").GetInt32()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("dd/MM")]
    public void A_date_format_that_cannot_write_a_whole_date_is_a_settings_error(string format)
    {
        var e = Assert.Throws<Avrr.Analytics.Runs.Planning.SettingsException>(() => FixtureRuns.Validate(FixtureRuns.Settings("mixed-date-forms.csv") with { DateFormat = format }));
        Assert.Equal(Avrr.Analytics.Runs.Planning.RunSetting.DateFormat, e.Setting);
    }
}
