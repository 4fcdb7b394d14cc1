using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Runs.Results;

/// <summary>
/// The accounting of a run: every row read is scored or rejected (<c>rows_read = rows_scored +
/// rows_rejected + rows_outside_period</c>, per input and in all), blank rows are counted apart, and reject lines are counted by reason.
/// </summary>
public sealed class RunAccounting
{
    private readonly RunPlan _plan;
    private readonly long[] _read, _rejected, _blank, _outside;
    private readonly Dictionary<string, long> _rejectsByReason = new(StringComparer.Ordinal);

    internal RunAccounting(RunPlan plan)
    {
        _plan = plan;
        _read = new long[plan.Inputs.Count];
        _rejected = new long[plan.Inputs.Count];
        _blank = new long[plan.Inputs.Count];
        _outside = new long[plan.Inputs.Count];
    }

    public long RowsRead { get; private set; }
    public long RowsRejected { get; private set; }
    /// <summary>Rows dated outside the run's period: neither scored nor rejected.</summary>
    public long RowsOutsidePeriod { get; private set; }
    public long RowsScored => RowsRead - RowsRejected - RowsOutsidePeriod;

    /// <summary>The earliest and the latest date of a scored survey (default when none was scored).</summary>
    public DateOnly FirstSurveyDate { get; private set; } = DateOnly.MaxValue;
    public DateOnly LastSurveyDate { get; private set; } = DateOnly.MinValue;

    /// <summary>Reject lines (one per problem) by reason name, in byte order of the names.</summary>
    public IReadOnlyDictionary<string, long> RejectsByReason => new SortedDictionary<string, long>(_rejectsByReason, StringComparer.Ordinal);

    internal void Add(Surveys.SurveyBatch batch)
    {
        RowsRead += batch.Count;
        _read[batch.SourceIndex] += batch.Count;
        _blank[batch.SourceIndex] += batch.BlankRows;
        foreach (var (_, reject) in batch.Rejects)
        {
            var name = Surveys.RejectReasons.Name(reject.Reason);
            _rejectsByReason[name] = _rejectsByReason.GetValueOrDefault(name) + 1;
        }
        for (var row = 0; row < batch.Count; row++)
        {
            if (batch.OutsidePeriod[row])
            {
                RowsOutsidePeriod++;
                _outside[batch.SourceIndex]++;
            }
            if (!batch.Rejected[row])
            {
                if (batch.OutsidePeriod[row]) continue;
                var date = batch.SurveyDate[row];
                if (date < FirstSurveyDate) FirstSurveyDate = date;
                if (date > LastSurveyDate) LastSurveyDate = date;
                continue;
            }
            RowsRejected++;
            _rejected[batch.SourceIndex]++;
        }
    }

    public IReadOnlyList<InputSummary> Inputs() => _plan.Inputs.Select(input => new InputSummary(
        input.Path, input.Description, input.Sha256, _read[input.Index], _read[input.Index] - _rejected[input.Index] - _outside[input.Index], _rejected[input.Index],
        _outside[input.Index], _blank[input.Index],
        input.Header.Attributes,
        IO.Reading.ColumnRoleNames.Of(input.Header, IO.Reading.ColumnRole.Bookkeeping, IO.Reading.ColumnRole.Unnamed, IO.Reading.ColumnRole.Replaced),
        IO.Reading.ColumnRoleNames.Of(input.Header, IO.Reading.ColumnRole.PersonalData),
        IO.Reading.ColumnRoleNames.Of(input.Header, IO.Reading.ColumnRole.SelectMultipleOption),
        input.Header.FullPathAttributes)).ToArray();
}
