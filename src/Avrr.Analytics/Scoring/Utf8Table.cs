using System.Buffers.Binary;

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
    private int[] _offsets = new int[16];
    private int[] _lengths = new int[16];
    private int[] _values = new int[16];
    private int _count;

    public int Count => _count;

    public bool TryGet(ReadOnlySpan<byte> key, out int value)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var slot = (int)Hash(key) & mask;
        while (true)
        {
            var entry = slots[slot] - 1;
            if (entry < 0) { value = 0; return false; }
            if (_lengths[entry] == key.Length && key.SequenceEqual(_pool.AsSpan(_offsets[entry], key.Length)))
            {
                value = _values[entry];
                return true;
            }
            slot = (slot + 1) & mask;
        }
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
            Array.Resize(ref _values, _count * 2);
        }
        if (_poolUsed + key.Length > _pool.Length) Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + key.Length));
        key.CopyTo(_pool.AsSpan(_poolUsed));
        _offsets[_count] = _poolUsed;
        _lengths[_count] = key.Length;
        _values[_count] = value;
        _poolUsed += key.Length;
        Insert(_count++);
        return true;
    }

    /// <summary>The key of an entry, by its order of insertion.</summary>
    public ReadOnlySpan<byte> KeyAt(int entry) => _pool.AsSpan(_offsets[entry], _lengths[entry]);

    private void Insert(int entry)
    {
        var mask = _slots.Length - 1;
        var slot = (int)Hash(KeyAt(entry)) & mask;
        while (_slots[slot] != 0) slot = (slot + 1) & mask;
        _slots[slot] = entry + 1;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        for (var i = 0; i < _count; i++) Insert(i);
    }

    /// <summary>Mixes the first and last bytes with the length: answers are short and differ at one end or the other.</summary>
    private static uint Hash(ReadOnlySpan<byte> key)
    {
        ulong h;
        if (key.Length >= 8)
            h = (BinaryPrimitives.ReadUInt64LittleEndian(key) * 0x9E3779B97F4A7C15UL) ^ BinaryPrimitives.ReadUInt64LittleEndian(key[^8..]);
        else if (key.Length >= 4)
            h = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(key) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(key[^4..]);
        else if (key.Length > 0)
            h = ((ulong)key[0] << 16) | ((ulong)key[key.Length >> 1] << 8) | key[^1];
        else
            h = 0;
        h = (h + (ulong)key.Length) * 0xC2B2AE3D27D4EB4FUL;
        return (uint)(h >> 32) ^ (uint)h;
    }
}
