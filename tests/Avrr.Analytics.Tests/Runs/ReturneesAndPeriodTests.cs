using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;
using static Avrr.Analytics.Tests.Runs.DimensionAnswers;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// The manifest's returnees and survey period (docs/outputs.md), counted by hand: each returnee of a
/// scored survey once, however many surveys they have, and a returnee whose other survey was rejected
/// still once; the period runs from the earliest to the latest scored survey (a rejected one does not count).
/// </summary>
public sealed class ReturneesAndPeriodTests
{
    [Fact]
    public void Returnees_are_counted_once_each_and_the_period_spans_the_scored_surveys()
    {
        var folder = TestFiles.TempFolder();
        var export = new SurveyExport();
        export.Add("R1", "AAA", "C1", "2025-02-01", "r1", 1, Best, Best, Best);
        export.Add("R1", "AAA", "C1", "2025-05-01", "r2", 1, Worst, Best, Best);   // R1: two scored surveys (a panel returnee)
        export.Add("R2", "AAA", "C1", "2025-03-15", "r1", 1, Best, Worst, Best);   // R2: one survey
        export.Add("R3", "BBB", "C2", "2025-01-20", "r1", 1, Best, Best, Worst);   // R3: one scored survey …
        export.Add("R3", "BBB", "C2", "2024-13-01", "r2", 1, Best, Best, Best);    // … and one rejected (no month 13), earlier than any other
        export.Add("R4", "BBB", "C2", "2025-06-30", "r1", 1, DontKnow, Best, Best); // R4: scored (no composite), the latest survey
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [export.Write(folder)], OutputFolder = Path.Combine(folder, "out"), Formats = OutputFormats.Csv, Threads = 1, Report = false,
        });

        Assert.Equal(5, result.RowsScored);
        Assert.Equal(1, result.PanelReturnees);
        Assert.Equal(4, result.Returnees);
        Assert.Equal(new DateOnly(2025, 1, 20), result.FirstSurveyDate);
        Assert.Equal(new DateOnly(2025, 6, 30), result.LastSurveyDate);
        var manifest = File.ReadAllText(Path.Combine(folder, "out", "manifest.json"));
        Assert.Contains("\"returnees\": 4,", manifest, StringComparison.Ordinal);
        Assert.Contains("\"first_survey_date\": \"2025-01-20\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"last_survey_date\": \"2025-06-30\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"report\": false", manifest, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "out", "report.html")));
        Assert.False(File.Exists(Path.Combine(folder, "out", "results.xlsx")));
    }
}
