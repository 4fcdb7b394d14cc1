using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Avrr.Analytics.Surveys;

/// <summary>Parsers of the record fields, on the UTF-8 text of a field. They never throw on bad input.</summary>
public static class FieldParsers
{
    /// <summary>
    /// A survey date: ISO 8601 (<c>2026-07-14</c>, or with a time part <c>2026-07-14T10:22:31.000+01:00</c>,
    /// of which the date is kept as written) unless <paramref name="exactFormat"/> is given
    /// (a .NET format such as <c>dd/MM/yyyy</c>, read with the invariant culture).
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<byte> utf8, string? exactFormat, out DateOnly date)
    {
        utf8 = utf8.Trim(" \t"u8);
        if (exactFormat is not null)
        {
            var text = Encoding.UTF8.GetString(utf8);
            var ok = DateTime.TryParseExact(text, exactFormat, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed);
            date = ok ? DateOnly.FromDateTime(parsed) : default;
            return ok;
        }
        date = default;
        if (utf8.Length < 10 || !TryIsoDate(utf8[..10], out date)) return false;
        if (utf8.Length == 10) return true;
        if (utf8[10] is not ((byte)'T' or (byte)' ')) return false;
        // A time part must be a real time; the date is kept as written, never shifted to another zone.
        return DateTimeOffset.TryParse(Encoding.UTF8.GetString(utf8), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out _);
    }

    private static bool TryIsoDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s[4] != '-' || s[7] != '-') return false;
        if (!Digits(s[..4], out var year) || !Digits(s[5..7], out var month) || !Digits(s[8..10], out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }

    /// <summary>
    /// A number written with a <c>.</c> or a <c>,</c> as its decimal separator (<c>1.25</c>, <c>1,25</c>).
    /// Thousands separators are refused rather than guessed: <c>1,234.5</c> could be read two ways.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> utf8, out double value)
    {
        utf8 = utf8.Trim(" \t"u8);
        value = 0;
        if (utf8.IsEmpty) return false;
        var comma = utf8.IndexOf((byte)',');
        if (comma >= 0)
        {
            if (utf8.IndexOf((byte)'.') >= 0 || utf8[(comma + 1)..].IndexOf((byte)',') >= 0) return false;
            Span<byte> copy = stackalloc byte[Math.Min(utf8.Length, 64)];
            if (utf8.Length > 64) return false;
            utf8.CopyTo(copy);
            copy[comma] = (byte)'.';
            return Utf8Parser.TryParse(copy, out value, out var used, 'G') && used == copy.Length && double.IsFinite(value);
        }
        return Utf8Parser.TryParse(utf8, out value, out var consumed, 'G') && consumed == utf8.Length && double.IsFinite(value);
    }
}
