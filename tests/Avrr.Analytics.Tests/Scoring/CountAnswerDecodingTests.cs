using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>count0to3 (income_sources): a whole number n ≥ 0 scores min(n, 3) / 3; anything else is invalid.</summary>
public sealed class CountAnswerDecodingTests
{
    [Theory]
    [InlineData("0", 0.0)]             // 0/3
    [InlineData("1", 1.0 / 3)]         // 1/3
    [InlineData("2", 2.0 / 3)]         // 2/3
    [InlineData("3", 1.0)]             // 3/3
    [InlineData("7", 1.0)]             // min(7, 3)/3
    [InlineData("2.0", 2.0 / 3)]       // an all-zero decimal part, '.' …
    [InlineData("2,0", 2.0 / 3)]       // … or ',' as the separator
    [InlineData("3.00", 1.0)]
    [InlineData(" 2 ", 2.0 / 3)]
    [InlineData("02", 2.0 / 3)]
    [InlineData("123456789012345", 1.0)]   // a huge count is capped, not an overflow
    public void A_whole_number_scores_its_count_capped_at_three_over_three(string answer, double expected) =>
        Assert.Equal(expected, Rss15Decoding.DecodeScore("count0to3", answer));

    [Theory]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("2,5")]
    [InlineData("abc")]
    [InlineData("2.")]
    [InlineData("1e1")]
    [InlineData("+2")]
    [InlineData("two")]
    [InlineData("1 000")]
    public void A_negative_fractional_or_non_numeric_count_is_invalid(string answer) =>
        Assert.Equal(AnswerDecoder.Invalid, Rss15Decoding.Decode(Rss15Decoding.QuestionOf("count0to3"), answer));

    [Theory]
    [InlineData("dk", AnswerDecoder.DontKnow)]
    [InlineData("Ne sait pas", AnswerDecoder.DontKnow)]
    [InlineData("na", AnswerDecoder.Missing)]
    [InlineData("", AnswerDecoder.Missing)]
    public void A_special_answer_to_a_count_is_missing(string answer, byte expected) =>
        Assert.Equal(expected, Rss15Decoding.Decode(Rss15Decoding.QuestionOf("count0to3"), answer));
}
