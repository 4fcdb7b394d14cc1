using System.Text;
using Avrr.Analytics.Checks;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// The checks that never reject a row (docs/inputs.md): the form of the rejected dates, survey dates
/// after the run's date, spellings of one grouping value, interview lengths from the form's start and
/// end, and (for validate) attributes that look identifying. A consumer: it sees every batch in input
/// order and publishes <see cref="FieldChecks"/> when the last one has passed.
/// </summary>
internal sealed class FieldChecksStage : RunStage, IBatchConsumer
{
    // Beyond this many distinct values a column is no place name to check for spellings.
    private const int MaxValues = 5000;
    private const int MaxDistinctProfiled = 1000;

    private readonly RunPlan _plan;
    private readonly Action<FieldChecks> _publish;
    private readonly DateOnly _today;
    private readonly DateFormGuess _dates = new();
    private long _future;
    private readonly List<(string, long, DateOnly)> _firstFuture = [];
    private readonly (int Column, Utf8Table Values, List<long> Counts)[] _grouping;
    private readonly InterviewLengths _interviews;
    private readonly bool _hasInterviews;
    private readonly int _enumerator;
    private readonly int _start, _end;
    private readonly bool _profile;
    private readonly (long Filled, long Length, HashSet<ulong> Distinct)[] _attributes;
    // Grouping columns' empty values, per column of _grouping, and the scored surveys.
    private readonly long[] _unknown;
    private long _scored;
    // Attributes named like weights in a run that reads none: each one's filled values, and how many are positive numbers.
    private readonly (int Column, string Name, long Filled, long Positive)[] _weightLike;
    // A column is taken for weights when nearly all its filled values are positive numbers (an 'n/a' here and there is a bad weight, not another column).
    private const double WeightLikeShare = 0.9;

    public FieldChecksStage(RunPlan plan, Action<FieldChecks> publish, bool profileAttributes = false)
    {
        _plan = plan;
        _publish = publish;
        _today = plan.Settings.Today ?? DateOnly.FromDateTime(DateTime.Now);
        var layout = plan.Layout;
        var grouping = new List<string> { SurveyColumns.Country, SurveyColumns.Community };
        grouping.AddRange(plan.Levels.SelectMany(l => l.Variables).Where(v => layout.Attributes.Contains(v)));
        if (layout.ClusterColumn >= layout.FirstAttributeColumn) grouping.Add(layout.NameOf(layout.ClusterColumn));
        if (layout.StrataColumn >= layout.FirstAttributeColumn) grouping.Add(layout.NameOf(layout.StrataColumn));
        _grouping = grouping.Distinct().Select(c => (layout.IndexOf(c)!.Value, new Utf8Table(), new List<long>())).ToArray();
        _interviews = new InterviewLengths(plan.Settings.ShortInterviewMinutes);
        _start = layout.SubmissionColumn(SubmissionColumns.Start);
        _end = layout.SubmissionColumn(SubmissionColumns.End);
        _hasInterviews = plan.Inputs.Any(i => i.Header.SubmissionIds.Contains(SubmissionColumns.Start) && i.Header.SubmissionIds.Contains(SubmissionColumns.End));
        var enumerator = layout.Attributes.FirstOrDefault(IdentifyingNames.IsEnumerator);
        _enumerator = enumerator is null ? -1 : layout.IndexOf(enumerator)!.Value;
        _profile = profileAttributes;
        _attributes = layout.Attributes.Select(_ => (0L, 0L, new HashSet<ulong>())).ToArray();
        _unknown = new long[_grouping.Length];
        _weightLike = plan.Weighted || plan.Settings.Unweighted ? []
            : layout.Attributes.Where(RecordColumnNames.LooksLikeWeight).Select(a => (layout.IndexOf(a)!.Value, a, 0L, 0L)).ToArray();
    }

    public override string Name => "checks";

    public override IBatchConsumer Consumer => this;

    public void Consume(ScoredBatch scored)
    {
        var batch = scored.Batch;
        foreach (var (_, reject) in batch.Rejects)
            if (reject.Reason == RejectReason.InvalidDate) _dates.Add(reject.Value);
        var layout = batch.Layout;
        for (var row = 0; row < batch.Count; row++)
        {
            if (batch.OutsidePeriod[row]) continue;
            if (_hasInterviews) Interview(batch, row);
            if (_profile) Profile(batch, row, layout);
            if (!batch.IsScored(row)) continue;
            if (batch.SurveyDate[row] > _today)
            {
                _future++;
                if (_firstFuture.Count < 5) _firstFuture.Add((batch.Source, batch.RowNumber[row], batch.SurveyDate[row]));
            }
            _scored++;
            for (var w = 0; w < _weightLike.Length; w++)
            {
                ref var candidate = ref _weightLike[w];
                var text = batch.TrimmedField(row, candidate.Column);
                if (text.IsEmpty) continue;
                candidate.Filled++;
                if (FieldParsers.TryParseNumber(text, out var number) && SurveyWeight.IsValid(number)) candidate.Positive++;
            }
            for (var g = 0; g < _grouping.Length; g++)
            {
                var (column, values, counts) = _grouping[g];
                if (batch.TrimmedField(row, column).IsEmpty) _unknown[g]++;
                var value = column == SurveyLayout.Community ? batch.Community(row) : batch.TrimmedField(row, column);
                if (values.TryGet(value, out var index)) counts[index]++;
                else if (values.Count < MaxValues)
                {
                    values.TryAdd(value, counts.Count);
                    counts.Add(1);
                }
            }
        }
    }

    private void Interview(SurveyBatch batch, int row)
    {
        var start = batch.TrimmedField(row, _start);
        if (!FieldParsers.TryParseMoment(start, out var from) || !FieldParsers.TryParseMoment(batch.TrimmedField(row, _end), out var to)) return;
        var enumerator = _enumerator < 0 ? null : batch.FieldString(row, _enumerator);
        _interviews.Add((to - from) / 60.0, Encoding.UTF8.GetString(start[..10]), string.IsNullOrEmpty(enumerator) ? null : enumerator);
    }

    private void Profile(SurveyBatch batch, int row, SurveyLayout layout)
    {
        for (var a = 0; a < _attributes.Length; a++)
        {
            var value = batch.TrimmedField(row, layout.FirstAttributeColumn + a);
            if (value.IsEmpty) continue;
            ref var profile = ref _attributes[a];
            profile.Filled++;
            profile.Length += value.Length;
            if (profile.Distinct.Count < MaxDistinctProfiled) profile.Distinct.Add(Fingerprint.Of(value));
        }
    }

    public void Complete()
    {
        var (formats, read, tried) = _dates.Best();
        var layout = _plan.Layout;
        var spellings = _grouping
            .Select(g => (layout.NameOf(g.Column), SpellingVariants.Find(Enumerable.Range(0, g.Values.Count).Select(i => (Encoding.UTF8.GetString(g.Values.KeyAt(i)), g.Counts[i])))))
            .Where(s => s.Item2.Count > 0)
            .ToArray();
        var identifying = new List<(string, string)>();
        if (_profile)
            for (var a = 0; a < _attributes.Length; a++)
            {
                var name = layout.Attributes[a];
                var (filled, length, distinct) = _attributes[a];
                var why = IdentifyingNames.Why(name)
                    ?? (filled >= 10 && distinct.Count * 2 > filled && length / filled >= 20 ? "its values look like free text (long, and nearly all different)" : null)
                    ?? (filled >= 20 && distinct.Count * 10 >= filled * 9 ? "nearly every row has its own value" : null);
                if (why is not null) identifying.Add((name, why));
            }
        _publish(new FieldChecks
        {
            Today = _today,
            FutureDates = _future,
            FirstFutureDates = _firstFuture,
            InvalidDates = _dates.Rejected,
            DateFormatsThatRead = formats,
            DatesReadByThem = read,
            DatesTried = tried,
            Spellings = spellings,
            Interviews = _hasInterviews ? _interviews : null,
            EnumeratorColumn = _enumerator < 0 ? null : layout.NameOf(_enumerator),
            IdentifyingAttributes = identifying,
            WeightLikeColumns = _weightLike.Where(w => w.Filled > 0 && w.Positive >= WeightLikeShare * w.Filled).Select(w => w.Name).ToArray(),
            MostlyUnknown = Enumerable.Range(0, _grouping.Length).Where(g => _unknown[g] * 2 > _scored)
                .Select(g => (layout.NameOf(_grouping[g].Column), _unknown[g], _scored)).ToArray(),
        });
    }
}
