using System.Buffers.Binary;
using Avrr.Analytics.IO.Partials;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Runs.Passes;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// With returnee summaries, the surveys that two partials both hold (docs/partials.md, "Repeated surveys"): a repeated
/// submission that landed in two exports (an export split by rows), or two exports that overlap. A single run would
/// score the first and reject the other as duplicate_survey; a partial holds sums, from which one survey cannot be taken
/// out, so the merge refuses (exit 3), naming both partials and how many surveys they share. Each partial's
/// <c>survey_keys</c> (one salted key per scored survey, <see cref="SurveyKeyHash"/>) goes into spill buckets by the
/// key's first bits with the partial's position; each bucket is then sorted, and equal keys are repeated surveys.
/// Memory: one bucket at a time. A partial whose keys number other than its scored surveys, or repeat within it, is
/// refused too: a run never writes such keys.
/// </summary>
internal static class RepeatedSurveys
{
    private const int KeyBytes = SurveyKeyHash.Bytes, RecordBytes = KeyBytes + 4;

    public static void Check(IReadOnlyList<PartialFolder> partials, string spillFolder)
    {
        using var buckets = new SpillBuckets(spillFolder, "survey-keys", partials.Sum(p => p.Descriptor.RowsScored));
        var shift = 64 - System.Numerics.BitOperations.Log2((uint)buckets.Count);
        var record = new byte[RecordBytes];
        for (var index = 0; index < partials.Count; index++)
        {
            var partial = partials[index];
            long keys = 0;
            partial.Read(PartialTables.SurveyKeys, rows =>
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var text = rows.Text(0, r);
                    if (text is not { Length: 2 * KeyBytes } || Convert.FromHexString(text, record.AsSpan(0, KeyBytes), out _, out var written) != System.Buffers.OperationStatus.Done || written != KeyBytes)
                        throw new PartialRefusedException(partial.Path, $"survey_keys: a survey key is not {2 * KeyBytes} hexadecimal digits");
                    BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(KeyBytes), index);
                    buckets.Append((int)(BinaryPrimitives.ReadUInt64BigEndian(record) >> shift), record);
                    keys++;
                }
            });
            if (keys != partial.Descriptor.RowsScored)
                throw new PartialRefusedException(partial.Path, $"its survey_keys hold {keys:N0} surveys where it scored {partial.Descriptor.RowsScored:N0}: its tables disagree, so it was edited or damaged");
        }

        var shared = new Dictionary<(int, int), long>();
        var buffer = Array.Empty<byte>();
        for (var b = 0; b < buckets.Count; b++)
        {
            var length = buckets.Read(b, ref buffer);
            var data = buffer;
            var order = Enumerable.Range(0, length / RecordBytes).ToArray();
            Array.Sort(order, (x, y) => data.AsSpan(x * RecordBytes, RecordBytes).SequenceCompareTo(data.AsSpan(y * RecordBytes, RecordBytes)));
            for (var k = 1; k < order.Length; k++)
            {
                var previous = data.AsSpan(order[k - 1] * RecordBytes, RecordBytes);
                var current = data.AsSpan(order[k] * RecordBytes, RecordBytes);
                if (!previous[..KeyBytes].SequenceEqual(current[..KeyBytes])) continue;
                var pair = (BinaryPrimitives.ReadInt32LittleEndian(previous[KeyBytes..]), BinaryPrimitives.ReadInt32LittleEndian(current[KeyBytes..]));
                shared[pair] = shared.GetValueOrDefault(pair) + 1;
            }
        }
        if (shared.Count == 0) return;
        var ((first, second), count) = shared.OrderBy(p => p.Key.Item2).ThenBy(p => p.Key.Item1).First();
        if (first == second)
            throw new PartialRefusedException(partials[first].Path, $"its survey_keys repeat a survey {count:N0} time(s), which a run never writes: it was edited or damaged");
        throw new PartialRefusedException(partials[second].Path,
            $"it holds {count:N0} survey(s) that {partials[first].Path} holds too (the same returnee and round, or date): a repeated submission in two exports, " +
            "or exports that overlap. A single run over both would score each survey once and reject its repetition as duplicate_survey; a partial holds sums, " +
            "from which one survey cannot be taken out. Make one partial from one run over both exports, or remove the repeated rows from one export and make its partial again");
    }
}
