using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.Audit;

/// <summary>
/// The values an indicator can take, numbered in ascending order from 1 (0 stands for missing), and the
/// number of each combination of its questions' answers. An indicator score is a function of its few
/// answers, so counting surveys by these numbers is counting them by exact score, which is all that
/// correlations, ranks and moments need (docs/audit.md, "How the audit streams"). The values are those
/// the engine's own scorer gives each combination, bit for bit.
/// <para>
/// An indicator with more than <see cref="MaxCombinations"/> combinations (many questions on long
/// scales) is "wide": it has no numbers, and what needs them is computed from the kept surveys instead.
/// </para>
/// </summary>
internal sealed class IndicatorCodes
{
    public const int MaxCombinations = 1 << 16;

    private readonly int[][] _questions;
    private readonly int[][] _choices;
    private readonly ushort[]?[] _codeOfCombination;
    // The same, flat, for Codes(): questions of indicator i at [_first[i], _first[i + 1]), its combinations from _tableAt[i].
    private readonly int[] _first, _flatQuestion, _flatChoices, _tableAt;
    private readonly ushort[] _table;

    /// <summary>Per indicator, its values in ascending order (value of code c at [c − 1]); null for a wide indicator.</summary>
    public double[]?[] Values { get; }

    public int Count => Values.Length;

    public IndicatorCodes(Scheme scheme)
    {
        var scorer = new SurveyScorer(scheme);
        var questionIndex = scheme.Questions.Select((q, i) => (q, i)).ToDictionary(p => p.q, p => p.i);
        var indicators = scheme.Indicators;
        _questions = indicators.Select(i => i.Questions.Select(q => questionIndex[q]).ToArray()).ToArray();
        _choices = indicators.Select(i => i.Questions.Select(q => q.Scale.Choices.Count).ToArray()).ToArray();
        _codeOfCombination = new ushort[]?[indicators.Count];
        Values = new double[]?[indicators.Count];

        var answers = new byte[scheme.Questions.Count];
        Array.Fill(answers, AnswerDecoder.Missing);
        var indicatorScores = new double[indicators.Count];
        var dimensionScores = new double[scheme.Dimensions.Count];
        for (var i = 0; i < indicators.Count; i++)
        {
            long combinations = 1;
            foreach (var c in _choices[i]) combinations *= c + 1;
            if (combinations > MaxCombinations) continue;
            var score = new double[combinations];
            for (var t = 0; t < combinations; t++)
            {
                SetAnswers(i, t, answers);
                scorer.Score(answers, indicatorScores, dimensionScores);
                score[t] = indicatorScores[i];
            }
            foreach (var q in _questions[i]) answers[q] = AnswerDecoder.Missing;
            var values = score.Where(s => !double.IsNaN(s)).Distinct().Order().ToArray();
            Values[i] = values;
            _codeOfCombination[i] = score.Select(s => double.IsNaN(s) ? (ushort)0 : (ushort)(Array.BinarySearch(values, s) + 1)).ToArray();
        }
        _first = new int[indicators.Count + 1];
        for (var i = 0; i < indicators.Count; i++) _first[i + 1] = _first[i] + (IsDense(i) ? _questions[i].Length : 0);
        _flatQuestion = Enumerable.Range(0, indicators.Count).Where(IsDense).SelectMany(i => _questions[i]).ToArray();
        _flatChoices = Enumerable.Range(0, indicators.Count).Where(IsDense).SelectMany(i => _choices[i]).ToArray();
        _tableAt = new int[indicators.Count];
        var table = new List<ushort>();
        for (var i = 0; i < indicators.Count; i++)
        {
            _tableAt[i] = table.Count;
            if (IsDense(i)) table.AddRange(_codeOfCombination[i]!);
        }
        _table = [.. table];
    }

    /// <summary>The codes of every indicator from a survey's decoded answers (0 for wide indicators).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Codes(ReadOnlySpan<byte> answers, Span<ushort> codes)
    {
        var (first, question, choices, tableAt, table) = (_first, _flatQuestion, _flatChoices, _tableAt, _table);
        for (var i = 0; i < codes.Length; i++)
        {
            if (first[i] == first[i + 1]) { codes[i] = 0; continue; }
            var t = 0;
            for (var k = first[i]; k < first[i + 1]; k++)
            {
                var c = choices[k];
                var a = answers[question[k]];
                t = t * (c + 1) + (a < c ? a : c);
            }
            codes[i] = table[tableAt[i] + t];
        }
    }

    public bool IsDense(int indicator) => Values[indicator] is not null;

    /// <summary>Codes of an indicator, missing included: its number of values + 1.</summary>
    public int Size(int indicator) => Values[indicator]!.Length + 1;

    /// <summary>Sets the answers of an indicator's questions to combination <paramref name="t"/> (digit c of a question means missing).</summary>
    private void SetAnswers(int indicator, long t, byte[] answers)
    {
        var questions = _questions[indicator];
        var choices = _choices[indicator];
        for (var k = questions.Length - 1; k >= 0; k--)
        {
            var radix = choices[k] + 1;
            var digit = (int)(t % radix);
            t /= radix;
            answers[questions[k]] = digit == choices[k] ? AnswerDecoder.Missing : (byte)digit;
        }
    }
}
