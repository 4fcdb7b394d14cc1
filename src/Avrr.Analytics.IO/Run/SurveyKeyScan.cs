using System.Buffers.Binary;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// The first pass of a run: reads only the survey keys (returnee_id with round, or with survey_date
/// for an input without a round column) to find, before anything is scored or written,
/// <list type="bullet">
/// <item>the rows that repeat an earlier survey (rejected; the first one is kept), and</item>
/// <item>the rows of returnees with two or more surveys (kept for the panel change).</item>
/// </list>
/// Keys go through <see cref="SpillBuckets"/> by returnee, so memory does not grow with the file.
/// </summary>
internal static class SurveyKeyScan
{
    public sealed record Result(DuplicateSurveys Duplicates, RowSet PanelRows, long Rows);

    public static Result Run(IReadOnlyList<SurveyInput> inputs, SurveyLayout layout, string spillFolder, Action<long>? rowsRead = null)
    {
        var wanted = new bool[layout.ColumnCount];
        wanted[SurveyLayout.ReturneeId] = wanted[SurveyLayout.Round] = wanted[SurveyLayout.SurveyDate] = true;
        var batch = new SurveyBatch(layout);
        using var buckets = new SpillBuckets(spillFolder, "keys");
        var record = new byte[1 << 16];
        var dateKey = new byte[4];
        long sequence = 0;
        foreach (var input in inputs)
        {
            using var reader = input.OpenReader(layout);
            while (reader.Fill(batch, wanted, ref sequence))
            {
                for (var row = 0; row < batch.Count; row++)
                {
                    var id = batch.TrimmedField(row, SurveyLayout.ReturneeId);
                    if (id.IsEmpty || batch.Rejected[row]) continue;
                    ReadOnlySpan<byte> second;
                    byte kind;
                    if (input.Header.HasRound)
                    {
                        kind = (byte)'R';
                        second = batch.TrimmedField(row, SurveyLayout.Round);
                    }
                    else
                    {
                        if (!FieldParsers.TryParseDate(batch.TrimmedField(row, SurveyLayout.SurveyDate), layout.DateFormat, out var date)) continue;
                        kind = (byte)'D';
                        BinaryPrimitives.WriteInt32LittleEndian(dateKey, date.DayNumber);
                        second = dateKey;
                    }
                    var length = Write(record, id, kind, second, batch.Sequence[row], input.Index, batch.RowNumber[row]);
                    buckets.Append(SpillBuckets.BucketOf(id), record.AsSpan(0, length));
                }
                rowsRead?.Invoke(batch.Count);
            }
        }

        var duplicates = new DuplicateSurveys();
        var panel = new RowSet();
        for (var b = 0; b < SpillBuckets.Count; b++)
            Resolve(buckets.Read(b), inputs, duplicates, panel);
        return new Result(duplicates, panel, sequence);
    }

    // Record: u16 id length, id, kind byte, u16 key length, key, i64 sequence, i32 input, i64 row.
    private static int Write(byte[] buffer, ReadOnlySpan<byte> id, byte kind, ReadOnlySpan<byte> key, long sequence, int input, long row)
    {
        // Ids and rounds longer than this are cut for the comparison only; no real key comes near it.
        id = id[..Math.Min(id.Length, 30000)];
        key = key[..Math.Min(key.Length, 30000)];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)id.Length);
        id.CopyTo(span[2..]);
        var p = 2 + id.Length;
        span[p++] = kind;
        BinaryPrimitives.WriteUInt16LittleEndian(span[p..], (ushort)key.Length);
        key.CopyTo(span[(p + 2)..]);
        p += 2 + key.Length;
        BinaryPrimitives.WriteInt64LittleEndian(span[p..], sequence);
        BinaryPrimitives.WriteInt32LittleEndian(span[(p + 8)..], input);
        BinaryPrimitives.WriteInt64LittleEndian(span[(p + 12)..], row);
        return p + 20;
    }

    private readonly record struct KeyRecord(int IdStart, int IdLength, int KeyStart, int KeyLength, long Sequence, int Input, long Row);

    private static void Resolve(byte[] data, IReadOnlyList<SurveyInput> inputs, DuplicateSurveys duplicates, RowSet panel)
    {
        var records = new List<KeyRecord>();
        for (var p = 0; p < data.Length;)
        {
            var idLength = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(p));
            var idStart = p + 2;
            var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(idStart + idLength + 1));
            var keyStart = idStart + idLength + 3;           // the kind byte is the key's first byte
            var tail = keyStart + keyLength;
            records.Add(new KeyRecord(idStart, idLength, idStart + idLength, keyLength + 3,
                BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(tail)),
                BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(tail + 8)),
                BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(tail + 12))));
            p = tail + 20;
        }
        records.Sort((a, b) =>
        {
            var c = data.AsSpan(a.IdStart, a.IdLength).SequenceCompareTo(data.AsSpan(b.IdStart, b.IdLength));
            if (c != 0) return c;
            c = data.AsSpan(a.KeyStart, a.KeyLength).SequenceCompareTo(data.AsSpan(b.KeyStart, b.KeyLength));
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        });

        // Walk returnee by returnee; within one, survey key by survey key (each sorted by input order).
        for (var start = 0; start < records.Count;)
        {
            var end = start;
            var id = data.AsSpan(records[start].IdStart, records[start].IdLength);
            while (end < records.Count && data.AsSpan(records[end].IdStart, records[end].IdLength).SequenceEqual(id)) end++;
            var surveys = 0;
            var first = records[start];
            for (var i = start; i < end; i++)
            {
                var r = records[i];
                if (i == start || !data.AsSpan(r.KeyStart, r.KeyLength).SequenceEqual(data.AsSpan(first.KeyStart, first.KeyLength)))
                {
                    surveys++;
                    first = r;
                    continue;
                }
                duplicates.Add(r.Sequence, inputs[first.Input].Path, first.Row);
            }
            if (surveys >= 2)
                for (var i = start; i < end; i++)
                    if (!duplicates.TryGetFirst(records[i].Sequence, out _, out _)) panel.Add(records[i].Sequence);
            start = end;
        }
    }
}

/// <summary>A set of row sequence numbers, one bit per row of the run.</summary>
internal sealed class RowSet
{
    private ulong[] _bits = new ulong[1024];

    public void Add(long sequence)
    {
        var word = (int)(sequence >> 6);
        if (word >= _bits.Length) Array.Resize(ref _bits, Math.Max(_bits.Length * 2, word + 1));
        _bits[word] |= 1UL << (int)(sequence & 63);
    }

    public bool Contains(long sequence)
    {
        var word = (int)(sequence >> 6);
        return word < _bits.Length && (_bits[word] & (1UL << (int)(sequence & 63))) != 0;
    }
}
