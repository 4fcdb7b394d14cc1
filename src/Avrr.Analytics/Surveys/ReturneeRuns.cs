using System.Buffers.Binary;

namespace Avrr.Analytics.Surveys;

/// <summary>
/// Walks records sorted by the fingerprint of their returnee id, one returnee at a time. Where two ids
/// share a fingerprint, their records are re-sorted by the id bytes first, so that each run is exactly
/// one returnee.
/// </summary>
public static class ReturneeRuns
{
    public delegate ulong IdFingerprint<T>(in T record);
    public delegate ReadOnlySpan<byte> IdBytes<T>(in T record);

    public static void ForEach<T>(Span<T> sorted, IdFingerprint<T> fingerprint, IdBytes<T> id, Comparison<T> byBytes, SpanAction<T> body)
    {
        for (var start = 0; start < sorted.Length;)
        {
            var hash = fingerprint(sorted[start]);
            var end = start + 1;
            while (end < sorted.Length && fingerprint(sorted[end]) == hash) end++;
            var run = sorted[start..end];
            var first = id(run[0]);
            var oneId = true;
            for (var i = 1; i < run.Length && oneId; i++) oneId = id(run[i]).SequenceEqual(first);
            if (oneId) body(run);
            else
            {
                run.Sort(byBytes);
                for (var s = 0; s < run.Length;)
                {
                    var e = s + 1;
                    while (e < run.Length && id(run[e]).SequenceEqual(id(run[s]))) e++;
                    body(run[s..e]);
                    s = e;
                }
            }
            start = end;
        }
    }

    public delegate void SpanAction<T>(Span<T> run);
}
