using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>Text answers through <see cref="SurveyProcessor"/>: a valid row is scored, a row with an invalid answer is rejected with the question, the value and the accepted codes.</summary>
public sealed class SurveyProcessorAnswerTests
{
    private static (SurveyBatch Batch, SurveyLayout Layout) Batch(params Dictionary<string, string>[] rows)
    {
        var layout = new SurveyLayout(Scheme.Rss15, []);
        var batch = new SurveyBatch(layout, capacity: 8);
        batch.Reset("test.csv", 0);
        for (var r = 0; r < rows.Length; r++)
        {
            var row = batch.AddRow(r + 2, r);
            batch.SetField(row, SurveyLayout.ReturneeId, $"R{r}");
            batch.SetField(row, SurveyLayout.Country, "SEN");
            batch.SetField(row, SurveyLayout.SurveyDate, "2026-07-14");
            foreach (var (question, answer) in rows[r])
                batch.SetField(row, layout.IndexOf(question)!.Value, answer);
        }
        new SurveyProcessor(layout).Process(batch, DuplicateSurveys.None);
        return (batch, layout);
    }

    private static Dictionary<string, string> AllAnswered(string satisfaction) =>
        InstrumentTables.Questions.ToDictionary(q => q.Question, q => q.Scale switch
        {
            "count0to3" => "3",                                                 // 1
            "satisfaction5" => satisfaction,
            _ => InstrumentTables.ChoiceScales[q.Scale].MaxBy(c => c.Score)!.En, // the best answer, 1, as an English label
        });

    [Fact]
    public void A_row_of_labels_is_scored_and_a_row_with_an_invalid_answer_is_rejected_naming_question_value_and_codes()
    {
        var (batch, _) = Batch(AllAnswered("Very satisfied"), AllAnswered("6"));

        Assert.False(batch.Rejected[0]);
        Assert.Equal(1.0, batch.Composite(0));        // every answer scores 1
        Assert.Equal(Band.High, batch.Band[0]);
        Assert.Equal(29, batch.Answered[0]);

        Assert.True(batch.Rejected[1]);
        var (row, reject) = Assert.Single(batch.Rejects);
        Assert.Equal(1, row);
        Assert.Equal(RejectReason.InvalidAnswer, reject.Reason);
        Assert.Equal("econ_satisfaction", reject.Column);
        Assert.Equal("6", reject.Value);
        Assert.Equal(3, reject.Row);
        Assert.Equal("test.csv", reject.Source);
        foreach (var code in new[] { "1", "2", "3", "4", "5", "dk", "refused", "na" })
            Assert.Contains(code, reject.Message);
    }
}
