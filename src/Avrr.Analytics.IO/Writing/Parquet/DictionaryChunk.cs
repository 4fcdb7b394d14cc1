using System.Buffers.Binary;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.IO.Writing.Parquet;

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
