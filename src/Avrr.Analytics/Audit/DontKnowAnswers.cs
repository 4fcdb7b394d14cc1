using System.Text;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Audit;

/// <summary>
/// Tells a "don't know" apart from the other missing answers (refused, not applicable, empty), which the
/// scoring treats alike: the uncertainty analysis asks what changes when dk is scored as the scale's
/// lowest score instead of being left out (docs/audit.md). The scheme's dk is its special answer with
/// code <c>dk</c>; a scheme without one has no dk to vary. Only missing answers are looked at, and an
/// answer is dk when it is written as dk's code or a label, compared as <see cref="AnswerText"/> says.
/// Thread-safe: it learns nothing.
/// </summary>
public sealed class DontKnowAnswers
{
    /// <summary>A decoded answer that is a "don't know" (kept apart from <see cref="AnswerDecoder.Missing"/>).</summary>
    public const byte DontKnow = 253;

    public const string Code = "dk";

    private readonly byte[][] _exact;
    private readonly HashSet<string> _normalized;

    public DontKnowAnswers(Scheme scheme)
    {
        var dk = scheme.SpecialAnswers.FirstOrDefault(s => string.Equals(s.Code, Code, StringComparison.OrdinalIgnoreCase));
        var spellings = dk is null ? [] : dk.Labels.Values.Prepend(dk.Code).ToArray();
        _exact = spellings.Select(Encoding.UTF8.GetBytes).ToArray();
        _normalized = spellings.Select(AnswerText.Normalize).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the scheme has a dk answer at all.</summary>
    public bool Exists => _exact.Length > 0;

    /// <summary>Copies the decoded answers of a scored row, with each missing answer that was written as dk set to <see cref="DontKnow"/>.</summary>
    public void Mark(SurveyBatch batch, int row, Span<byte> answers)
    {
        var questions = batch.Layout.QuestionCount;
        var decoded = batch.Answers.AsSpan(row * questions, questions);
        decoded.CopyTo(answers);
        if (!Exists) return;
        var first = batch.Layout.FirstQuestionColumn;
        for (var q = 0; q < questions; q++)
            if (decoded[q] == AnswerDecoder.Missing && IsDontKnow(batch.TrimmedField(row, first + q))) answers[q] = DontKnow;
    }

    public bool IsDontKnow(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return false;
        foreach (var spelling in _exact)
            if (text.SequenceEqual(spelling)) return true;
        return _normalized.Contains(AnswerText.Normalize(Encoding.UTF8.GetString(text)));
    }
}
