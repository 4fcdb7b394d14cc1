using System.Buffers.Binary;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.IO.Writing.Parquet;

/// <summary>
/// The cells of one column of the row group being written, and how they become pages: an optional
/// dictionary page (the distinct values, plain) and one data page (definition levels, then dictionary
/// indices or plain values). Min, max and null count go to the column's statistics.
/// </summary>
internal abstract class ColumnChunk(ParquetField field)
{
    public const int Plain = 0, Rle = 3, RleDictionary = 8;

    public ParquetField Field { get; } = field;
    /// <summary>Rows added, nulls included.</summary>
    public int Rows { get; private set; }
    public int Nulls { get; private set; }
    private readonly bool _optional = field.Optional;
    private byte[] _defined = new byte[1024];

    public static ColumnChunk For(ParquetField field) => field.Kind switch
    {
        ParquetKind.Text when field.Unique => new PlainTextChunk(field),
        ParquetKind.Text => new TextDictionaryChunk(field),
        ParquetKind.Flag => new FlagChunk(field),
        _ => new NumberDictionaryChunk(field),
    };

    /// <summary>Counts a row; a null adds no value.</summary>
    protected void AddRow(bool defined)
    {
        if (_optional)
        {
            if (Rows == _defined.Length) Array.Resize(ref _defined, Rows * 2);
            _defined[Rows] = defined ? (byte)1 : (byte)0;
        }
        Rows++;
        if (!defined) Nulls++;
    }

    public virtual void Clear() => Rows = Nulls = 0;

    /// <summary>Writes the dictionary page's values; false when the chunk has no dictionary.</summary>
    public abstract bool WriteDictionary(IBufferWriter<byte> page, out int count);

    /// <summary>PLAIN or RLE_DICTIONARY: how <see cref="WriteDataPage"/> writes the values.</summary>
    public abstract int DataEncoding { get; }

    public void WriteDataPage(ArrayBufferWriter<byte> page)
    {
        if (_optional)
        {
            // Data page v1: the definition levels' byte length, then the levels (max level 1, so 1 bit).
            var lengthAt = page.WrittenCount;
            page.GetSpan(4);
            page.Advance(4);
            RleBitPackedHybrid.Write<byte>(_defined.AsSpan(0, Rows), 1, page);
            var length = page.WrittenCount - lengthAt - 4;
            BinaryPrimitives.WriteInt32LittleEndian(MemoryMarshal.AsMemory(page.WrittenMemory).Span.Slice(lengthAt, 4), length);
        }
        WriteValues(page);
    }

    protected abstract void WriteValues(IBufferWriter<byte> page);

    /// <summary>The smallest and largest value, plain-encoded as statistics hold them; null when every cell is null.</summary>
    public abstract (byte[] Min, byte[] Max)? MinMax();
}

/// <summary>A column written with a dictionary: each value is its index among the distinct values of the row group.</summary>
internal abstract class DictionaryChunk(ParquetField field) : ColumnChunk(field)
{
    private int[] _indices = new int[1024];
    private int _values;

    /// <summary>How many distinct values the dictionary holds.</summary>
    protected abstract int DistinctCount { get; }

    protected void AddIndex(int index)
    {
        if (_values == _indices.Length) Array.Resize(ref _indices, _values * 2);
        _indices[_values++] = index;
    }

    public override void Clear()
    {
        base.Clear();
        _values = 0;
    }

    /// <summary>Without a value (every cell null), the data page is plain: definition levels only.</summary>
    public override int DataEncoding => _values == 0 ? Plain : RleDictionary;

    protected override void WriteValues(IBufferWriter<byte> page)
    {
        if (_values == 0) return;
        var width = RleBitPackedHybrid.BitWidth(DistinctCount - 1);
        page.GetSpan(1)[0] = (byte)width;
        page.Advance(1);
        RleBitPackedHybrid.Write<int>(_indices.AsSpan(0, _values), width, page);
    }
}

/// <summary>Numbers, dates and counts, dictionary-encoded by their 64-bit pattern: scores take few distinct values.</summary>
internal sealed class NumberDictionaryChunk(ParquetField field) : DictionaryChunk(field)
{
    private readonly LongTable _dictionary = new();

    protected override int DistinctCount => _dictionary.Count;

    /// <summary>A number; NaN is a null.</summary>
    public void Add(double value) => Add(BitConverter.DoubleToInt64Bits(value), !double.IsNaN(value));

    /// <summary>
    /// The numbers at <c>values[row × stride + offset]</c> of the given rows (NaN is a null): one tight
    /// loop per column, which is where a scores file spends its time.
    /// </summary>
    public void AddAll(double[] values, int offset, int stride, ReadOnlySpan<int> rows)
    {
        var dictionary = _dictionary;
        foreach (var row in rows)
        {
            var value = values[row * stride + offset];
            var defined = !double.IsNaN(value);
            AddRow(defined);
            if (defined) AddIndex(dictionary.IndexOf(BitConverter.DoubleToInt64Bits(value)));
        }
    }

    public void Add(long bits, bool defined)
    {
        AddRow(defined);
        if (defined) AddIndex(_dictionary.IndexOf(bits));
    }

    public override void Clear()
    {
        base.Clear();
        _dictionary.Clear();
    }

    private int Width => Field.PhysicalType == 1 ? 4 : 8;

    public override bool WriteDictionary(IBufferWriter<byte> page, out int count)
    {
        count = _dictionary.Count;
        if (count == 0) return false;
        var span = page.GetSpan(count * Width);
        for (var i = 0; i < count; i++)
        {
            if (Width == 4) BinaryPrimitives.WriteInt32LittleEndian(span[(i * 4)..], (int)_dictionary[i]);
            else BinaryPrimitives.WriteInt64LittleEndian(span[(i * 8)..], _dictionary[i]);
        }
        page.Advance(count * Width);
        return true;
    }

    public override (byte[] Min, byte[] Max)? MinMax()
    {
        if (_dictionary.Count == 0) return null;
        var isDouble = Field.Kind == ParquetKind.Number;
        long min = _dictionary[0], max = min;
        for (var i = 1; i < _dictionary.Count; i++)
        {
            var bits = _dictionary[i];
            if (isDouble ? BitConverter.Int64BitsToDouble(bits) < BitConverter.Int64BitsToDouble(min) : bits < min) min = bits;
            if (isDouble ? BitConverter.Int64BitsToDouble(bits) > BitConverter.Int64BitsToDouble(max) : bits > max) max = bits;
        }
        if (isDouble)
        {
            // The format's rule for zeros: a zero minimum is written -0.0, a zero maximum +0.0.
            if (BitConverter.Int64BitsToDouble(min) == 0) min = BitConverter.DoubleToInt64Bits(-0.0);
            if (BitConverter.Int64BitsToDouble(max) == 0) max = 0;
        }
        return (PlainBytes(min), PlainBytes(max));
    }

    private byte[] PlainBytes(long bits)
    {
        var bytes = new byte[Width];
        if (Width == 4) BinaryPrimitives.WriteInt32LittleEndian(bytes, (int)bits);
        else BinaryPrimitives.WriteInt64LittleEndian(bytes, bits);
        return bytes;
    }

    /// <summary>Open addressing from a 64-bit value to its index in the dictionary, in order of first appearance.</summary>
    private sealed class LongTable
    {
        private long[] _entries = new long[64];
        private int[] _slots = new int[128];   // entry index + 1; 0 is empty
        public int Count { get; private set; }

        public long this[int index] => _entries[index];

        public void Clear()
        {
            Array.Clear(_slots);
            Count = 0;
        }

        /// <summary>The index of a value, adding it when new. Most lookups find it in its first slot, inlined.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int IndexOf(long key)
        {
            var slot = Slot(key, _slots.Length - 1);
            var entry = _slots[slot] - 1;
            return entry >= 0 && _entries[entry] == key ? entry : Probe(key, slot);
        }

        private int Probe(long key, int slot)
        {
            var mask = _slots.Length - 1;
            while (true)
            {
                var entry = _slots[slot] - 1;
                if (entry < 0) break;
                if (_entries[entry] == key) return entry;
                slot = (slot + 1) & mask;
            }
            if (Count == _entries.Length) Array.Resize(ref _entries, Count * 2);
            _entries[Count] = key;
            _slots[slot] = ++Count;
            if (Count * 2 > _slots.Length) Grow();
            return Count - 1;
        }

        /// <summary>
        /// Fibonacci hashing: the top bits of the product depend on every bit of the key. (Doubles such as
        /// 0.25 or 0.5 differ only in their top bits, so low or middle bits of the product would all collide.)
        /// </summary>
        private static int Slot(long key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> (64 - BitOperations.PopCount((uint)mask)));

        private void Grow()
        {
            _slots = new int[_slots.Length * 2];
            var mask = _slots.Length - 1;
            for (var entry = 0; entry < Count; entry++)
            {
                var slot = Slot(_entries[entry], mask);
                while (_slots[slot] != 0) slot = (slot + 1) & mask;
                _slots[slot] = entry + 1;
            }
        }
    }
}

/// <summary>A text column: <see cref="TextDictionaryChunk"/> or <see cref="PlainTextChunk"/>.</summary>
internal interface ITextChunk
{
    /// <summary>A text cell, or a null one when not <paramref name="defined"/>.</summary>
    void Add(ReadOnlySpan<byte> utf8, bool defined);
}

/// <summary>Repeated texts (round, country, community, band, …), dictionary-encoded.</summary>
internal sealed class TextDictionaryChunk(ParquetField field) : DictionaryChunk(field), ITextChunk
{
    private Utf8Table _dictionary = new();

    protected override int DistinctCount => _dictionary.Count;

    /// <summary>A text; empty is a null.</summary>
    public void Add(ReadOnlySpan<byte> utf8) => Add(utf8, !utf8.IsEmpty);

    public void Add(ReadOnlySpan<byte> utf8, bool defined)
    {
        AddRow(defined);
        if (!defined) return;
        if (!_dictionary.TryGet(utf8, out var index))
        {
            index = _dictionary.Count;
            _dictionary.TryAdd(utf8, index);
        }
        AddIndex(index);
    }

    public override void Clear()
    {
        base.Clear();
        _dictionary = new Utf8Table();
    }

    public override bool WriteDictionary(IBufferWriter<byte> page, out int count)
    {
        count = _dictionary.Count;
        for (var i = 0; i < count; i++) PlainTextChunk.WritePlain(_dictionary.KeyAt(i), page);
        return count > 0;
    }

    public override (byte[] Min, byte[] Max)? MinMax()
    {
        if (_dictionary.Count == 0) return null;
        int min = 0, max = 0;
        for (var i = 1; i < _dictionary.Count; i++)
        {
            if (_dictionary.KeyAt(i).SequenceCompareTo(_dictionary.KeyAt(min)) < 0) min = i;
            if (_dictionary.KeyAt(i).SequenceCompareTo(_dictionary.KeyAt(max)) > 0) max = i;
        }
        return (_dictionary.KeyAt(min).ToArray(), _dictionary.KeyAt(max).ToArray());
    }
}

/// <summary>Texts that are all different (returnee ids): plain, each value its length and its bytes.</summary>
internal sealed class PlainTextChunk(ParquetField field) : ColumnChunk(field), ITextChunk
{
    private readonly ArrayBufferWriter<byte> _plain = new(1 << 16);
    private (int Start, int Length) _min, _max;

    /// <summary>A text; empty is a null.</summary>
    public void Add(ReadOnlySpan<byte> utf8) => Add(utf8, !utf8.IsEmpty);

    public void Add(ReadOnlySpan<byte> utf8, bool defined)
    {
        AddRow(defined);
        if (!defined) return;
        var start = _plain.WrittenCount + 4;
        WritePlain(utf8, _plain);
        if (Rows - Nulls == 1) _min = _max = (start, utf8.Length);
        else if (utf8.SequenceCompareTo(Value(_min)) < 0) _min = (start, utf8.Length);
        else if (utf8.SequenceCompareTo(Value(_max)) > 0) _max = (start, utf8.Length);
    }

    private ReadOnlySpan<byte> Value((int Start, int Length) at) => _plain.WrittenSpan.Slice(at.Start, at.Length);

    public static void WritePlain(ReadOnlySpan<byte> utf8, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(4 + utf8.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, utf8.Length);
        utf8.CopyTo(span[4..]);
        output.Advance(4 + utf8.Length);
    }

    public override void Clear()
    {
        base.Clear();
        _plain.ResetWrittenCount();
    }

    public override int DataEncoding => Plain;

    public override bool WriteDictionary(IBufferWriter<byte> page, out int count)
    {
        count = 0;
        return false;
    }

    protected override void WriteValues(IBufferWriter<byte> page) => page.Write(_plain.WrittenSpan);

    public override (byte[] Min, byte[] Max)? MinMax() =>
        Rows == Nulls ? null : (Value(_min).ToArray(), Value(_max).ToArray());
}

/// <summary>Flags: plain, one bit per value.</summary>
internal sealed class FlagChunk(ParquetField field) : ColumnChunk(field)
{
    private bool[] _flags = new bool[1024];

    public void Add(bool value)
    {
        if (Rows == _flags.Length) Array.Resize(ref _flags, Rows * 2);
        _flags[Rows] = value;
        AddRow(true);
    }

    public override int DataEncoding => Plain;

    public override bool WriteDictionary(IBufferWriter<byte> page, out int count)
    {
        count = 0;
        return false;
    }

    protected override void WriteValues(IBufferWriter<byte> page)
    {
        var bytes = (Rows + 7) / 8;
        var span = page.GetSpan(bytes)[..bytes];
        span.Clear();
        for (var i = 0; i < Rows; i++)
            if (_flags[i]) span[i / 8] |= (byte)(1 << (i % 8));
        page.Advance(bytes);
    }

    public override (byte[] Min, byte[] Max)? MinMax()
    {
        if (Rows == 0) return null;
        var any = _flags.AsSpan(0, Rows).Contains(true);
        var all = !_flags.AsSpan(0, Rows).Contains(false);
        return ([all ? (byte)1 : (byte)0], [any ? (byte)1 : (byte)0]);
    }
}
