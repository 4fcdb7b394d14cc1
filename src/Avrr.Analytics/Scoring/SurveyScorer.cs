using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Scoring;

/// <summary>
/// Scores one survey from its decoded answers (docs/methodology.md, "The rules, for one survey"): question → indicator → dimension →
/// composite. A pure function of (scheme, answers): it reads flat tables compiled from the scheme once
/// and writes into the caller's spans, so a warmed-up call allocates nothing and is safe on any thread.
/// Missing scores are NaN in the spans.
/// </summary>
public sealed class SurveyScorer
{
    /// <summary>Shares are compared with this slack, so that 3 of 5 equal weights pass a 0.6 coverage rule despite rounding.</summary>
    internal const double CoverageSlack = 1e-12;

    private readonly Scheme _scheme;
    private readonly double[] _choiceScore;       // scores of every question's choices, question after question
    private readonly int[] _choiceOffset;         // where question q's choices start in _choiceScore
    private readonly double[] _questionWeight;
    private readonly int[] _indicatorFirstQuestion; // questions of indicator i: [first[i], first[i+1])
    private readonly double[] _indicatorWeight;
    private readonly double[] _indicatorCompositeWeight;
    private readonly int[] _dimensionFirstIndicator; // indicators of dimension d: [first[d], first[d+1])
    private readonly double[] _dimensionWeight;
    private readonly double[] _dimensionIndicatorWeight; // Σ w_i over all indicators of d
    private readonly double _totalDimensionWeight;
    private readonly SchemeOptions _options;

    public SurveyScorer(Scheme scheme)
    {
        _scheme = scheme;
        _options = scheme.Options;
        var questions = scheme.Questions;
        _choiceOffset = new int[questions.Count];
        var scores = new List<double>();
        for (var q = 0; q < questions.Count; q++)
        {
            _choiceOffset[q] = scores.Count;
            scores.AddRange(questions[q].Scale.Choices.Select(c => c.Score));
        }
        _choiceScore = scores.ToArray();
        // Weights relative to their largest sibling (scaled by a power of two: exact), so that sums of weights near
        // the largest double do not overflow; ordinary weights give the same scores to the last bit.
        _questionWeight = scheme.Indicators.SelectMany(i => SchemeWeight.Relative(i.Questions.Select(q => q.Weight))).ToArray();

        var indicators = scheme.Indicators;
        _indicatorFirstQuestion = new int[indicators.Count + 1];
        for (var i = 0; i < indicators.Count; i++)
            _indicatorFirstQuestion[i + 1] = _indicatorFirstQuestion[i] + indicators[i].Questions.Count;
        _indicatorWeight = scheme.Dimensions.SelectMany(d => SchemeWeight.Relative(d.Indicators.Select(i => i.Weight))).ToArray();
        _indicatorCompositeWeight = SchemeWeight.Relative(indicators.Select(i => i.CompositeWeight ?? i.Weight));

        var dimensions = scheme.Dimensions;
        _dimensionFirstIndicator = new int[dimensions.Count + 1];
        for (var d = 0; d < dimensions.Count; d++)
            _dimensionFirstIndicator[d + 1] = _dimensionFirstIndicator[d] + dimensions[d].Indicators.Count;
        _dimensionWeight = SchemeWeight.Relative(dimensions.Select(d => d.Weight));
        _dimensionIndicatorWeight = dimensions.Select((d, at) =>
            Enumerable.Range(_dimensionFirstIndicator[at], d.Indicators.Count).Sum(i => _indicatorWeight[i])).ToArray();
        _totalDimensionWeight = _dimensionWeight.Sum();
    }

    public Scheme Scheme => _scheme;
    public int QuestionCount => _questionWeight.Length;
    public int IndicatorCount => _indicatorWeight.Length;
    public int DimensionCount => _dimensionWeight.Length;

    /// <summary>
    /// Scores one survey. <paramref name="answers"/> holds one decoded answer per question, in scheme
    /// order (a choice index, or <see cref="AnswerDecoder.Missing"/> or <see cref="AnswerDecoder.DontKnow"/>); <paramref name="indicators"/> and
    /// <paramref name="dimensions"/> receive the scores, NaN where missing.
    /// </summary>
    public SurveyOutcome Score(ReadOnlySpan<byte> answers, Span<double> indicators, Span<double> dimensions)
    {
        if (answers.Length != _questionWeight.Length || indicators.Length != _indicatorWeight.Length || dimensions.Length != _dimensionWeight.Length)
            throw new ArgumentException("The spans must have one entry per question, indicator and dimension of the scheme.");

        // Questions → indicators: weighted mean over the answered questions.
        var answered = 0;
        for (var i = 0; i < indicators.Length; i++)
        {
            double sum = 0, weight = 0;
            for (var q = _indicatorFirstQuestion[i]; q < _indicatorFirstQuestion[i + 1]; q++)
            {
                var choice = answers[q];
                if (choice >= AnswerDecoder.DontKnow) continue;
                var w = _questionWeight[q];
                sum += w * _choiceScore[_choiceOffset[q] + choice];
                weight += w;
                answered++;
            }
            indicators[i] = weight > 0 ? sum / weight : double.NaN;
        }

        // Indicators → dimensions: weighted mean over present indicators, when they cover enough weight.
        double compositeSum = 0, compositeWeight = 0, scoredDimensionWeight = 0;
        var scoredDimensions = 0;
        var weakest = -1;
        for (var d = 0; d < dimensions.Length; d++)
        {
            double sum = 0, weight = 0;
            for (var i = _dimensionFirstIndicator[d]; i < _dimensionFirstIndicator[d + 1]; i++)
            {
                var s = indicators[i];
                if (double.IsNaN(s)) continue;
                sum += _indicatorWeight[i] * s;
                weight += _indicatorWeight[i];
            }
            var covered = weight > 0 && weight / _dimensionIndicatorWeight[d] >= _options.MinDimensionCoverage - CoverageSlack;
            var score = covered ? sum / weight : double.NaN;
            dimensions[d] = score;
            if (!covered) continue;
            scoredDimensions++;
            scoredDimensionWeight += _dimensionWeight[d];
            compositeSum += _dimensionWeight[d] * score;
            compositeWeight += _dimensionWeight[d];
            // Strictly lower: a tie goes to the first dimension in scheme order.
            if (weakest < 0 || score < dimensions[weakest]) weakest = d;
        }

        var compositeAllowed = _options.CompositeRequires == CompositeRequirement.All
            ? scoredDimensions == dimensions.Length
            : scoredDimensions > 0 && scoredDimensionWeight / _totalDimensionWeight >= _options.MinCompositeCoverage - CoverageSlack;

        var composite = double.NaN;
        if (compositeAllowed)
        {
            if (_options.CompositeFrom == CompositeSource.Indicators)
            {
                double sum = 0, weight = 0;
                for (var i = 0; i < indicators.Length; i++)
                {
                    if (double.IsNaN(indicators[i])) continue;
                    sum += _indicatorCompositeWeight[i] * indicators[i];
                    weight += _indicatorCompositeWeight[i];
                }
                composite = sum / weight;
            }
            else composite = compositeSum / compositeWeight;
        }
        return new SurveyOutcome(composite, _options.Bands.Of(composite), weakest, answered);
    }
}
