using System.Buffers;
using System.Text;

namespace Avrr.Analytics.IO.Writing.Parquet;

/// <summary>
/// The Thrift compact protocol, as far as Parquet's page headers and footer need it: structs of
/// i16/i32/i64/binary/bool fields, nested structs and lists. Field ids are written as deltas from the
/// previous field of the same struct, so fields must be written in increasing id order.
/// (https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md)
/// </summary>
internal sealed class ThriftCompactWriter(IBufferWriter<byte> output)
{
    private const byte BoolTrue = 1, BoolFalse = 2, I16 = 4, I32 = 5, I64 = 6, Binary = 8, List = 9, Struct = 12;

    private readonly Stack<short> _outer = new();
    private short _lastField;

    public void BeginStruct()
    {
        _outer.Push(_lastField);
        _lastField = 0;
    }

    public void EndStruct()
    {
        Byte(0);
        _lastField = _outer.Pop();
    }

    public void Field(short id, bool value) => FieldHeader(id, value ? BoolTrue : BoolFalse);

    public void Field(short id, short value)
    {
        FieldHeader(id, I16);
        Varint(ZigZag(value));
    }

    public void Field(short id, int value)
    {
        FieldHeader(id, I32);
        Varint(ZigZag(value));
    }

    public void Field(short id, long value)
    {
        FieldHeader(id, I64);
        Varint(ZigZag(value));
    }

    public void Field(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, Binary);
        Bytes(value);
    }

    public void Field(short id, string value) => Field(id, Encoding.UTF8.GetBytes(value));

    /// <summary>Starts a struct field: write its fields, then <see cref="EndStruct"/>.</summary>
    public void StructField(short id)
    {
        FieldHeader(id, Struct);
        BeginStruct();
    }

    /// <summary>A list of structs: write each with <see cref="BeginStruct"/> … <see cref="EndStruct"/>.</summary>
    public void StructListField(short id, int count) => ListHeader(id, Struct, count);

    public void Field(short id, IReadOnlyList<int> values)
    {
        ListHeader(id, I32, values.Count);
        foreach (var value in values) Varint(ZigZag(value));
    }

    public void Field(short id, IReadOnlyList<string> values)
    {
        ListHeader(id, Binary, values.Count);
        foreach (var value in values) Bytes(Encoding.UTF8.GetBytes(value));
    }

    private void ListHeader(short id, byte elementType, int count)
    {
        FieldHeader(id, List);
        if (count < 15) Byte((byte)(count << 4 | elementType));
        else
        {
            Byte((byte)(0xF0 | elementType));
            Varint((uint)count);
        }
    }

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _lastField;
        if (delta is > 0 and <= 15) Byte((byte)(delta << 4 | type));
        else
        {
            Byte(type);
            Varint(ZigZag(id));
        }
        _lastField = id;
    }

    private void Bytes(ReadOnlySpan<byte> value)
    {
        Varint((uint)value.Length);
        output.Write(value);
    }

    private void Byte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private void Varint(ulong value)
    {
        var span = output.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        output.Advance(n);
    }

    internal static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
