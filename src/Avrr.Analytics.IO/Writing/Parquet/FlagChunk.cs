using System.Buffers.Binary;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.IO.Writing.Parquet;

/// <summary>Flags: plain, one bit per value (per value present, when the column is optional).</summary>
internal sealed class FlagChunk(ParquetField field) : ColumnChunk(field)
{
    private bool[] _flags = new bool[1024];
    private int _count;     // values present: the rows but the nulls

    public void Add(bool? value)
    {
        if (value is { } flag)
        {
            if (_count == _flags.Length) Array.Resize(ref _flags, _count * 2);
            _flags[_count++] = flag;
        }
        AddRow(value.HasValue);
    }

    public override void Clear()
    {
        base.Clear();
        _count = 0;
    }

    public override int DataEncoding => Plain;

    public override bool WriteDictionary(IBufferWriter<byte> page, out int count)
    {
        count = 0;
        return false;
    }

    protected override void WriteValues(IBufferWriter<byte> page)
    {
        var bytes = (_count + 7) / 8;
        var span = page.GetSpan(bytes)[..bytes];
        span.Clear();
        for (var i = 0; i < _count; i++)
            if (_flags[i]) span[i / 8] |= (byte)(1 << (i % 8));
        page.Advance(bytes);
    }

    public override (byte[] Min, byte[] Max)? MinMax()
    {
        if (_count == 0) return null;
        var any = _flags.AsSpan(0, _count).Contains(true);
        var all = !_flags.AsSpan(0, _count).Contains(false);
        return ([all ? (byte)1 : (byte)0], [any ? (byte)1 : (byte)0]);
    }
}
