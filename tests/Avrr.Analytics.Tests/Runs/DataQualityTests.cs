using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;
using static Avrr.Analytics.Tests.Runs.DimensionAnswers;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// data_quality (docs/outputs.md) against a hand count: per question, the scored surveys whose answer was
/// a choice, empty, or each special answer, in any spelling the decoder accepts (code, label of any
/// language, other case); a rejected row is not counted.
/// </summary>
public sealed class DataQualityTests
{
    [Fact]
    public void Answers_are_counted_by_kind_in_the_scored_surveys_only()
    {
        var folder = TestFiles.TempFolder();
        var export = new SurveyExport();
        string[] satisfaction = ["5", "", "dk", "Ne sait pas", "REFUSED", " na ", "maybe"];
        for (var i = 0; i < satisfaction.Length; i++) export.Add($"R{i}", "AAA", "C1", "2025-02-01", "r1", 1, Best, Best, Best);
        var path = export.Write(folder);
        var lines = File.ReadAllLines(path);
        var column = Array.IndexOf(lines[0].Split(','), "econ_satisfaction");
        for (var i = 0; i < satisfaction.Length; i++)
        {
            var fields = lines[i + 1].Split(',');
            fields[column] = satisfaction[i];
            lines[i + 1] = string.Join(',', fields);
        }
        File.WriteAllLines(path, lines);
        var out_ = Path.Combine(folder, "out");
        var result = EvaluationRun.Execute(new RunSettings { Inputs = [path], OutputFolder = out_, Formats = OutputFormats.Csv, Report = false });
        Assert.Equal(6, result.RowsScored);   // "maybe" is no answer of satisfaction5: that row is rejected

        var table = CsvRecords.ReadTable(Path.Combine(out_, "data_quality.csv"));
        Assert.Equal(29 * 5, table.Count);
        var counts = table.Where(r => r["question"] == "econ_satisfaction").ToDictionary(r => r["answer"], r => (long.Parse(r["surveys"]), double.Parse(r["share"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["answered", "empty", "dk", "refused", "na"], counts.Keys);
        Assert.Equal((1L, 1 / 6.0), counts["answered"]);
        Assert.Equal((1L, 1 / 6.0), counts["empty"]);
        Assert.Equal((2L, 2 / 6.0), counts["dk"]);
        Assert.Equal((1L, 1 / 6.0), counts["refused"]);
        Assert.Equal((1L, 1 / 6.0), counts["na"]);
        var other = table.Where(r => r["question"] == "housing_access").ToDictionary(r => r["answer"], r => r["surveys"]);
        Assert.Equal("6", other["answered"]);
        Assert.Equal("0", other["dk"]);
        Assert.All(table, r => Assert.Equal("false", r["suppressed"]));
        Assert.Equal(["economic", "food_security", "econ_satisfaction"], new[] { table[0]["dimension"], table[5]["indicator"], table[0]["question"] });
    }

    [Fact]
    public void Surveys_outside_the_period_are_not_counted_their_answers_were_never_decoded()
    {
        // Found by the merge's cross-checks (issue 23 §3): a partial of a run with a period counted 1,983 surveys in
        // data_quality for 992 scored, and the answers of the rows outside the period were those left in the buffer.
        var folder = TestFiles.TempFolder();
        var export = new SurveyExport();
        for (var i = 0; i < 6; i++) export.Add($"R{i}", "AAA", "C1", "2025-02-01", "r1", 1, Best, Best, Best);
        for (var i = 6; i < 10; i++) export.Add($"R{i}", "AAA", "C1", "2025-08-01", "r1", 1, Best, Best, Best);
        var path = export.Write(folder);
        var lines = File.ReadAllLines(path);
        var column = Array.IndexOf(lines[0].Split(','), "econ_satisfaction");
        for (var i = 7; i <= 10; i++)
        {
            var fields = lines[i].Split(',');
            fields[column] = "dk";
            lines[i] = string.Join(',', fields);
        }
        File.WriteAllLines(path, lines);
        var out_ = Path.Combine(folder, "out");
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [path], OutputFolder = out_, Formats = OutputFormats.Csv, Report = false, MinCell = 1,
            Period = new Avrr.Analytics.Surveys.SurveyPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)),
        });
        Assert.Equal(6, result.RowsScored);
        Assert.Equal(4, result.RowsOutsidePeriod);
        var table = CsvRecords.ReadTable(Path.Combine(out_, "data_quality.csv"));
        var counts = table.Where(r => r["question"] == "econ_satisfaction").ToDictionary(r => r["answer"], r => (r["surveys"], r["share"]));
        Assert.Equal(("6", "1"), counts["answered"]);
        Assert.Equal(("0", "0"), counts["dk"]);
    }

    [Fact]
    public void Fewer_scored_surveys_than_min_cell_withhold_every_count()
    {
        var folder = TestFiles.TempFolder();
        var export = new SurveyExport();
        for (var i = 0; i < 3; i++) export.Add($"R{i}", "AAA", "C1", "2025-02-01", "r1", 1, Best, Best, Best);
        var out_ = Path.Combine(folder, "out");
        EvaluationRun.Execute(new RunSettings { Inputs = [export.Write(folder)], OutputFolder = out_, Formats = OutputFormats.Csv, Report = false });
        var table = CsvRecords.ReadTable(Path.Combine(out_, "data_quality.csv"));
        Assert.All(table, r => Assert.Equal(("", "", "true"), (r["surveys"], r["share"], r["suppressed"])));
    }
}
