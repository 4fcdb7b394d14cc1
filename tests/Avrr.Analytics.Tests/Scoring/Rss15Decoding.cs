using System.Text;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>Decodes answers to rss-15 questions, through UTF-8 bytes and through strings, and checks both agree.</summary>
internal static class Rss15Decoding
{
    /// <summary>The index (scheme order) of the first rss-15 question answered on <paramref name="scale"/>, found from docs/instrument.md's table.</summary>
    public static int QuestionOf(string scale)
    {
        var id = InstrumentTables.Questions.First(q => q.Scale == scale).Question;
        return Scheme.Rss15.Questions.Select(q => q.Id).ToList().IndexOf(id);
    }

    /// <summary>
    /// Decodes <paramref name="text"/> four ways: bytes then the same bytes again (the remembered spelling),
    /// and a string on a fresh decoder then again; all four must agree.
    /// </summary>
    public static byte Decode(int question, string text)
    {
        var byBytes = new AnswerDecoder(Scheme.Rss15);
        var first = byBytes.Decode(question, Encoding.UTF8.GetBytes(text));
        var again = byBytes.Decode(question, Encoding.UTF8.GetBytes(text));
        var byString = new AnswerDecoder(Scheme.Rss15);
        var fromString = byString.Decode(question, text);
        var fromStringAgain = byString.Decode(question, text);
        Assert.Equal(first, again);
        Assert.Equal(first, fromString);
        Assert.Equal(first, fromStringAgain);
        return first;
    }

    /// <summary>The score of a decoded answer to an rss-15 question; fails when the answer is missing or invalid.</summary>
    public static double ScoreOf(int question, byte decoded)
    {
        Assert.True(!AnswerDecoder.IsMissing(decoded), $"expected a scored answer, got {(decoded == AnswerDecoder.Invalid ? "invalid" : "missing")}");
        return Scheme.Rss15.Questions[question].Scale.Choices[decoded].Score;
    }

    public static double DecodeScore(string scale, string text)
    {
        var q = QuestionOf(scale);
        return ScoreOf(q, Decode(q, text));
    }
}
