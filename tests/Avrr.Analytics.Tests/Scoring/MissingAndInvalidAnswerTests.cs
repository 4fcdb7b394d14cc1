using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>
/// dk / refused / na, their labels and the empty cell are missing answers for every question (never 0): dk
/// and its labels decode as DontKnow (kept apart for the audit), the others as Missing, and the scorer leaves
/// both out; anything else that is not an answer of the scale is invalid, and the accepted text names the codes.
/// </summary>
public sealed class MissingAndInvalidAnswerTests
{
    public static TheoryData<string> MissingAnswers()
    {
        var data = new TheoryData<string> { "", " ", "\t", "DK", " Refused ", "NA" };
        foreach (var special in InstrumentTables.SpecialAnswers)
        {
            data.Add(special.Code);
            data.Add(special.En);
            data.Add(special.Fr);
        }
        data.Add("Don’t know");          // typographic apostrophe
        data.Add("ne sait PAS");
        data.Add("Refuse de repondre");  // accent dropped
        data.Add("non  applicable");
        return data;
    }

    [Theory]
    [MemberData(nameof(MissingAnswers))]
    public void A_special_answer_its_labels_or_an_empty_cell_is_missing_for_every_question(string answer)
    {
        Assert.Equal(29, Scheme.Rss15.Questions.Count);
        var dontKnow = InstrumentTables.SpecialAnswers.Where(s => s.Code == "dk").SelectMany(s => new[] { s.Code, s.En, s.Fr })
            .Any(spelling => AnswerText.Normalize(spelling) == AnswerText.Normalize(answer));
        for (var q = 0; q < Scheme.Rss15.Questions.Count; q++)
        {
            var decoded = Rss15Decoding.Decode(q, answer);
            Assert.Equal(dontKnow ? AnswerDecoder.DontKnow : AnswerDecoder.Missing, decoded);
            Assert.True(AnswerDecoder.IsMissing(decoded));
        }
    }

    [Fact]
    public void An_empty_span_is_missing()
    {
        var decoder = new AnswerDecoder(Scheme.Rss15);
        Assert.Equal(AnswerDecoder.Missing, decoder.Decode(0, ReadOnlySpan<byte>.Empty));
    }

    [Theory]
    [InlineData("satisfaction5", "6")]
    [InlineData("satisfaction5", "0")]
    [InlineData("satisfaction5", "4.5")]
    [InlineData("satisfaction5", "Très  bon")]          // a label of another scale
    [InlineData("quality5", "Very god")]
    [InlineData("quality5", "yes")]
    [InlineData("quality5", "very poorly")]
    [InlineData("agree5", "maybe")]
    [InlineData("agree5", "d accord")]
    [InlineData("never_good5", "always")]
    [InlineData("often_good5", "N/A?")]
    [InlineData("yes_good", "oui oui")]
    [InlineData("yes_good", "y")]
    [InlineData("no_good", "1")]
    [InlineData("debt3", "debt")]
    [InlineData("debt3", "no debts")]
    public void A_value_that_is_not_an_answer_of_the_scale_is_invalid(string scale, string answer)
    {
        Assert.Equal(AnswerDecoder.Invalid, Rss15Decoding.Decode(Rss15Decoding.QuestionOf(scale), answer));
    }

    [Theory]
    [InlineData("satisfaction5")]
    [InlineData("quality5")]
    [InlineData("agree5")]
    [InlineData("never_good5")]
    [InlineData("often_good5")]
    [InlineData("yes_good")]
    [InlineData("no_good")]
    [InlineData("debt3")]
    public void The_accepted_text_of_a_choice_scale_names_every_code_and_the_special_answers(string scale)
    {
        var accepted = new AnswerDecoder(Scheme.Rss15).Accepted(Rss15Decoding.QuestionOf(scale));
        foreach (var choice in InstrumentTables.ChoiceScales[scale])
            Assert.Contains(choice.Code, accepted);
        foreach (var special in InstrumentTables.SpecialAnswers)
            Assert.Contains(special.Code, accepted);
    }

    [Fact]
    public void The_accepted_text_of_the_count_scale_asks_for_a_whole_number()
    {
        var accepted = new AnswerDecoder(Scheme.Rss15).Accepted(Rss15Decoding.QuestionOf("count0to3"));
        Assert.Contains("whole number", accepted);
        Assert.Contains("dk", accepted);
    }
}
