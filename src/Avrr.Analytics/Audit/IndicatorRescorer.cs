using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.Audit;

/// <summary>
/// A kept survey's indicator scores again, with its dk answers left out (as the run scored them) or
/// scored as their scale's lowest score, by the engine's own <see cref="SurveyScorer"/>. One per thread.
/// </summary>
internal sealed class IndicatorRescorer
{
    private readonly SurveyScorer _scorer;
    private readonly byte[] _lowest;
    private readonly byte[] _answers;
    private readonly double[] _dimensions;

    public IndicatorRescorer(Scheme scheme)
    {
        _scorer = new SurveyScorer(scheme);
        _lowest = scheme.Questions.Select(q =>
        {
            var choices = q.Scale.Choices;
            var lowest = 0;
            for (var c = 1; c < choices.Count; c++) if (choices[c].Score < choices[lowest].Score) lowest = c;
            return (byte)lowest;
        }).ToArray();
        _answers = new byte[scheme.Questions.Count];
        _dimensions = new double[scheme.Dimensions.Count];
    }

    public void Score(ReadOnlySpan<byte> stored, bool dontKnowLowest, Span<double> indicators)
    {
        var answers = _answers;
        for (var q = 0; q < answers.Length; q++)
        {
            var a = stored[q];
            answers[q] = a == AnswerDecoder.DontKnow && dontKnowLowest ? _lowest[q] : a;
        }
        _scorer.Score(answers, indicators, _dimensions);
    }

    /// <summary>The survey's scores as the run gave them: indicators, dimensions, composite.</summary>
    public double NominalScores(ReadOnlySpan<byte> stored, Span<double> scores)
    {
        var indicators = _scorer.IndicatorCount;
        var outcome = _scorer.Score(stored, scores[..indicators], scores.Slice(indicators, _scorer.DimensionCount));
        scores[indicators + _scorer.DimensionCount] = outcome.Composite;
        return outcome.Composite;
    }
}
