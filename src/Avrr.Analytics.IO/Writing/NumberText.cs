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

    public static int Integer(long value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }
}
