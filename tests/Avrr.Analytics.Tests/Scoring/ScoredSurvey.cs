using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>One survey scored from its text answers (question id → text; a question not listed is an empty cell).</summary>
internal sealed record ScoredSurvey(Scheme Scheme, double[] Indicators, double[] Dimensions, SurveyOutcome Outcome)
{
    public double Indicator(string id) => Indicators[Scheme.Indicators.Select(i => i.Id).ToList().IndexOf(id)];
    public double Dimension(string id) => Dimensions[Scheme.Dimensions.Select(d => d.Id).ToList().IndexOf(id)];
    public double Composite => Outcome.Composite;
    public string? Weakest => Outcome.WeakestDimension < 0 ? null : Scheme.Dimensions[Outcome.WeakestDimension].Id;

    public static ScoredSurvey Of(Scheme scheme, IReadOnlyDictionary<string, string> answers)
    {
        foreach (var id in answers.Keys)
            Assert.Contains(id, scheme.Questions.Select(q => q.Id));   // a typo in a test would silently be an empty cell
        var decoder = new AnswerDecoder(scheme);
        var decoded = new byte[scheme.Questions.Count];
        for (var q = 0; q < decoded.Length; q++)
        {
            decoded[q] = decoder.Decode(q, answers.GetValueOrDefault(scheme.Questions[q].Id, ""));
            Assert.NotEqual(AnswerDecoder.Invalid, decoded[q]);
        }
        return OfDecoded(scheme, decoded);
    }

    public static ScoredSurvey OfDecoded(Scheme scheme, byte[] decoded)
    {
        var indicators = new double[scheme.Indicators.Count];
        var dimensions = new double[scheme.Dimensions.Count];
        var outcome = new SurveyScorer(scheme).Score(decoded, indicators, dimensions);
        return new ScoredSurvey(scheme, indicators, dimensions, outcome);
    }
}
