using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Avrr.Analytics.Surveys;

/// <summary>Parsers of the record fields, on the UTF-8 text of a field. They never throw on bad input.</summary>
public static class FieldParsers
{
    /// <summary>
    /// A survey date: ISO 8601 (<c>2026-07-14</c>, or with a time part <c>2026-07-14T10:22:31.000+01:00</c>,
    /// of which the date is kept as written) and, when <paramref name="exactFormat"/> is given, that form too
    /// (a .NET format such as <c>dd/MM/yyyy</c>, read with the invariant culture). See <see cref="SurveyDates"/>.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<byte> utf8, string? exactFormat, out DateOnly date) =>
        SurveyDates.For(exactFormat).TryParse(utf8, out date);

    /// <summary>
    /// An ISO 8601 date, alone or with a time part (<c>T</c> or a space, <c>HH:mm</c>, optional <c>:ss</c> and
    /// fraction, optional zone <c>Z</c>, <c>±HH:mm</c>, <c>±HHmm</c> or <c>±HH</c>). The date is the one written:
    /// a zone never shifts it, so <c>9999-12-31T23:00:00-05:00</c> is 31 December 9999. The time is given as
    /// seconds of the day and the zone as minutes east of UTC (null without a zone).
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<byte> utf8, out DateOnly date, out int secondsOfDay, out int? zoneMinutes)
    {
        secondsOfDay = 0;
        zoneMinutes = null;
        date = default;
        if (utf8.Length < 10 || !TryIsoDate(utf8[..10], out date)) return false;
        if (utf8.Length == 10) return true;
        if (utf8[10] is not ((byte)'T' or (byte)' ')) return false;
        var t = utf8[11..];
        if (t.Length < 5 || t[2] != ':' || !Digits(t[..2], out var hour) || !Digits(t[3..5], out var minute) || hour > 23 || minute > 59) return false;
        var second = 0;
        t = t[5..];
        if (t.Length > 0 && t[0] == ':')
        {
            if (t.Length < 3 || !Digits(t[1..3], out second) || second > 59) return false;
            t = t[3..];
            if (t.Length > 0 && t[0] is (byte)'.' or (byte)',')
            {
                var digits = 1;
                while (digits < t.Length && t[digits] is >= (byte)'0' and <= (byte)'9') digits++;
                if (digits == 1) return false;
                t = t[digits..];
            }
        }
        secondsOfDay = hour * 3600 + minute * 60 + second;
        if (t.IsEmpty) return true;
        if (t is [(byte)'Z']) { zoneMinutes = 0; return true; }
        if (t[0] is not ((byte)'+' or (byte)'-')) return false;
        var sign = t[0] == '+' ? 1 : -1;
        t = t[1..];
        int zoneHour, zoneMinute = 0;
        if (t.Length == 2) { if (!Digits(t, out zoneHour)) return false; }
        else if (t.Length == 4) { if (!Digits(t[..2], out zoneHour) || !Digits(t[2..], out zoneMinute)) return false; }
        else if (t.Length == 5 && t[2] == ':') { if (!Digits(t[..2], out zoneHour) || !Digits(t[3..], out zoneMinute)) return false; }
        else return false;
        if (zoneHour > 14 || zoneMinute > 59) return false;
        zoneMinutes = sign * (zoneHour * 60 + zoneMinute);
        return true;
    }

    /// <summary>
    /// A moment as seconds from 0001-01-01 on the clock it was written in, moved to UTC when it has a zone:
    /// what an interview's start and end are compared by. False for anything but ISO 8601 with a time.
    /// </summary>
    public static bool TryParseMoment(ReadOnlySpan<byte> utf8, out long seconds)
    {
        utf8 = utf8.Trim(" \t"u8);
        seconds = 0;
        if (utf8.Length <= 10 || !TryParseIso(utf8, out var date, out var time, out var zone)) return false;
        seconds = date.DayNumber * 86400L + time - (zone ?? 0) * 60L;
        return true;
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
