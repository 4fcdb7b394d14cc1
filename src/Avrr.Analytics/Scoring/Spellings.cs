using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Scoring;

/// <summary>
/// The spellings of one scale's answers (up to 16 bytes), each as 16 zero-padded bytes in a slot chosen
/// by a hash of those bytes. The hash's multiplier is picked, when the table is made, so that every
/// spelling has a slot of its own (within a few tries for a scale's few dozen spellings); any that must
/// still share one leave it empty, so that their answers take the general lookup: a slot never gives a
/// wrong answer, only none.
/// </summary>
internal sealed class Spellings
{
    public const int MaxLength = 16;
    private const int SlotBits = 8, Slots = 1 << SlotBits;

    /// <summary>For each length 0–16, a mask keeping that many first bytes.</summary>
    private static readonly Vector128<byte>[] LengthMasks = Enumerable.Range(0, MaxLength + 1)
        .Select(n => Vector128.Create(Enumerable.Range(0, MaxLength).Select(i => i < n ? (byte)0xFF : (byte)0).ToArray())).ToArray();

    private readonly Vector128<byte>[] _keys = new Vector128<byte>[Slots];
    private readonly int[] _lengths = new int[Slots];      // 0: empty, or shared by two spellings
    private readonly byte[] _values = new byte[Slots];
    private readonly ulong _multiplier;

    public Spellings(IEnumerable<(byte[] Spelling, byte Value)> spellings)
    {
        var entries = spellings.Where(s => s.Spelling.Length is > 0 and <= MaxLength)
            .Select(s => (Key: Padded(s.Spelling), s.Spelling.Length, s.Value)).ToList();
        var best = (Multiplier: 0UL, Shared: int.MaxValue);
        for (var attempt = 0UL; attempt < 64 && best.Shared > 0; attempt++)
        {
            var multiplier = (0x9E3779B97F4A7C15UL + attempt * 0x632BE59BD9B4E019UL) | 1;
            var shared = Place(entries, multiplier);
            if (shared < best.Shared) best = (multiplier, shared);
        }
        _multiplier = best.Multiplier;
        Place(entries, _multiplier);
    }

    /// <summary>Fills the slots for a multiplier; returns how many spellings found their slot taken.</summary>
    private int Place(List<(Vector128<byte> Key, int Length, byte Value)> entries, ulong multiplier)
    {
        Array.Clear(_lengths);
        var taken = new bool[Slots];
        var shared = 0;
        foreach (var (key, length, value) in entries)
        {
            var slot = Slot(key, length, multiplier);
            if (taken[slot])
            {
                shared++;
                _lengths[slot] = 0;
                continue;
            }
            taken[slot] = true;
            (_keys[slot], _lengths[slot], _values[slot]) = (key, length, value);
        }
        return shared;
    }

    private static Vector128<byte> Padded(ReadOnlySpan<byte> spelling)
    {
        Span<byte> padded = stackalloc byte[MaxLength];
        padded.Clear();
        spelling.CopyTo(padded);
        return Vector128.Create((ReadOnlySpan<byte>)padded);
    }

    /// <summary>The value of the spelling of <paramref name="length"/> (1–16) bytes at <paramref name="start"/>, or -1; reads 16 bytes from there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(byte[] text, int start, int length)
    {
        var key = Vector128.LoadUnsafe(ref text[start]) & LengthMasks[length];
        var slot = Slot(key, length, _multiplier);
        return _lengths[slot] == length && _keys[slot] == key ? _values[slot] : -1;
    }

    private static int Slot(Vector128<byte> key, int length, ulong multiplier)
    {
        var lanes = key.AsUInt64();
        return (int)(((lanes.GetElement(0) ^ lanes.GetElement(1) * 0xC2B2AE3D27D4EB4FUL ^ (ulong)length) * multiplier) >> (64 - SlotBits));
    }
}
