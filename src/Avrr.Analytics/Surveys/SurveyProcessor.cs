using System.Text;
using Avrr.Analytics.Scoring;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Surveys;

/// <summary>
/// Validates, decodes and scores the rows of a batch (docs/methodology.md, "The rules, for one survey", and docs/inputs.md, "Rejected rows"). A row either gets its
/// scores or is marked rejected with every problem found. One processor per thread: it owns an
/// <see cref="AnswerDecoder"/>, which learns spellings.
/// </summary>
public sealed class SurveyProcessor
{
    private readonly SurveyLayout _layout;
    private readonly AnswerDecoder _decoder;
    private readonly SurveyScorer _scorer;
    private readonly RejectMessages _messages;
    private readonly SurveyPeriod? _period;
    private readonly Recode? _recode;
    private readonly DuplicatePolicy _keep;

    /// <summary>
    /// A processor for one thread. <paramref name="period"/> selects the surveys of the evaluation (rows
    /// dated outside are marked, not checked); <paramref name="recode"/> replaces values before the checks;
    /// <paramref name="keep"/> says which submission of a repeated survey is kept (for the message).
    /// </summary>
    public SurveyProcessor(SurveyLayout layout, SurveyPeriod? period = null, Recode? recode = null, DuplicatePolicy keep = DuplicatePolicy.KeepFirst)
    {
        _layout = layout;
        _messages = layout.Messages;
        _decoder = new AnswerDecoder(layout.Scheme, layout.Messages);
        _scorer = new SurveyScorer(layout.Scheme);
        _period = period;
        _recode = recode;
        _keep = keep;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Process(SurveyBatch batch, DuplicateSurveys duplicates)
    {
        var questions = _layout.QuestionCount;
        // One vectorised search of the batch's text nearly always settles that no field holds a NUL.
        var nulInBatch = batch.TextContains(0);
        for (var row = 0; row < batch.Count; row++)
        {
            // A row the reader already rejected (wrong field count, broken quotes) has columns that cannot be trusted.
            if (batch.Rejected[row]) continue;
            // So has a row with a NUL byte in a field: the export is damaged there.
            if (nulInBatch && RejectNulFields(batch, row)) continue;
            _recode?.Apply(batch, row);
            var date = batch.TrimmedField(row, SurveyLayout.SurveyDate);
            var dated = _layout.Dates.TryParse(date, out var surveyDate);
            if (dated && _period is not null && !_period.Contains(surveyDate))
            {
                batch.OutsidePeriod[row] = true;
                continue;
            }
            CheckRecord(batch, row, date, dated, surveyDate);
            var answers = batch.Answers.AsSpan(row * questions, questions);
            var text = batch.Text;
            for (var q = 0; q < questions; q++)
            {
                var column = _layout.FirstQuestionColumn + q;
                var (start, length) = batch.FieldAt(row, column);
                var answer = _decoder.Decode(q, text, start, length);
                answers[q] = answer;
                if (answer == AnswerDecoder.Invalid)
                {
                    var id = _layout.Scheme.Questions[q].Id;
                    var value = Encoding.UTF8.GetString(batch.Field(row, column));
                    batch.Reject(row, id, value, RejectReason.InvalidAnswer,
                        RejectMessages.Format(_messages.InvalidAnswer, Reject.Cut(value), id, _layout.Scheme.Questions[q].Scale.Id, _decoder.Accepted(q)));
                }
            }
            if (duplicates.TryGetFirst(batch.Sequence[row], out var firstSource, out var firstRow))
            {
                var key = batch.FieldString(row, SurveyLayout.ReturneeId);
                batch.Reject(row, SurveyColumns.ReturneeId, key, RejectReason.DuplicateSurvey,
                    RejectMessages.Format(_keep == DuplicatePolicy.KeepLast ? _messages.DuplicateLast : _messages.DuplicateFirst, Reject.Cut(key), firstRow, firstSource));
            }
            if (batch.Rejected[row]) continue;

            var stride = batch.ScoreStride;
            var scores = batch.Scores.AsSpan(row * stride, stride);
            var outcome = _scorer.Score(answers, scores[..batch.IndicatorCount], scores.Slice(batch.IndicatorCount, batch.DimensionCount));
            scores[^1] = outcome.Composite;
            batch.Band[row] = outcome.Band;
            batch.WeakestDimension[row] = (sbyte)outcome.WeakestDimension;
            batch.Answered[row] = (short)outcome.Answered;
        }
        // Reader problems come first in the list; rejects are reported in row order.
        if (batch.Rejects.Count > 1) batch.Rejects.Sort((a, b) => a.Row.CompareTo(b.Row));
    }

    /// <summary>Rejects each field of a row that holds a NUL byte; true when there was one.</summary>
    private bool RejectNulFields(SurveyBatch batch, int row)
    {
        var found = false;
        for (var column = 0; column < _layout.ColumnCount; column++)
        {
            var field = batch.Field(row, column);
            if (field.IndexOf((byte)0) < 0) continue;
            found = true;
            var id = _layout.NameOf(column);
            batch.Reject(row, id, Encoding.UTF8.GetString(field), RejectReason.NulByte, RejectMessages.Format(_messages.NulByte, id));
        }
        return found;
    }

    private void CheckRecord(SurveyBatch batch, int row, ReadOnlySpan<byte> date, bool dated, DateOnly surveyDate)
    {
        KeyLength(batch, row, SurveyLayout.ReturneeId);
        KeyLength(batch, row, SurveyLayout.Round);
        Required(batch, row, SurveyLayout.ReturneeId);
        Required(batch, row, SurveyLayout.Country);
        if (date.IsEmpty) Required(batch, row, SurveyLayout.SurveyDate);
        else if (dated) batch.SurveyDate[row] = surveyDate;
        else
        {
            var value = Encoding.UTF8.GetString(date);
            batch.Reject(row, SurveyColumns.SurveyDate, value, RejectReason.InvalidDate, _layout.DateFormat is null
                ? RejectMessages.Format(_messages.InvalidDateIso, Reject.Cut(value))
                : RejectMessages.Format(_messages.InvalidDateFormat, Reject.Cut(value), _layout.DateFormat));
        }

        var weight = batch.TrimmedField(row, SurveyLayout.Weight);
        if (weight.IsEmpty) batch.Weight[row] = 1;
        else if (FieldParsers.TryParseNumber(weight, out var w) && SurveyWeight.IsValid(w)) batch.Weight[row] = w;
        else
        {
            var value = Encoding.UTF8.GetString(weight);
            batch.Reject(row, SurveyColumns.Weight, value, RejectReason.InvalidWeight, RejectMessages.Format(_messages.InvalidWeight, Reject.Cut(value)));
        }

        DesignValue(batch, row, _layout.ClusterColumn, _messages.MissingCluster);
        DesignValue(batch, row, _layout.StrataColumn, _messages.MissingStrata);
    }

    private void KeyLength(SurveyBatch batch, int row, int column)
    {
        var key = batch.TrimmedField(row, column);
        if (!SurveyKeys.IsTooLong(key)) return;
        var id = SurveyColumns.Record[column];
        batch.Reject(row, id, Encoding.UTF8.GetString(key), RejectReason.KeyTooLong,
            RejectMessages.Format(_messages.KeyTooLong, id, Encoding.UTF8.GetCharCount(key), SurveyKeys.MaxLength));
    }

    private void Required(SurveyBatch batch, int row, int column)
    {
        if (!batch.TrimmedField(row, column).IsEmpty) return;
        var id = SurveyColumns.Record[column];
        batch.Reject(row, id, "", RejectReason.MissingValue, RejectMessages.Format(_messages.MissingValue, id));
    }

    private void DesignValue(SurveyBatch batch, int row, int column, string message)
    {
        // An empty community stands for "(unknown)", which is a value; any other design column must be filled.
        if (column < 0 || column == SurveyLayout.Community || !batch.TrimmedField(row, column).IsEmpty) return;
        var id = _layout.NameOf(column);
        batch.Reject(row, id, "", RejectReason.MissingDesignValue, RejectMessages.Format(message, id));
    }
}
