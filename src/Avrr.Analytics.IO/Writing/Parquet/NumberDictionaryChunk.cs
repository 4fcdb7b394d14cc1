using System.Buffers.Binary;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.IO.Writing.Parquet;

/// <summary>Numbers, dates and counts, dictionary-encoded by their 64-bit pattern: scores take few distinct values.</summary>
internal sealed class NumberDictionaryChunk(ParquetField field) : DictionaryChunk(field)
{
    private readonly Numbering _dictionary = new(capacity: 128);

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
            if (defined) AddIndex(dictionary.NumberOf(BitConverter.DoubleToInt64Bits(value)));
        }
    }

    public void Add(long bits, bool defined)
    {
        AddRow(defined);
        if (defined) AddIndex(_dictionary.NumberOf(bits));
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
}
