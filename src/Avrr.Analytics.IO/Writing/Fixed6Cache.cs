using System.Buffers.Text;
using System.Globalization;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// The 6-decimal text of recent scores: a scheme's scores take few distinct values (indicators a dozen,
/// dimensions a few hundred), so most are formatted once. A direct-mapped cache; a miss formats again.
/// </summary>
internal sealed class Fixed6Cache
{
    private const int Size = 4096;
    private readonly long[] _bits = new long[Size];
    private readonly byte[] _text = new byte[Size * 16];
    private readonly byte[] _length = new byte[Size];

    public ReadOnlySpan<byte> Format(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var slot = (int)(((ulong)bits * 0x9E3779B97F4A7C15UL) >> 52);
        var text = _text.AsSpan(slot * 16, 16);
        if (_length[slot] != 0 && _bits[slot] == bits) return text[.._length[slot]];
        Span<byte> buffer = stackalloc byte[NumberText.MaxLength];
        var length = NumberText.Fixed6(value, buffer);
        if (length > 16) return buffer[..length].ToArray();     // a score is never this long; keep it exact anyway
        buffer[..length].CopyTo(text);
        _bits[slot] = bits;
        _length[slot] = (byte)length;
        return text[..length];
    }
}
