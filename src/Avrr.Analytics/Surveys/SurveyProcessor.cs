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
    private readonly string _expectedDate;

    public SurveyProcessor(SurveyLayout layout)
    {
        _layout = layout;
        _decoder = new AnswerDecoder(layout.Scheme);
        _scorer = new SurveyScorer(layout.Scheme);
        _expectedDate = layout.DateFormat is null
            ? "a date in ISO 8601 form, such as 2026-07-14 (another form needs the run's date format, such as dd/MM/yyyy)"
            : $"a date in the form {layout.DateFormat} (the run's date format)";
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
            CheckRecord(batch, row);
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
                        $"'{Reject.Cut(value)}' is not an answer of {id} (scale {_layout.Scheme.Questions[q].Scale.Id}); expected {_decoder.Accepted(q)}");
                }
            }
            if (duplicates.TryGetFirst(batch.Sequence[row], out var firstSource, out var firstRow))
            {
                var key = batch.FieldString(row, SurveyLayout.ReturneeId);
                batch.Reject(row, SurveyColumns.ReturneeId, key, RejectReason.DuplicateSurvey,
                    $"the same survey of returnee {Reject.Cut(key)} is already at row {firstRow} of {firstSource}; the first one is kept");
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
            batch.Reject(row, id, Encoding.UTF8.GetString(field), RejectReason.NulByte,
                $"{id} holds a NUL byte (shown as \u2400), which is not text: the export is damaged in this row; correct the value where the export comes from");
        }
        return found;
    }

    private void CheckRecord(SurveyBatch batch, int row)
    {
        Required(batch, row, SurveyLayout.ReturneeId);
        KeyLength(batch, row, SurveyLayout.ReturneeId);
        KeyLength(batch, row, SurveyLayout.Round);
        Required(batch, row, SurveyLayout.Country);
        var date = batch.TrimmedField(row, SurveyLayout.SurveyDate);
        if (date.IsEmpty) Required(batch, row, SurveyLayout.SurveyDate);
        else if (FieldParsers.TryParseDate(date, _layout.DateFormat, out var parsed)) batch.SurveyDate[row] = parsed;
        else
        {
            var value = Encoding.UTF8.GetString(date);
            batch.Reject(row, SurveyColumns.SurveyDate, value, RejectReason.InvalidDate, $"{SurveyColumns.SurveyDate} '{Reject.Cut(value)}' is not {_expectedDate}");
        }

        var weight = batch.TrimmedField(row, SurveyLayout.Weight);
        if (weight.IsEmpty) batch.Weight[row] = 1;
        else if (FieldParsers.TryParseNumber(weight, out var w) && SurveyWeight.IsValid(w)) batch.Weight[row] = w;
        else
        {
            var value = Encoding.UTF8.GetString(weight);
            batch.Reject(row, SurveyColumns.Weight, value, RejectReason.InvalidWeight,
                $"{SurveyColumns.Weight} '{Reject.Cut(value)}' is not a positive number (a weight is written like 1.25 or 1,25, without thousands separators)");
        }

        DesignValue(batch, row, _layout.ClusterColumn, "cluster");
        DesignValue(batch, row, _layout.StrataColumn, "strata");
    }

    private static void KeyLength(SurveyBatch batch, int row, int column)
    {
        var key = batch.TrimmedField(row, column);
        if (!SurveyKeys.IsTooLong(key)) return;
        var id = SurveyColumns.Record[column];
        batch.Reject(row, id, Encoding.UTF8.GetString(key), RejectReason.KeyTooLong,
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{id} has {Encoding.UTF8.GetCharCount(key):N0} characters, more than the {SurveyKeys.MaxLength:N0} a key may have to be compared exactly; is this the right column?"));
    }

    private static void Required(SurveyBatch batch, int row, int column)
    {
        if (!batch.TrimmedField(row, column).IsEmpty) return;
        var id = SurveyColumns.Record[column];
        batch.Reject(row, id, "", RejectReason.MissingValue, $"{id} is required and is empty");
    }

    private void DesignValue(SurveyBatch batch, int row, int column, string role)
    {
        // An empty community stands for "(unknown)", which is a value; any other design column must be filled.
        if (column < 0 || column == SurveyLayout.Community || !batch.TrimmedField(row, column).IsEmpty) return;
        var id = _layout.NameOf(column);
        batch.Reject(row, id, "", RejectReason.MissingDesignValue, $"{id} is the {role} column of the survey design and is empty");
    }
}
