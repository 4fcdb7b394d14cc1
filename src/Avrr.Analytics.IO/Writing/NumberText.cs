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
        Utf8Formatter.TryFormat(millionths / 1_000_000, destination, out var p);
        destination[p++] = (byte)'.';
        var fraction = millionths % 1_000_000;
        for (var i = p + 5; i >= p; i--)
        {
            destination[i] = (byte)('0' + fraction % 10);
            fraction /= 10;
        }
        return p + 6;
    }

    /// <summary>The shortest text that reads back as the same double (the "R" form), invariant culture.</summary>
    public static int RoundTrip(double value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    public static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static int Date(DateOnly date, Span<byte> destination)
    {
        date.TryFormat(destination, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return written;
    }

    public static int Integer(long value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }
}
