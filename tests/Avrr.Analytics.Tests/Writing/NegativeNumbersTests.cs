using System.Globalization;
using Avrr.Analytics.Tests.Reading;

namespace Avrr.Analytics.Tests.Writing;

/// <summary>
/// Numbers in the CSV outputs are written as numbers, negative ones included: the spreadsheet-safety escape of text
/// that starts with '-' (CsvOutput) must not turn a negative panel change into the text "'-0.16…".
/// </summary>
public sealed class NegativeNumbersTests
{
    [Fact]
    public void A_negative_panel_change_is_written_as_a_number()
    {
        // plain.csv: R001's baseline scores 1 everywhere, its follow-up economic .825, social .85, psychosocial .825 and
        // composite 2.5/3 (see SameSurveysTests), so the changes are -.175, -.15, -.175 and 2.5/3 - 1 = -1/6.
        var run = FixtureRuns.Evaluate(FixtureRuns.Settings("plain.csv"));
        var rows = FixtureRuns.ReadCsv(Path.Combine(run.Folder, "panel_change.csv")).Where(r => r["level"] == "all").ToDictionary(r => r["measure"]);
        var expected = new Dictionary<string, double> { ["composite"] = -1.0 / 6, ["economic"] = -0.175, ["social"] = -0.15, ["psychosocial"] = -0.175 };
        foreach (var (measure, change) in expected)
        {
            var text = rows[measure]["mean_change"];
            Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value), $"{measure}: mean_change '{text}' is not a number");
            Assert.Equal(change, value, 12);
            // One returnee is one PSU: no se and no interval, and the note says so (negative bounds: RunnerSuppressionTests).
            Assert.Equal(("", ""), (rows[measure]["se"], rows[measure]["ci_low"]));
            Assert.Equal("one PSU: no design-based variance", rows[measure]["note"]);
        }
    }
}
