using System.Buffers.Binary;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avrr.Analytics.Collections;
using Avrr.Analytics.Scoring;

namespace Avrr.Analytics.IO.Writing.Parquet;

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
