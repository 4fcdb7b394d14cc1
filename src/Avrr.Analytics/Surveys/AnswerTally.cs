using System.Text;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Surveys;

/// <summary>
/// How each question was answered in the scored surveys (docs/report.md, "Data quality"): with a choice
/// of its scale, left empty, or with one of the scheme's special answers (dk, refused, na). The decoder
/// folds empty cells and special answers other than dk into one <see cref="AnswerDecoder.Missing"/> (and
/// dk into <see cref="AnswerDecoder.DontKnow"/>); this tells the missing ones apart again, looking at the
/// text of the missing answers only, so that an M&amp;E specialist sees which questions enumerators
/// struggle with. Not thread-safe: one tally per consumer.
/// </summary>
public sealed class AnswerTally
{
    private readonly SurveyLayout _layout;
    private readonly int _kinds;
    private readonly long[] _missing;                   // [question × kinds + kind], kinds ≥ 1 only
    private readonly Utf8Table _exact = new();          // a special answer's code or label as written → its kind
    private readonly Dictionary<string, int> _normalized = new(StringComparer.Ordinal);
    private readonly int _dontKnow;                     // the kind of dk (1 when the scheme has none: the decoder then never gives DontKnow)

    public SurveyLayout Layout => _layout;

    public AnswerTally(SurveyLayout layout)
    {
        _layout = layout;
        var specials = layout.Scheme.SpecialAnswers;
        Kinds = [Answered, Empty, .. specials.Select(s => s.Code)];
        _kinds = Kinds.Count;
        _dontKnow = 2 + specials.Select(s => s.Code).ToList().FindIndex(c => string.Equals(c, AnswerDecoder.DontKnowCode, StringComparison.OrdinalIgnoreCase));
        _missing = new long[layout.QuestionCount * _kinds];
        for (var s = 0; s < specials.Count; s++)
            foreach (var spelling in specials[s].Labels.Values.Prepend(specials[s].Code))
            {
                _exact.TryAdd(Encoding.UTF8.GetBytes(spelling), 2 + s);
                _normalized.TryAdd(AnswerText.Normalize(spelling), 2 + s);
            }
    }

    public const string Answered = "answered", Empty = "empty";

    /// <summary>The kinds of answer counted: <c>answered</c>, <c>empty</c>, then the scheme's special answer codes.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>The scored surveys counted.</summary>
    public long Surveys { get; private set; }

    /// <summary>Counts the answers of every scored row of a batch (not rejected, and inside the period).</summary>
    public void Add(SurveyBatch batch)
    {
        var questions = _layout.QuestionCount;
        for (var row = 0; row < batch.Count; row++)
            if (batch.IsScored(row)) Surveys++;
        // Missing answers are few: find them in the whole batch at once (a vectorised search), not question by question.
        var answers = batch.Answers.AsSpan(0, batch.Count * questions);
        for (var at = answers.IndexOfAny(AnswerDecoder.Missing, AnswerDecoder.DontKnow); at >= 0;)
        {
            var (row, q) = Math.DivRem(at, questions);
            // A row outside the period is neither decoded nor scored: its answers are those of an earlier row of the buffer.
            if (batch.IsScored(row))
                _missing[q * _kinds + (answers[at] == AnswerDecoder.DontKnow ? _dontKnow : KindOf(batch.TrimmedField(row, _layout.FirstQuestionColumn + q)))]++;
            var next = answers[(at + 1)..].IndexOfAny(AnswerDecoder.Missing, AnswerDecoder.DontKnow);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    private int KindOf(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return 1;
        if (_exact.TryGet(text, out var kind)) return kind;
        // Only spellings the decoder took for missing get here: another case or accents of a special
        // answer, or blanks that normalise to nothing.
        return _normalized.TryGetValue(AnswerText.Normalize(Encoding.UTF8.GetString(text)), out kind) ? kind : 1;
    }

    /// <summary>Adds the scored surveys of a partial (docs/partials.md), whose missing answers <see cref="Import"/> adds.</summary>
    public void ImportSurveys(long surveys)
    {
        if (surveys < 0) throw new ArgumentOutOfRangeException(nameof(surveys), surveys, "No negative count of surveys.");
        Surveys += surveys;
    }

    /// <summary>Adds a partial's count of surveys whose answer to a question (scheme order) was a kind of missing answer (index ≥ 1 in <see cref="Kinds"/>).</summary>
    public void Import(int question, int kind, long count)
    {
        if (question < 0 || question >= _layout.QuestionCount) throw new ArgumentOutOfRangeException(nameof(question), question, "Not a question of the scheme.");
        if (kind < 1 || kind >= _kinds) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of missing answer.");
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "No negative count of answers.");
        _missing[question * _kinds + kind] += count;
    }

    /// <summary>The surveys whose answer to a question (scheme order) was of a kind (index in <see cref="Kinds"/>).</summary>
    public long Count(int question, int kind)
    {
        if (kind != 0) return _missing[question * _kinds + kind];
        var missing = 0L;
        for (var k = 1; k < _kinds; k++) missing += _missing[question * _kinds + k];
        return Surveys - missing;
    }
}
