using System.Buffers.Binary;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// A 64-bit hash of a short byte string (a returnee id, a survey key), stable across runs and machines.
/// Records are sorted by fingerprint, which is fast; equal fingerprints are always confirmed on the
/// bytes themselves (<see cref="ReturneeRuns"/>), so a collision can never merge two returnees.
/// </summary>
internal static class Fingerprint
{
    public static ulong Of(ReadOnlySpan<byte> bytes, ulong seed = 0x9E3779B97F4A7C15UL)
    {
        var h = seed ^ ((ulong)bytes.Length * 0xC2B2AE3D27D4EB4FUL);
        while (bytes.Length >= 8)
        {
            h = Mix(h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }
        ulong tail = bytes.Length switch
        {
            0 => 0,
            >= 4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]) << 32),
            _ => bytes[0] | ((ulong)bytes[bytes.Length >> 1] << 8) | ((ulong)bytes[^1] << 16),
        };
        return Mix(h ^ tail ^ 0xFF51AFD7ED558CCDUL);
    }

    /// <summary>The murmur3 finaliser: every input bit moves every output bit.</summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}

/// <summary>
/// Walks records sorted by the fingerprint of their returnee id, one returnee at a time. Where two ids
/// share a fingerprint, their records are re-sorted by the id bytes first, so that each run is exactly
/// one returnee.
/// </summary>
internal static class ReturneeRuns
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
