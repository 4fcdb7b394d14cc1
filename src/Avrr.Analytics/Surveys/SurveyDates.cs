using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Avrr.Analytics.Surveys;

/// <summary>
/// How the survey dates of a run are read (docs/inputs.md, "Dates"): ISO 8601 always (<c>2025-07-14</c>, and
/// Kobo's <c>2025-07-14T10:22:31.000+01:00</c>, whose date is kept as written), and the run's date format
/// too when one is set (<c>dd/MM/yyyy</c>), so that one run reads an export whose dates were partly
/// re-saved by Excel. The two never read one text two ways: a format whose dates look like ISO ones
/// (<c>yyyy-dd-MM</c>) is read alone. An XLSX date cell, or an Excel serial number in the date column, is
/// ISO text by the time it gets here (the reader writes it so).
/// </summary>
public sealed class SurveyDates
{
    private static readonly ConcurrentDictionary<string, SurveyDates> Known = new(StringComparer.Ordinal);
    private static readonly SurveyDates IsoOnly = new(null);

    /// <summary>The run's date format (.NET notation), or null for ISO 8601 alone.</summary>
    public string? Format { get; }
    private readonly bool _iso;

    private SurveyDates(string? format)
    {
        Format = format;
        _iso = format is null || !LooksLikeIso(format);
    }

    public static SurveyDates For(string? format) => format is null ? IsoOnly : Known.GetOrAdd(format, f => new SurveyDates(f));

    public bool TryParse(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        utf8 = utf8.Trim(" \t"u8);
        if (_iso && FieldParsers.TryParseIso(utf8, out date, out _, out _)) return true;
        date = default;
        if (Format is null) return false;
        return TryExact(Encoding.UTF8.GetString(utf8), Format, out date);
    }

    /// <summary>A text in exactly one .NET date format, with the invariant culture.</summary>
    public static bool TryExact(string text, string format, out DateOnly date)
    {
        var ok = DateTime.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        date = ok ? DateOnly.FromDateTime(parsed) : default;
        return ok;
    }

    /// <summary>
    /// Whether a date format can be used: it writes a day, a month and a year that read back as the same
    /// date (so <c>""</c>, <c>dd/MM</c> or <c>hello</c> are refused before any row is read).
    /// </summary>
    public static bool IsUsable(string format)
    {
        if (string.IsNullOrWhiteSpace(format)) return false;
        foreach (var sample in new[] { new DateOnly(2025, 7, 14), new DateOnly(1999, 12, 3) })
        {
            string text;
            try { text = sample.ToString(format, CultureInfo.InvariantCulture); }
            catch (FormatException) { return false; }
            if (!TryExact(text, format, out var back) || back != sample) return false;
        }
        return true;
    }

    private static bool LooksLikeIso(string format)
    {
        try
        {
            var text = new DateOnly(2025, 7, 14).ToString(format, CultureInfo.InvariantCulture);
            return text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '-' && text[7] == '-';
        }
        catch (FormatException) { return false; }
    }
}
