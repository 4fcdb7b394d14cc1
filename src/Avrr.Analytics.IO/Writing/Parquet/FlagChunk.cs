using System.Buffers.Binary;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.IO.Writing.Parquet;

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
