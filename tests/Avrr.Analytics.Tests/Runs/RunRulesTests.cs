using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs;


namespace Avrr.Analytics.Tests.Runs;

/// <summary>Rules of a run that the users of the README rely on: survey keys, levels, grouping columns.</summary>
public sealed class RunRulesTests
{
    private const DimensionAnswers B = DimensionAnswers.Best, W = DimensionAnswers.Worst;

    [Fact]
    public void An_empty_round_makes_the_date_the_survey_key()
    {
        // R1: two surveys with an empty round on different dates → two surveys, both kept (a panel returnee).
        // R2: two surveys with an empty round on the same date → the second repeats the first.
        // R3: the same round twice on different dates → the second repeats the first (the round is the key).
        var folder = TestFiles.TempFolder();
        var input = new SurveyExport()
            .Add("R1", "SEN", "Dakar", "2025-03-01", "", 1, B, B, B)
            .Add("R1", "SEN", "Dakar", "2026-03-01", "", 1, W, W, W)
            .Add("R2", "SEN", "Dakar", "2025-03-02", "", 1, B, B, B)
            .Add("R2", "SEN", "Dakar", "2025-03-02", "", 1, B, B, B)
            .Add("R3", "SEN", "Dakar", "2025-03-03", "baseline", 1, B, B, B)
            .Add("R3", "SEN", "Dakar", "2026-03-03", "baseline", 1, B, B, B)
            .Write(folder);
        var result = EvaluationRun.Execute(new RunSettings { Inputs = [input], OutputFolder = Path.Combine(folder, "out"), MinCell = 1 });
        Assert.Equal((6L, 4L, 2L), (result.RowsRead, result.RowsScored, result.RowsRejected));
        var rejects = File.ReadAllLines(Path.Combine(folder, "out", "rejects.csv")).Skip(1).ToArray();
        Assert.Equal(2, rejects.Length);
        Assert.Contains(rejects, r => r.Contains(",5,R2,returnee_id,R2,duplicate_survey,", StringComparison.Ordinal));
        Assert.Contains(rejects, r => r.Contains(",7,R3,returnee_id,R3,duplicate_survey,", StringComparison.Ordinal));
        Assert.Equal(1, result.PanelReturnees);
    }

    [Theory]
    [InlineData("returnee_id")]
    [InlineData("survey_date")]
    [InlineData("country+weight")]
    public void A_level_over_a_returnee_id_a_date_or_the_weight_is_a_usage_error(string level)
    {
        var folder = TestFiles.TempFolder();
        var input = new SurveyExport().Add("R1", "SEN", "Dakar", "2025-03-01", "baseline", 1, B, B, B).Write(folder);
        var call = Avrr.Analytics.Tests.Cli.Avrr.Expect(2, "run", input, "--out", Path.Combine(folder, "out"), "--levels", level);
        Assert.Contains("is not a column to group by", call.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void Data_of_one_quarter_have_no_quarter_level_and_no_quarter_column()
    {
        var folder = TestFiles.TempFolder();
        var export = new SurveyExport();
        for (var i = 0; i < 6; i++) export.Add($"R{i}", "SEN", "Dakar", $"2025-0{1 + i % 3}-1{i}", "baseline", 1, B, W, B);
        var result = EvaluationRun.Execute(new RunSettings { Inputs = [export.Write(folder)], OutputFolder = Path.Combine(folder, "out") });
        Assert.Equal(["all", "country", "country+community"], result.Levels);
        var header = File.ReadLines(Path.Combine(folder, "out", "aggregates.csv")).First();
        Assert.StartsWith("level,country,community,measure,", header, StringComparison.Ordinal);
        Assert.Contains("\"country+community\"\n", File.ReadAllText(Path.Combine(folder, "out", "manifest.json")).Replace("\r", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("country+quarter", File.ReadAllText(Path.Combine(folder, "out", "manifest.json")), StringComparison.Ordinal);
    }
}
