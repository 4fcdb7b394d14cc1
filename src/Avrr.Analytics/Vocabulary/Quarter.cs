namespace Avrr.Analytics.Vocabulary;

/// <summary>
/// A calendar quarter, derived from a survey's date: <c>2026-Q3</c> is July to September 2026. It is a
/// grouping value (level <c>country+quarter</c>) and a column of returnee_scores; it is never read from
/// an export. Quarters order as their <see cref="Index"/> does.
/// </summary>
public readonly record struct Quarter(int Year, int Number)
{
    /// <summary>The length of the text of a quarter of a four-digit year.</summary>
    public const int TextLength = 7;

    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    /// <summary>A number that grows by one from quarter to quarter: year × 4 + quarter − 1.</summary>
    public int Index => Year * 4 + Number - 1;

    public static Quarter FromIndex(int index) => new(index / 4, index % 4 + 1);

    /// <summary>The quarter before this one (2026-Q1 → 2025-Q4).</summary>
    public Quarter Previous => FromIndex(Index - 1);

    /// <summary>Writes the UTF-8 text (<c>2026-Q3</c>) and returns its length.</summary>
    public int Format(Span<byte> utf8)
    {
        utf8[0] = (byte)('0' + Year / 1000 % 10);
        utf8[1] = (byte)('0' + Year / 100 % 10);
        utf8[2] = (byte)('0' + Year / 10 % 10);
        utf8[3] = (byte)('0' + Year % 10);
        utf8[4] = (byte)'-';
        utf8[5] = (byte)'Q';
        utf8[6] = (byte)('0' + Number);
        return TextLength;
    }

    /// <summary>The text of the quarter of a date, in <paramref name="buffer"/>.</summary>
    public static ReadOnlySpan<byte> Utf8(DateOnly date, Span<byte> buffer) => buffer[..Of(date).Format(buffer)];

    public override string ToString()
    {
        Span<byte> text = stackalloc byte[TextLength];
        return System.Text.Encoding.ASCII.GetString(text[..Format(text)]);
    }

    /// <summary>Reads <c>2026-Q3</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: TextLength } || text[4] != '-' || text[5] != 'Q' || text[6] is < '1' or > '4') return false;
        if (!int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)) return false;
        quarter = new Quarter(year, text[6] - '0');
        return true;
    }
}
