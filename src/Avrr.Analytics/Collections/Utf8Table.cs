using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Avrr.Analytics.Collections;

/// <summary>
/// A table from UTF-8 text to an int: the answers of a scale, the values of a grouping column, a Parquet
/// text dictionary. An <see cref="OpenTable{TKey, TValue}"/> whose key is the text packed into two 64-bit
/// words with its length (<see cref="Pack"/>); the bytes themselves are kept once, in a pool, in order of
/// insertion. A key of up to 16 bytes is equal to a slot's exactly when the words and lengths are, so
/// nearly every lookup (answers and group values are short) reads one slot and compares three numbers;
/// longer keys are compared byte by byte as well. Lookups hash the span in place: no string is made on
/// the hot path. Not thread-safe for writes.
/// </summary>
public sealed class Utf8Table
{
    private const int PackedLength = 16;

    private readonly OpenTable<PackedText, int> _table = new(32);
    private byte[] _pool = new byte[256];
    private int _poolUsed;
    private int[] _offsets = new int[16];
    private int[] _lengths = new int[16];

    public int Count => _table.Count;

    public bool TryGet(ReadOnlySpan<byte> key, out int value)
    {
        ref var found = ref _table.Find(new Probe(key, this));
        if (Unsafe.IsNullRef(ref found)) { value = 0; return false; }
        value = found;
        return true;
    }

    /// <summary>Adds the key unless present; returns false when it was present already.</summary>
    public bool TryAdd(ReadOnlySpan<byte> key, int value)
    {
        if (TryGet(key, out _)) return false;
        var entry = Count;
        if (entry == _offsets.Length)
        {
            Array.Resize(ref _offsets, entry * 2);
            Array.Resize(ref _lengths, entry * 2);
        }
        if (_poolUsed + key.Length > _pool.Length) Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + key.Length));
        key.CopyTo(_pool.AsSpan(_poolUsed));
        _offsets[entry] = _poolUsed;
        _lengths[entry] = key.Length;
        _poolUsed += key.Length;
        var (head, tail) = Pack(key);
        _table.Add(new PackedText(head, tail, key.Length, entry)) = value;
        return true;
    }

    /// <summary>The key of an entry, by its order of insertion.</summary>
    public ReadOnlySpan<byte> KeyAt(int entry) => _pool.AsSpan(_offsets[entry], _lengths[entry]);

    /// <summary>A stored key: the packed text, its length and its entry in the pool.</summary>
    private readonly record struct PackedText(ulong Head, ulong Tail, int Length, int Entry) : ITableKey<PackedText>
    {
        public ulong Hash => HashOf(Head, Tail, Length);

        /// <summary>Stored keys are never compared with each other but as the same entry.</summary>
        public bool Matches(in PackedText stored) => stored.Entry == Entry;
    }

    /// <summary>A lookup by the bytes themselves.</summary>
    private readonly ref struct Probe : ITableProbe<PackedText>
    {
        private readonly ReadOnlySpan<byte> _key;
        private readonly Utf8Table _table;
        private readonly ulong _head, _tail;

        public Probe(ReadOnlySpan<byte> key, Utf8Table table)
        {
            _key = key;
            _table = table;
            (_head, _tail) = Pack(key);
        }

        public ulong Hash => HashOf(_head, _tail, _key.Length);

        public bool Matches(in PackedText stored) =>
            stored.Head == _head && stored.Tail == _tail && stored.Length == _key.Length
            && (_key.Length <= PackedLength || _key.SequenceEqual(_table.KeyAt(stored.Entry)));
    }

    /// <summary>
    /// Two words that, with the length, tell keys of up to 16 bytes apart exactly: the first and last 8
    /// bytes (overlapping when shorter than 16), the first and last 4, or the first, middle and last byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Head, ulong Tail) Pack(ReadOnlySpan<byte> key)
    {
        if (key.Length >= 8) return (BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key[^8..]));
        if (key.Length >= 4) return (BinaryPrimitives.ReadUInt32LittleEndian(key) | (ulong)BinaryPrimitives.ReadUInt32LittleEndian(key[^4..]) << 32, 0);
        if (key.Length > 0) return (key[0] | (ulong)key[key.Length >> 1] << 8 | (ulong)key[^1] << 16, 0);
        return (0, 0);
    }

    /// <summary>A multiplicative hash of the packed key whose top bits pick the slot.</summary>
    private static ulong HashOf(ulong head, ulong tail, int length) =>
        (head * 0x9E3779B97F4A7C15UL) ^ ((tail + (ulong)length) * 0xC2B2AE3D27D4EB4FUL);
}
