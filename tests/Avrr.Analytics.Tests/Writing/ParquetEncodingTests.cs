using System.Buffers;
using Avrr.Analytics.IO.Writing.Parquet;

namespace Avrr.Analytics.Tests.Writing;

/// <summary>
/// The two low-level encodings of the Parquet writer, byte for byte against the format's own
/// descriptions: the RLE / bit-packing hybrid (parquet-format, Encodings.md) and the Thrift compact
/// protocol (thrift, thrift-compact-protocol.md). Expected bytes are worked out by hand in the comments.
/// </summary>
public class ParquetEncodingTests
{
    private static byte[] Hybrid(int[] values, int bitWidth)
    {
        var output = new ArrayBufferWriter<byte>();
        RleBitPackedHybrid.Write<int>(values, bitWidth, output);
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void Bit_packing_follows_the_example_of_the_format()
    {
        // Encodings.md: 0..7 with bit width 3 pack into 10001000 11000110 11111010.
        // One group of 8: header (1 << 1) | 1 = 3.
        Assert.Equal(new byte[] { 0x03, 0x88, 0xC6, 0xFA }, Hybrid([0, 1, 2, 3, 4, 5, 6, 7], 3));
    }

    [Fact]
    public void Eight_equal_values_or_more_make_a_run()
    {
        // 10 × 5 at width 3: header 10 << 1 = 0x14, then the value in one byte.
        Assert.Equal(new byte[] { 0x14, 0x05 }, Hybrid(Enumerable.Repeat(5, 10).ToArray(), 3));
        // width 9 needs two bytes for the value, little-endian: 300 = 0x012C.
        Assert.Equal(new byte[] { 0x10, 0x2C, 0x01 }, Hybrid(Enumerable.Repeat(300, 8).ToArray(), 9));
    }

    [Fact]
    public void A_short_tail_is_bit_packed_and_padded_with_zeros()
    {
        // Ten 1s are a run (0x14 0x01); then 2, 3 at width 2 are one group padded to 8 values:
        // 2 | 3 << 2 = 0b1110 in the first byte, zeros in the second.
        Assert.Equal(new byte[] { 0x14, 0x01, 0x03, 0x0E, 0x00 }, Hybrid([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3], 2));
    }

    [Fact]
    public void A_run_that_starts_at_a_group_boundary_ends_the_bit_packing()
    {
        // 0,1,0,1,0,1,0,1 (one group: 0b10101010 = 0xAA at width 1), then 9 × 1 as a run.
        int[] values = [0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        Assert.Equal(new byte[] { 0x03, 0xAA, 0x12, 0x01 }, Hybrid(values, 1));
    }

    [Fact]
    public void A_bit_packed_run_holds_at_most_63_groups()
    {
        // 64 groups of alternating 0/1 at width 1: a run of 63 groups (header 63 << 1 | 1 = 0x7F),
        // then one of 1 group (0x03); each group is the byte 0xAA.
        var values = Enumerable.Range(0, 64 * 8).Select(i => i % 2).ToArray();
        var bytes = Hybrid(values, 1);
        Assert.Equal(1 + 63 + 1 + 1, bytes.Length);
        Assert.Equal(0x7F, bytes[0]);
        Assert.All(bytes[1..64], b => Assert.Equal(0xAA, b));
        Assert.Equal(new byte[] { 0x03, 0xAA }, bytes[64..]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(255, 8)]
    [InlineData(256, 9)]
    [InlineData(32767, 15)]
    public void Bit_width_covers_the_largest_index(int max, int bits) => Assert.Equal(bits, RleBitPackedHybrid.BitWidth(max));

    private static byte[] Thrift(Action<ThriftCompactWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(new ThriftCompactWriter(output));
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void Thrift_fields_are_deltas_with_zigzag_varints()
    {
        var bytes = Thrift(t =>
        {
            t.BeginStruct();
            t.Field(1, 3);           // delta 1, type i32 (5): 0x15; zigzag(3) = 6
            t.Field(2, -1);          // delta 1 again: 0x15; zigzag(-1) = 1
            t.Field(4, 300L);        // delta 2, type i64 (6): 0x26; zigzag(300) = 600 = 0xD8 0x04
            t.Field(5, true);        // delta 1, boolean true (1): 0x11
            t.Field(30, "ab");       // delta 25 > 15: type binary (8), then zigzag(30) = 60; length 2, 'a' 'b'
            t.EndStruct();           // 0x00
        });
        Assert.Equal(new byte[] { 0x15, 0x06, 0x15, 0x01, 0x26, 0xD8, 0x04, 0x11, 0x08, 0x3C, 0x02, 0x61, 0x62, 0x00 }, bytes);
    }

    [Fact]
    public void Thrift_nested_structs_restart_their_field_ids_and_lists_carry_their_size()
    {
        var bytes = Thrift(t =>
        {
            t.BeginStruct();
            t.StructField(3);                      // 0x3C
            t.Field(1, 1);                         // 0x15 0x02
            t.EndStruct();                         // 0x00
            t.Field(4, new[] { 7, 8 });            // delta 1 from 3, list (9): 0x19; 2 i32: 0x25; 14, 16
            t.Field(5, Enumerable.Repeat(0, 15).ToList()); // 0x19; 15 elements: 0xF5 then varint 15
            t.EndStruct();
        });
        var expected = new List<byte> { 0x3C, 0x15, 0x02, 0x00, 0x19, 0x25, 0x0E, 0x10, 0x19, 0xF5, 0x0F };
        expected.AddRange(Enumerable.Repeat((byte)0, 15));
        expected.Add(0x00);
        Assert.Equal(expected, bytes);
    }
}
