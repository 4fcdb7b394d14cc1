using System.Runtime.CompilerServices;

namespace Avrr.Analytics.Collections;

/// <summary>
/// The one open-addressing hash table of the engine: linear probing over a power-of-two array of slots,
/// each holding its key and value together, the slot picked by the top bits of the key's 64-bit hash
/// (Fibonacci hashing, so that keys differing only in their high bits, as doubles like 0.25 and 0.75 do,
/// still spread). It grows by doubling at a load factor chosen by the user. Keys and probes are structs,
/// so the JIT compiles a table for each key type with the hashing and comparison inlined: this is what the
/// hot paths (answer spellings, grouping values, the distinct values of a measure, Parquet dictionaries)
/// gain over <see cref="Dictionary{TKey, TValue}"/> (benchmarks/README.md). Not thread-safe for writes.
/// </summary>
public sealed class OpenTable<TKey, TValue> where TKey : struct, ITableKey<TKey>
{
    private struct Slot
    {
        public TKey Key;
        public TValue Value;
        public bool Used;
    }

    private readonly int _loadPercent;
    private Slot[] _slots;
    private int _shift;

    /// <param name="capacity">Slots to start with (rounded up to a power of two, at least 4).</param>
    /// <param name="loadPercent">The table doubles when more than this share of its slots would be used.</param>
    public OpenTable(int capacity = 16, int loadPercent = 50)
    {
        if (loadPercent is < 10 or > 90) throw new ArgumentOutOfRangeException(nameof(loadPercent), loadPercent, "The load factor must be between 10% and 90%.");
        _loadPercent = loadPercent;
        var slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, capacity));
        _slots = new Slot[slots];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)slots);
    }

    public int Count { get; private set; }

    /// <summary>The value of the key the probe matches, or a null reference when it is not stored (test with <see cref="Unsafe.IsNullRef"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TValue Find<TProbe>(scoped in TProbe probe) where TProbe : ITableProbe<TKey>, allows ref struct
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = (int)(probe.Hash >> _shift);
        while (true)
        {
            ref var slot = ref slots[i];
            if (!slot.Used) return ref Unsafe.NullRef<TValue>();
            if (probe.Matches(slot.Key)) return ref slot.Value;
            i = (i + 1) & mask;
        }
    }

    /// <summary>The value of a key, added with its default value when new (<paramref name="exists"/> says which).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TValue GetValueRefOrAddDefault(in TKey key, out bool exists)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = (int)(key.Hash >> _shift);
        while (true)
        {
            ref var slot = ref slots[i];
            if (!slot.Used) break;
            if (key.Matches(slot.Key))
            {
                exists = true;
                return ref slot.Value;
            }
            i = (i + 1) & mask;
        }
        exists = false;
        return ref AddNew(key);
    }

    /// <summary>Adds a key that is not in the table (the caller has looked) and returns its value, default until set.</summary>
    public ref TValue Add(in TKey key) => ref AddNew(key);

    private ref TValue AddNew(in TKey key)
    {
        if ((Count + 1) * 100L > (long)_slots.Length * _loadPercent) Grow();
        Count++;
        ref var slot = ref Place(_slots, key);
        slot.Key = key;
        slot.Used = true;
        slot.Value = default!;
        return ref slot.Value;
    }

    /// <summary>The empty slot where a key goes.</summary>
    private ref Slot Place(Slot[] slots, in TKey key)
    {
        var mask = slots.Length - 1;
        var i = (int)(key.Hash >> _shift);
        while (slots[i].Used) i = (i + 1) & mask;
        return ref slots[i];
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _shift--;
        foreach (ref var slot in old.AsSpan())
        {
            if (!slot.Used) continue;
            Place(_slots, slot.Key) = slot;
        }
    }

    /// <summary>Empties the table, keeping its slots.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    /// <summary>Every stored key and value, in slot order (which is not insertion order).</summary>
    public Enumerator GetEnumerator() => new(this);

    public ref struct Enumerator
    {
        private readonly Slot[] _slots;
        private int _index;

        internal Enumerator(OpenTable<TKey, TValue> table)
        {
            _slots = table._slots;
            _index = -1;
        }

        public bool MoveNext()
        {
            while (++_index < _slots.Length)
                if (_slots[_index].Used) return true;
            return false;
        }

        public readonly (TKey Key, TValue Value) Current => (_slots[_index].Key, _slots[_index].Value);
    }
}
