using System.Buffers.Binary;

namespace Avrr.Analytics.Surveys;

/// <summary>
/// A 64-bit hash of a short byte string (a returnee id, a survey key), stable across runs and machines.
/// Records are sorted by fingerprint, which is fast; equal fingerprints are always confirmed on the
/// bytes themselves (<see cref="ReturneeRuns"/>), so a collision can never merge two returnees.
/// </summary>
public static class Fingerprint
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

    /// <summary>The murmur3 finaliser: every input bit moves every output bit (also used to spread a salted or seeded fingerprint).</summary>
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
