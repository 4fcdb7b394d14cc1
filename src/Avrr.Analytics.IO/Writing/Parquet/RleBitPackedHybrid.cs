using System.Buffers;
using System.Numerics;

namespace Avrr.Analytics.IO.Writing.Parquet;

/// <summary>
/// Parquet's RLE / bit-packing hybrid encoding of small unsigned integers (definition levels, dictionary
/// indices): a value repeated 8 times or more becomes a run (its count and the value once); anything
/// else is bit-packed 8 values at a time, least significant bit first. A bit-packed run holds at most
/// 63 groups, as the reference writer does, so that its header is one byte.
/// (https://parquet.apache.org/docs/file-format/data-pages/encodings/#RLE)
/// </summary>
internal static class RleBitPackedHybrid
{
    private const int MinRepeat = 8, MaxGroups = 63;

    /// <summary>The bits needed for values up to <paramref name="max"/>: at least 1, which every reader takes.</summary>
    public static int BitWidth(int max) => Math.Max(1, 32 - int.LeadingZeroCount(max));

    public static void Write<T>(ReadOnlySpan<T> values, int bitWidth, IBufferWriter<byte> output) where T : IBinaryInteger<T>
    {
        var i = 0;
        while (i < values.Length)
        {
            var run = RunLength(values, i);
            if (run >= MinRepeat)
            {
                WriteRun(uint.CreateTruncating(values[i]), run, bitWidth, output);
                i += run;
                continue;
            }
            var start = i;
            var groups = 0;
            do
            {
                i += 8;
                groups++;
            } while (i < values.Length && groups < MaxGroups && RunLength(values, i) < MinRepeat);
            WriteBitPacked(values, start, groups, bitWidth, output);
        }
    }

    private static int RunLength<T>(ReadOnlySpan<T> values, int start) where T : IBinaryInteger<T>
    {
        // Vectorised: definition levels are mostly one long run of 1s.
        var other = values[(start + 1)..].IndexOfAnyExcept(values[start]);
        return other < 0 ? values.Length - start : other + 1;
    }

    private static void WriteRun(uint value, int count, int bitWidth, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(5 + 4);
        var n = Varint(span, (uint)count << 1);
        for (var b = 0; b < (bitWidth + 7) / 8; b++) span[n++] = (byte)(value >> (8 * b));
        output.Advance(n);
    }

    /// <summary>Groups of 8 values; past the end of the values the last group is padded with zeros.</summary>
    private static void WriteBitPacked<T>(ReadOnlySpan<T> values, int start, int groups, int bitWidth, IBufferWriter<byte> output)
        where T : IBinaryInteger<T>
    {
        var span = output.GetSpan(5 + groups * bitWidth);
        var n = Varint(span, (uint)groups << 1 | 1);
        ulong bits = 0;
        var held = 0;
        for (var v = start; v < start + groups * 8; v++)
        {
            var value = v < values.Length ? ulong.CreateTruncating(values[v]) : 0;
            bits |= value << held;
            held += bitWidth;
            while (held >= 8)
            {
                span[n++] = (byte)bits;
                bits >>= 8;
                held -= 8;
            }
        }
        output.Advance(n);
    }

    private static int Varint(Span<byte> span, uint value)
    {
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        return n;
    }
}
