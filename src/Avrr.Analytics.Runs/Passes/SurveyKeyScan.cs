using System.Buffers.Binary;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// The first pass of a run: reads only the survey keys (returnee_id with round, or with survey_date
/// where the round is empty or there is no round column) to find, before anything is scored or written,
/// <list type="bullet">
/// <item>the rows that repeat an earlier survey (rejected; the first one is kept), and</item>
/// <item>the rows of returnees with two or more surveys (kept for the panel change).</item>
/// </list>
/// Keys go through <see cref="SpillBuckets"/> by returnee, so memory does not grow with the file. With a
/// <see cref="ReturneeSampler"/> (the insights' training sample), every column is read, and each keyed row
/// of the period is shown to the sampler, which keeps the rows of its returnees.
/// </summary>
internal static class SurveyKeyScan
{
    /// <summary>
    /// The duplicates, the rows of panel returnees, the rows read, the returnees (distinct ids with a kept
    /// survey in the period) and the keyed rows dated outside the period (so pass 2 scores at most
    /// <c>Rows - RowsOutsidePeriod</c> surveys).
    /// </summary>
    public sealed record Result(DuplicateSurveys Duplicates, RowSet PanelRows, long Rows, long Returnees, long RowsOutsidePeriod)
    {
        /// <summary>
        /// The power of two of the median binary exponent of the valid weights of the keyed rows of the period (1 when
        /// none): the scale of the run's weights for the audit, which an outlier (a first row of weight 1e-30 among
        /// weights near 1, or a rejected row of weight 1e300) does not move.
        /// </summary>
        public double TypicalWeight { get; init; } = 1;
    }

    /// <summary>Which submission of a repeated survey is kept, and the period whose surveys count for the panel.</summary>
    public sealed record Rules(DuplicatePolicy Keep = DuplicatePolicy.KeepFirst, SurveyPeriod? Period = null)
    {
        public static Rules Default { get; } = new();
    }

    /// <summary>
    /// Scans the keys while every CSV input is read in full on another thread (SHA-256, encoding): the
    /// start of a file decided its encoding, and a file whose bad byte came late is scanned again.
    /// </summary>
    public static Result Run(IReadOnlyList<SurveyInput> inputs, SurveyLayout layout, string spillFolder, Action<long>? rowsRead = null, Rules? rules = null,
        ReadProgress? progress = null, CancellationToken cancel = default, ReturneeSampler? sampler = null, PartitionFolders? partitions = null)
    {
        rules ??= Rules.Default;
        var verified = Task.Run(() => inputs.Select(i => i.Verify(cancel)).ToArray().Any(changed => changed));
        Result result;
        try
        {
            result = StageClock.Measure("pass 1: scan and resolve", () => Scan(inputs, layout, spillFolder, rowsRead, rules, progress, cancel, sampler, partitions));
        }
        catch when (verified.IsFaulted || !verified.IsCompleted)
        {
            // A refused input explains a failed scan better than the scan's own error (thrown as it is, not
            // wrapped); a verification stopped by the same cancellation leaves the scan's.
            try { verified.GetAwaiter().GetResult(); }
            catch (OperationCanceledException) { }
            throw;
        }
        var changed = StageClock.Measure("pass 1: wait for verification", () => verified.GetAwaiter().GetResult());
        if (changed)
        {
            progress?.Restart();
            result = Scan(inputs, layout, spillFolder, rowsRead, rules, progress, cancel, sampler, partitions);
        }
        // The duplicates and the panel are those of the files as the run opened them, or the run stops here.
        foreach (var input in inputs) input.ConfirmUnchanged();
        return result;
    }

    private static Result Scan(IReadOnlyList<SurveyInput> inputs, SurveyLayout layout, string spillFolder, Action<long>? rowsRead, Rules rules,
        ReadProgress? progress, CancellationToken cancel, ReturneeSampler? sampler, PartitionFolders? partitions)
    {
        var wanted = new bool[layout.ColumnCount];
        wanted[SurveyLayout.ReturneeId] = wanted[SurveyLayout.Round] = wanted[SurveyLayout.SurveyDate] = wanted[SurveyLayout.Weight] = true;
        if (sampler is not null) Array.Fill(wanted, true);
        // How many weights have each binary exponent (subnormals included): their median is the run's scale.
        var exponents = new long[Exponents];
        foreach (var column in partitions?.Columns ?? []) wanted[column] = true;
        sampler?.Reset();
        var timeColumn = layout.SubmissionColumn(Vocabulary.SubmissionColumns.Time);
        var byTime = rules.Keep == DuplicatePolicy.KeepLast;
        if (byTime) wanted[timeColumn] = true;
        var batch = new SurveyBatch(layout);
        // Up to 32 MB of keys stay in memory before buckets go to disk: a bound, so that memory stays flat
        // as files grow (64 MB, which held a 1M-row file, made 4M rows need 10-20% more memory than 1M).
        using var buckets = new SpillBuckets(spillFolder, "keys", ExpectedRows(inputs), memoryLimit: 32 << 20);
        var record = new byte[FixedBytes + 1 + 2 * SurveyKeys.MaxBytes];
        var dateKey = new byte[4];
        DateOnly date = default;
        long sequence = 0, read = 0, outside = 0;
        foreach (var input in inputs)
        {
            using var reader = input.OpenReader(layout);
            while (reader.Fill(batch, wanted, ref sequence))
            {
                cancel.ThrowIfCancellationRequested();
                for (var row = 0; row < batch.Count; row++)
                {
                    var id = batch.TrimmedField(row, SurveyLayout.ReturneeId);
                    // A survey is its returnee and round; without a round (no column, or an empty cell), its date.
                    var round = batch.TrimmedField(row, SurveyLayout.Round);
                    // Keys too long to compare exactly are rejected in pass 2 (SurveyProcessor), and take no part here.
                    if (id.IsEmpty || batch.Rejected[row] || SurveyKeys.IsTooLong(id) || SurveyKeys.IsTooLong(round)) continue;
                    ReadOnlySpan<byte> second;
                    byte kind;
                    var dated = (round.IsEmpty || rules.Period is not null) && layout.Dates.TryParse(batch.TrimmedField(row, SurveyLayout.SurveyDate), out date);
                    if (!round.IsEmpty)
                    {
                        kind = (byte)'R';
                        second = round;
                    }
                    else
                    {
                        if (!dated) continue;
                        kind = (byte)'D';
                        BinaryPrimitives.WriteInt32LittleEndian(dateKey, date.DayNumber);
                        second = dateKey;
                    }
                    // A row dated outside the period still repeats or is repeated (duplicates are found across the
                    // whole export), but does not make its returnee a panel returnee of this evaluation.
                    var inPeriod = rules.Period is null || (dated && rules.Period.Contains(date));
                    if (!inPeriod) outside++;
                    var submitted = byTime && FieldParsers.TryParseMoment(batch.TrimmedField(row, timeColumn), out var moment) ? moment : long.MinValue;
                    var length = Write(record, id, kind, second, batch.Sequence[row], input.Index, batch.RowNumber[row], submitted, inPeriod);
                    buckets.Append(buckets.BucketOf(BinaryPrimitives.ReadUInt64LittleEndian(record)), record.AsSpan(0, length));
                    // The training sample is drawn from the surveys of the period only (pass 2 does not score the others).
                    if (inPeriod) sampler?.Offer(batch, row);
                    // So are the folders of the partitioned tree: a value too long for one is refused before anything is written.
                    if (inPeriod) partitions?.Check(batch, row);
                    if (inPeriod && FieldParsers.TryParseNumber(batch.TrimmedField(row, SurveyLayout.Weight), out var weight) && SurveyWeight.IsValid(weight))
                        exponents[Math.ILogB(weight) - MinExponent]++;
                }
                progress?.Update(input.Index, reader.BytesRead);
                rowsRead?.Invoke(read += batch.Count);
            }
        }

        // Buckets are independent (a returnee's surveys are all in one): resolved on every core.
        var duplicates = new DuplicateSurveys();
        var panel = new RowSet(sequence);
        long returnees = 0;
        StageClock.Measure("pass 1: resolve", () => Parallel.For(0, buckets.Count,
            // Each thread reuses its buffers from bucket to bucket; they are dropped with the pass.
            () => new ResolveBuffers(),
            (b, _, buffers) =>
            {
                var length = buckets.Read(b, ref buffers.Data);
                buffers.Returnees += Resolve(buffers, length, inputs, duplicates, panel, rules.Keep);
                return buffers;
            },
            buffers => Interlocked.Add(ref returnees, buffers.Returnees)));
        return new Result(duplicates, panel, sequence, returnees, outside) { TypicalWeight = MedianPower(exponents) };
    }

    private const int MinExponent = -1074, Exponents = 1024 - MinExponent;

    /// <summary>2 to the median exponent of the counts, or 1 when there is none.</summary>
    private static double MedianPower(long[] exponents)
    {
        var total = exponents.Sum();
        if (total == 0) return 1;
        long seen = 0;
        for (var e = 0; e < exponents.Length; e++)
            if ((seen += exponents[e]) * 2 >= total) return Math.ScaleB(1, e + MinExponent);
        return 1;
    }

    /// <summary>
    /// About how many rows the inputs hold, from their size (an RSS export row is some 250 bytes of CSV):
    /// only the number of spill buckets depends on it.
    /// </summary>
    private static long ExpectedRows(IReadOnlyList<SurveyInput> inputs) => inputs.Sum(i => new FileInfo(i.Path).Length) / 250;

    // Record: u64 id fingerprint, u64 key fingerprint, i64 sequence, i64 row, i64 submission time, i32 input,
    // u8 in period, u16 id length, u16 key length, id, key.
    private const int FixedBytes = 49;

    private static int Write(byte[] buffer, ReadOnlySpan<byte> id, byte kind, ReadOnlySpan<byte> key, long sequence, int input, long row, long submitted, bool inPeriod)
    {
        // Whole keys: a longer one never gets here (SurveyKeys), so two ids are compared exactly.
        var span = buffer.AsSpan();
        var p = FixedBytes;
        id.CopyTo(span[p..]);
        p += id.Length;
        span[p] = kind;
        key.CopyTo(span[(p + 1)..]);
        var keyBytes = span.Slice(p, key.Length + 1);
        BinaryPrimitives.WriteUInt64LittleEndian(span, Fingerprint.Of(id));
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], Fingerprint.Of(keyBytes, 0xC3A5C85C97CB3127UL));
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], row);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], submitted);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], input);
        span[44] = inPeriod ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(span[(FixedBytes - 4)..], (ushort)id.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(FixedBytes - 2)..], (ushort)keyBytes.Length);
        return p + keyBytes.Length;
    }

    private readonly record struct KeyRecord(ulong IdHash, ulong KeyHash, long Sequence, long Row, long Submitted, int Input, bool InPeriod,
        int IdStart, int IdLength, int KeyStart, int KeyLength);

    /// <summary>Returnee, then survey key, then input order — by fingerprints (a struct comparer, so the sort inlines it).</summary>
    private readonly struct ByFingerprints : IComparer<KeyRecord>
    {
        public int Compare(KeyRecord a, KeyRecord b)
        {
            var c = a.IdHash.CompareTo(b.IdHash);
            if (c != 0) return c;
            c = a.KeyHash.CompareTo(b.KeyHash);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        }
    }

    private sealed class ResolveBuffers
    {
        public byte[] Data = [];
        public KeyRecord[] Records = [], Sorted = [];
        public ulong[] IdHashes = [];
        public int[] Order = [];
        public long Returnees;
    }

    /// <summary>
    /// The records in <see cref="ByFingerprints"/> order. The sort is on the returnee fingerprints alone, as
    /// plain numbers carrying each record's index (far cheaper than moving 56-byte records through a
    /// comparer); the few records that share a returnee fingerprint are then put in order by the comparer.
    /// </summary>
    private static Span<KeyRecord> SortByFingerprints(ResolveBuffers buffers, int count)
    {
        if (buffers.Order.Length < count)
        {
            buffers.IdHashes = new ulong[buffers.Records.Length];
            buffers.Order = new int[buffers.Records.Length];
            buffers.Sorted = new KeyRecord[buffers.Records.Length];
        }
        var records = buffers.Records;
        var hashes = buffers.IdHashes.AsSpan(0, count);
        var order = buffers.Order.AsSpan(0, count);
        for (var i = 0; i < count; i++) (hashes[i], order[i]) = (records[i].IdHash, i);
        hashes.Sort(order);
        var sorted = buffers.Sorted.AsSpan(0, count);
        for (var i = 0; i < count; i++) sorted[i] = records[order[i]];
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && hashes[end] == hashes[start]) end++;
            if (end - start > 1) sorted[start..end].Sort(new ByFingerprints());
            start = end;
        }
        return sorted;
    }

    /// <summary>Finds a bucket's duplicates and panel rows; returns its number of returnees with a survey in the period.</summary>
    private static long Resolve(ResolveBuffers buffers, int length, IReadOnlyList<SurveyInput> inputs, DuplicateSurveys duplicates, RowSet panel, DuplicatePolicy keep)
    {
        long returnees = 0;
        var data = buffers.Data;
        // A record is at least its fixed part and two bytes of key.
        if (buffers.Records.Length < length / (FixedBytes + 2) + 1) buffers.Records = new KeyRecord[(length / (FixedBytes + 2) + 1) * 5 / 4];
        var records = buffers.Records;
        var count = 0;
        for (var p = 0; p < length;)
        {
            var span = data.AsSpan(p);
            var idLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(FixedBytes - 4)..]);
            var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(FixedBytes - 2)..]);
            records[count++] = new KeyRecord(
                BinaryPrimitives.ReadUInt64LittleEndian(span), BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(span[16..]), BinaryPrimitives.ReadInt64LittleEndian(span[24..]),
                BinaryPrimitives.ReadInt64LittleEndian(span[32..]), BinaryPrimitives.ReadInt32LittleEndian(span[40..]), span[44] != 0,
                p + FixedBytes, idLength, p + FixedBytes + idLength, keyLength);
            p += FixedBytes + idLength + keyLength;
        }
        var sorted = SortByFingerprints(buffers, count);
        ReturneeRuns.ForEach(sorted, static (in KeyRecord r) => r.IdHash, (in KeyRecord r) => data.AsSpan(r.IdStart, r.IdLength),
            (a, b) =>
            {
                var c = data.AsSpan(a.IdStart, a.IdLength).SequenceCompareTo(data.AsSpan(b.IdStart, b.IdLength));
                return c != 0 ? c : a.KeyHash != b.KeyHash ? a.KeyHash.CompareTo(b.KeyHash) : a.Sequence.CompareTo(b.Sequence);
            },
            returnee =>
            {
                // Within one returnee, records are in (key fingerprint, input order): surveys with one key are
                // adjacent unless two keys share a fingerprint, which the byte order below puts right.
                if (!KeysGroupedExactly(returnee, data))
                    returnee.Sort((a, b) =>
                    {
                        var c = data.AsSpan(a.KeyStart, a.KeyLength).SequenceCompareTo(data.AsSpan(b.KeyStart, b.KeyLength));
                        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
                    });
                // Each run of equal keys is one survey: one submission kept (the first, or the latest), the others duplicates.
                var surveys = 0;
                Span<bool> kept = returnee.Length <= 256 ? stackalloc bool[returnee.Length] : new bool[returnee.Length];
                for (var start = 0; start < returnee.Length;)
                {
                    var end = start + 1;
                    var key = data.AsSpan(returnee[start].KeyStart, returnee[start].KeyLength);
                    while (end < returnee.Length && data.AsSpan(returnee[end].KeyStart, returnee[end].KeyLength).SequenceEqual(key)) end++;
                    var chosen = start;
                    if (keep == DuplicatePolicy.KeepLast)
                        for (var i = start + 1; i < end; i++)
                            if (returnee[i].Submitted >= returnee[chosen].Submitted) chosen = i;
                    kept[chosen] = true;
                    var k = returnee[chosen];
                    if (k.InPeriod) surveys++;
                    for (var i = start; i < end; i++)
                        if (i != chosen) duplicates.Add(returnee[i].Sequence, inputs[k.Input].Path, k.Row);
                    start = end;
                }
                if (surveys > 0) returnees++;
                if (surveys < 2) return;
                for (var i = 0; i < returnee.Length; i++)
                    if (kept[i] && returnee[i].InPeriod) panel.Add(returnee[i].Sequence);
            });
        return returnees;
    }

    /// <summary>Whether records with equal key fingerprints also have equal key bytes (no collision to sort out).</summary>
    private static bool KeysGroupedExactly(Span<KeyRecord> returnee, byte[] data)
    {
        for (var i = 1; i < returnee.Length; i++)
            if (returnee[i].KeyHash == returnee[i - 1].KeyHash
                && !data.AsSpan(returnee[i].KeyStart, returnee[i].KeyLength).SequenceEqual(data.AsSpan(returnee[i - 1].KeyStart, returnee[i - 1].KeyLength)))
                return false;
        // Two different key fingerprints never hide equal keys: equal bytes have equal fingerprints.
        return true;
    }
}
