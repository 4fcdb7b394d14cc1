using System.Buffers.Text;
using System.Globalization;

namespace Avrr.Analytics.IO.Writing;

/// <summary>How the engine writes numbers and dates: invariant culture, '.' decimals, always the same bytes.</summary>
internal static class NumberText
{
    /// <summary>Longest text any of these writes.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// A score with exactly 6 decimals, the same text as <c>ToString("F6", InvariantCulture)</c>
    /// (correctly rounded, ties to even) without its cost: a score is scaled to an integer count of
    /// millionths, and only a value within a hair of a tie is left to the exact formatter.
    /// </summary>
    public static int Fixed6(double value, Span<byte> destination)
    {
        if (value is >= 0 and < 1000)
        {
            var scaled = value * 1e6;
            var floor = Math.Floor(scaled);
            var fraction = scaled - floor;
            if (Math.Abs(fraction - 0.5) > 1e-6)
            {
                var millionths = (long)floor + (fraction > 0.5 ? 1 : 0);
                return WriteMillionths(millionths, destination);
            }
        }
        value.TryFormat(destination, out var written, "F6", CultureInfo.InvariantCulture);
        return written;
    }

    private static int WriteMillionths(long millionths, Span<byte> destination)
    {
        var whole = millionths / 1_000_000;
        int p;
        if (whole < 10) { destination[0] = (byte)('0' + whole); p = 1; }
        else Utf8Formatter.TryFormat(whole, destination, out p);
        destination[p] = (byte)'.';
        var fraction = (int)(millionths - whole * 1_000_000);
        TwoDigits(destination[(p + 1)..], fraction / 10_000);
        TwoDigits(destination[(p + 3)..], fraction / 100 % 100);
        TwoDigits(destination[(p + 5)..], fraction % 100);
        return p + 7;
    }

    private static void TwoDigits(Span<byte> destination, int value)
    {
        destination[1] = (byte)('0' + value % 10);
        destination[0] = (byte)('0' + value / 10);
    }

    /// <summary>The shortest text that reads back as the same double (the "R" form), invariant culture.</summary>
    public static int RoundTrip(double value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>yyyy-MM-dd.</summary>
    public static int Date(DateOnly date, Span<byte> destination)
    {
        var (year, month, day) = date;
        TwoDigits(destination, year / 100);
        TwoDigits(destination[2..], year % 100);
        destination[4] = (byte)'-';
        TwoDigits(destination[5..], month);
        destination[7] = (byte)'-';
        TwoDigits(destination[8..], day);
        return 10;
    }

    /// <summary>The quarter of a date: 2026-Q3.</summary>
    public static int Quarter(DateOnly date, Span<byte> destination)
    {
        TwoDigits(destination, date.Year / 100);
        TwoDigits(destination[2..], date.Year % 100);
        destination[4] = (byte)'-';
        destination[5] = (byte)'Q';
        destination[6] = (byte)('1' + (date.Month - 1) / 3);
        return 7;
    }

    public static int Integer(long value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }
}

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
