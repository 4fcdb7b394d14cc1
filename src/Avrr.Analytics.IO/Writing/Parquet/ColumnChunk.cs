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
        ParquetKind.Flag or ParquetKind.OptionalFlag => new FlagChunk(field),
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
