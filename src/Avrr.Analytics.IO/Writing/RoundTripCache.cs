using System.Buffers.Text;
using System.Globalization;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// The round-trip text of recent values: survey weights repeat (a weight per community or stratum), and
/// the shortest round-trip form is the costliest of the numbers the engine writes. A direct-mapped cache;
/// a miss formats again, so the text is always exact.
/// </summary>
internal sealed class RoundTripCache
{
    private const int Size = 1024;
    private readonly long[] _bits = new long[Size];
    private readonly byte[][] _text = new byte[Size][];

    public ReadOnlySpan<byte> Format(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var slot = (int)(((ulong)bits * 0x9E3779B97F4A7C15UL) >> 54);
        var text = _text[slot];
        if (text is not null && _bits[slot] == bits) return text;
        Span<byte> buffer = stackalloc byte[NumberText.MaxLength];
        text = buffer[..NumberText.RoundTrip(value, buffer)].ToArray();
        _bits[slot] = bits;
        _text[slot] = text;
        return text;
    }
}
