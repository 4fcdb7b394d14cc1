using System.Runtime.InteropServices;

namespace Avrr.Analytics.Scoring;

/// <summary>
/// A small open-addressing hash table from UTF-8 text to an int: the answers of a scale, the values of a
/// grouping column. Lookups hash the span in place and compare bytes: no string is made on the hot path.
/// Not thread-safe for writes.
/// </summary>
public sealed class Utf8Table
{
    private byte[] _pool = new byte[256];
    private int _poolUsed;
    private int[] _slots = new int[32];           // entry index + 1; 0 is an empty slot
    private readonly List<(int Offset, int Length, int Value)> _entries = [];

    public int Count => _entries.Count;

    public bool TryGet(ReadOnlySpan<byte> key, out int value)
    {
        var mask = _slots.Length - 1;
        var slot = (int)Hash(key) & mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0) { value = 0; return false; }
            var (offset, length, v) = _entries[entry - 1];
            if (length == key.Length && key.SequenceEqual(_pool.AsSpan(offset, length))) { value = v; return true; }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Adds the key unless present; returns false when it was present already.</summary>
    public bool TryAdd(ReadOnlySpan<byte> key, int value)
    {
        if (TryGet(key, out _)) return false;
        if ((_entries.Count + 1) * 2 > _slots.Length) Grow();
        if (_poolUsed + key.Length > _pool.Length) Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + key.Length));
        key.CopyTo(_pool.AsSpan(_poolUsed));
        _entries.Add((_poolUsed, key.Length, value));
        _poolUsed += key.Length;
        Insert(_entries.Count);
        return true;
    }

    /// <summary>The key of an entry, by its order of insertion.</summary>
    public ReadOnlySpan<byte> KeyAt(int entry) => _pool.AsSpan(_entries[entry].Offset, _entries[entry].Length);

    private void Insert(int entryNumber)
    {
        var (offset, length, _) = _entries[entryNumber - 1];
        var mask = _slots.Length - 1;
        var slot = (int)Hash(_pool.AsSpan(offset, length)) & mask;
        while (_slots[slot] != 0) slot = (slot + 1) & mask;
        _slots[slot] = entryNumber;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        for (var i = 1; i <= _entries.Count; i++) Insert(i);
    }

    /// <summary>Mixes the first and last 8 bytes with the length: answers are short and differ at one end or the other.</summary>
    private static uint Hash(ReadOnlySpan<byte> key)
    {
        ulong h;
        if (key.Length >= 8)
        {
            var head = MemoryMarshal.Read<ulong>(key);
            var tail = MemoryMarshal.Read<ulong>(key[^8..]);
            h = (head * 0x9E3779B97F4A7C15UL) ^ ((tail + (ulong)key.Length) * 0xC2B2AE3D27D4EB4FUL);
        }
        else
        {
            ulong packed = 0;
            foreach (var b in key) packed = (packed << 8) | b;
            h = (packed + ((ulong)key.Length << 56)) * 0x9E3779B97F4A7C15UL;
        }
        return (uint)(h >> 29) ^ (uint)h;
    }
}
