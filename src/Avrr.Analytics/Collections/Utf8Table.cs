using System.Buffers.Binary;
using System.Numerics;

namespace Avrr.Analytics.Collections;

/// <summary>
/// A small open-addressing hash table from UTF-8 text to an int: the answers of a scale, the values of a
/// grouping column. Lookups hash the span in place: no string is made on the hot path.
/// <para>
/// Each key is also packed into two 64-bit words with its length (<see cref="Pack"/>), kept in its slot
/// with its value. A key of up to 16 bytes is then equal to a slot's exactly when the words and lengths
/// are, so nearly every lookup (answers and group values are short) reads one slot and compares three
/// numbers; longer keys are compared byte by byte as well. Not thread-safe for writes.
/// </para>
/// </summary>
public sealed class Utf8Table
{
    private const int PackedLength = 16;

    /// <summary>An open-addressing slot: the packed key, its length and value, and its entry + 1 (0: empty).</summary>
    private struct Slot
    {
        public ulong Head, Tail;
        public int Length;
        public int Value;
        public int Entry;
    }

    private Slot[] _slots = new Slot[32];
    private int _shift = 64 - 5;                  // top bits of the hash that pick a slot: log2 of the slot count
    private byte[] _pool = new byte[256];
    private int _poolUsed;
    private int[] _offsets = new int[16];
    private int[] _lengths = new int[16];
    private int _count;

    public int Count => _count;

    public bool TryGet(ReadOnlySpan<byte> key, out int value)
    {
        ref var slot = ref Find(key, out var found);
        value = found ? slot.Value : 0;
        return found;
    }

    /// <summary>Adds the key unless present; returns false when it was present already.</summary>
    public bool TryAdd(ReadOnlySpan<byte> key, int value)
    {
        if (TryGet(key, out _)) return false;
        if ((_count + 1) * 2 > _slots.Length) Grow();
        if (_count == _offsets.Length)
        {
            Array.Resize(ref _offsets, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }
        if (_poolUsed + key.Length > _pool.Length) Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + key.Length));
        key.CopyTo(_pool.AsSpan(_poolUsed));
        _offsets[_count] = _poolUsed;
        _lengths[_count] = key.Length;
        _poolUsed += key.Length;
        var (head, tail) = Pack(key);
        Insert(new Slot { Head = head, Tail = tail, Length = key.Length, Value = value, Entry = ++_count });
        return true;
    }

    /// <summary>The key of an entry, by its order of insertion.</summary>
    public ReadOnlySpan<byte> KeyAt(int entry) => _pool.AsSpan(_offsets[entry], _lengths[entry]);

    /// <summary>The slot holding the key, or the empty slot where it would go.</summary>
    private ref Slot Find(ReadOnlySpan<byte> key, out bool found)
    {
        var (head, tail) = Pack(key);
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = Home(head, tail, key.Length);
        while (true)
        {
            ref var slot = ref slots[i];
            if (slot.Entry == 0) { found = false; return ref slot; }
            if (slot.Head == head && slot.Tail == tail && slot.Length == key.Length
                && (key.Length <= PackedLength || key.SequenceEqual(KeyAt(slot.Entry - 1))))
            {
                found = true;
                return ref slot;
            }
            i = (i + 1) & mask;
        }
    }

    private void Insert(Slot entry)
    {
        var mask = _slots.Length - 1;
        var i = Home(entry.Head, entry.Tail, entry.Length);
        while (_slots[i].Entry != 0) i = (i + 1) & mask;
        _slots[i] = entry;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _shift--;
        foreach (var slot in old)
            if (slot.Entry != 0) Insert(slot);
    }

    /// <summary>
    /// Two words that, with the length, tell keys of up to 16 bytes apart exactly: the first and last 8
    /// bytes (overlapping when shorter than 16), the first and last 4, or the first, middle and last byte.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static (ulong Head, ulong Tail) Pack(ReadOnlySpan<byte> key)
    {
        if (key.Length >= 8) return (BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key[^8..]));
        if (key.Length >= 4) return (BinaryPrimitives.ReadUInt32LittleEndian(key) | (ulong)BinaryPrimitives.ReadUInt32LittleEndian(key[^4..]) << 32, 0);
        if (key.Length > 0) return (key[0] | (ulong)key[key.Length >> 1] << 8 | (ulong)key[^1] << 16, 0);
        return (0, 0);
    }

    /// <summary>The first slot to look at: the top bits of a multiplicative hash of the packed key.</summary>
    private int Home(ulong head, ulong tail, int length) =>
        (int)(((head * 0x9E3779B97F4A7C15UL) ^ ((tail + (ulong)length) * 0xC2B2AE3D27D4EB4FUL)) >> _shift);
}
