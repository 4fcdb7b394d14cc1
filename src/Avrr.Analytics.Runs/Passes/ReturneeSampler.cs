using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// The seeded training sample of the insights (docs/architecture.md, "The training sample"), taken while
/// pass 1 reads the survey keys: the <c>size</c> returnees whose ids hash lowest under the seed (a
/// bottom-k sample: every returnee equally likely, the same ones on every run with the seed), with all
/// their surveys. It is kept as it streams by: a returnee enters while its hash is below the largest kept
/// one, and leaves, with its rows, when the sample is full and a lower one comes. A returnee's later rows
/// are kept exactly when the returnee is, because the bar only falls. After pass 1 the kept rows are
/// validated and scored (<see cref="Score"/>), with the duplicates pass 1 found.
/// </summary>
internal sealed class ReturneeSampler(int size, int seed)
{
    private readonly ulong _salt = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
    private readonly Dictionary<ulong, List<RawRow>> _returnees = [];
    // The largest kept hash on top (a min-heap on the complement).
    private readonly PriorityQueue<ulong, ulong> _kept = new();

    private sealed record RawRow(long Sequence, long RowNumber, int Input, string Source, byte[] Text, int[] Lengths);

    /// <summary>Forgets every row: pass 1 starts again (an input read again with another encoding).</summary>
    public void Reset()
    {
        _returnees.Clear();
        _kept.Clear();
    }

    /// <summary>
    /// Keeps a row (every column read) if its returnee belongs to the sample so far. Pass 1 offers only rows
    /// with an id and keys it can compare, that the reader did not reject, dated in the run's period: the
    /// others are never scored, so never a training survey.
    /// </summary>
    public void Offer(SurveyBatch batch, int row)
    {
        var hash = Fingerprint.Mix(Fingerprint.Of(batch.TrimmedField(row, SurveyLayout.ReturneeId)) ^ _salt);
        if (!_returnees.TryGetValue(hash, out var rows))
        {
            if (_kept.Count == size)
            {
                if (hash >= _kept.Peek()) return;
                _returnees.Remove(_kept.Dequeue());
            }
            _returnees.Add(hash, rows = []);
            _kept.Enqueue(hash, ~hash);
        }
        rows.Add(Copy(batch, row));
    }

    private static RawRow Copy(SurveyBatch batch, int row)
    {
        var columns = batch.Layout.ColumnCount;
        var lengths = new int[columns];
        var total = 0;
        for (var c = 0; c < columns; c++) total += lengths[c] = batch.Field(row, c).Length;
        var text = new byte[total];
        var at = 0;
        for (var c = 0; c < columns; c++)
        {
            batch.Field(row, c).CopyTo(text.AsSpan(at));
            at += lengths[c];
        }
        return new RawRow(batch.Sequence[row], batch.RowNumber[row], batch.SourceIndex, batch.Source, text, lengths);
    }

    /// <summary>
    /// The sampled rows in input order, validated and scored as pass 2 will score them (the run's processor:
    /// its period, recode table and duplicates policy), so that a training survey is exactly a survey pass 2 scores.
    /// </summary>
    public SurveySample Score(RunPlan plan, DuplicateSurveys duplicates, CancellationToken cancel = default)
    {
        var layout = plan.Layout;
        var rows = _returnees.Values.SelectMany(r => r).OrderBy(r => r.Sequence).ToArray();
        var batches = new List<SurveyBatch>();
        var processor = plan.NewProcessor();
        SurveyBatch? batch = null;
        foreach (var raw in rows)
        {
            if (batch is null || batch.IsFull || batch.SourceIndex != raw.Input)
            {
                cancel.ThrowIfCancellationRequested();
                if (batch is not null) processor.Process(batch, duplicates);
                batch = new SurveyBatch(layout);
                batch.Reset(raw.Source, raw.Input);
                batches.Add(batch);
            }
            var row = batch.AddRow(raw.RowNumber, raw.Sequence);
            var at = 0;
            for (var c = 0; c < raw.Lengths.Length; c++)
            {
                batch.SetField(row, c, raw.Text.AsSpan(at, raw.Lengths[c]));
                at += raw.Lengths[c];
            }
        }
        if (batch is not null) processor.Process(batch, duplicates);
        return new SurveySample(batches, _returnees.Count);
    }
}
