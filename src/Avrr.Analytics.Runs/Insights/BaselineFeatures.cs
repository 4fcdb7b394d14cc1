using Avrr.Analytics.Collections;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Insights;

/// <summary>
/// The features of the early warning, from one survey (docs/insights.md, "Early warning"): each indicator's
/// score, each answer's score (the choice's score in 0..1; NaN where missing) and each attribute as 0/1
/// columns of its levels (a value not among them is 0 in all). Each feature belongs to an indicator (an
/// answer to its question's), except the attributes (-1). Safe to use from several threads.
/// </summary>
internal sealed class BaselineFeatures
{
    private readonly double[][] _choiceScores;
    private readonly (TermColumn Column, Utf8Table Levels, int First)[] _attributes;

    public BaselineFeatures(Scheme scheme, IReadOnlyList<(TermColumn Column, IReadOnlyList<string> Levels)> attributes)
    {
        Indicators = scheme.Indicators.Select(i => i.Id).ToArray();
        _choiceScores = scheme.Questions.Select(q => q.Scale.Choices.Select(c => c.Score).ToArray()).ToArray();
        var indicatorOf = new List<int>(Enumerable.Range(0, Indicators.Count));
        var names = new List<string>(Indicators.Select(i => "indicator_" + i));
        var indicatorOfQuestion = scheme.Indicators.SelectMany((indicator, i) => indicator.Questions.Select(q => (q.Id, i))).ToDictionary(p => p.Id, p => p.i);
        foreach (var question in scheme.Questions)
        {
            indicatorOf.Add(indicatorOfQuestion[question.Id]);
            names.Add(question.Id);
        }
        var list = new List<(TermColumn, Utf8Table, int)>();
        foreach (var (column, levels) in attributes)
        {
            var table = new Utf8Table();
            for (var l = 0; l < levels.Count; l++) table.TryAdd(System.Text.Encoding.UTF8.GetBytes(levels[l]), l);
            list.Add((column, table, indicatorOf.Count));
            foreach (var level in levels)
            {
                indicatorOf.Add(-1);
                names.Add($"{column.Name}={level}");
            }
        }
        _attributes = list.ToArray();
        IndicatorOf = indicatorOf.ToArray();
        Names = names;
    }

    public IReadOnlyList<string> Indicators { get; }
    public int[] IndicatorOf { get; }
    public IReadOnlyList<string> Names { get; }
    public int Count => IndicatorOf.Length;

    public float[] Of(SurveyBatch batch, int row)
    {
        var x = new float[Count];
        Fill(batch, row, x, new byte[Vocabulary.Quarter.TextLength]);
        return x;
    }

    /// <summary>The features of a scored row, into <paramref name="x"/> (<paramref name="buffer"/>: room for a quarter's text).</summary>
    public void Fill(SurveyBatch batch, int row, Span<float> x, Span<byte> buffer)
    {
        x.Clear();
        var scores = batch.RowScores(row);
        var indicators = Indicators.Count;
        for (var i = 0; i < indicators; i++) x[i] = (float)scores[i];
        var questions = _choiceScores.Length;
        var answers = batch.Answers.AsSpan(row * questions, questions);
        for (var q = 0; q < questions; q++)
            x[indicators + q] = answers[q] < _choiceScores[q].Length ? (float)_choiceScores[q][answers[q]] : float.NaN;
        foreach (var (column, levels, first) in _attributes)
            if (levels.TryGet(column.Value(batch, row, buffer), out var level)) x[first + level] = 1;
    }
}
