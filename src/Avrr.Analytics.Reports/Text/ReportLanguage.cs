using System.Globalization;

namespace Avrr.Analytics.Reports.Text;

/// <summary>
/// The language of a report (docs/report.md): its words (<see cref="ReportText"/>) and how it writes
/// numbers, shares, dates and quarters. English writes <c>0.53</c>, <c>12,345</c>, <c>53%</c>,
/// <c>3 March 2026</c>, <c>Q3 2026</c>; French <c>0,53</c>, <c>12 345</c>, <c>53 %</c>,
/// <c>3 mars 2026</c>, <c>T3 2026</c>, with a no-break space (U+00A0) in numbers and before %.
/// Negative numbers take a true minus sign (U+2212). Scores and their intervals have two decimals.
/// </summary>
public sealed class ReportLanguage
{
    public const char NoBreakSpace = '\u00A0';

    private readonly NumberFormatInfo _numbers;
    private readonly CultureInfo _dates;

    private ReportLanguage(string code, ReportText text, string decimalSeparator, string groupSeparator, string percentGap, CultureInfo dates, string quarterLetter)
    {
        Code = code;
        Text = text;
        _numbers = new NumberFormatInfo { NumberDecimalSeparator = decimalSeparator, NumberGroupSeparator = groupSeparator, NegativeSign = "\u2212" };
        PercentGap = percentGap;
        _dates = dates;
        QuarterLetter = quarterLetter;
    }

    public string Code { get; }
    public ReportText Text { get; }
    private string PercentGap { get; }
    private string QuarterLetter { get; }

    public static ReportLanguage English { get; } = new("en", ReportText.English, ".", ",", "", CultureInfo.GetCultureInfo("en-GB"), "Q");
    public static ReportLanguage French { get; } = new("fr", ReportText.French, ",", NoBreakSpace.ToString(), NoBreakSpace.ToString(), CultureInfo.GetCultureInfo("fr-FR"), "T");

    public static IReadOnlyList<string> Codes { get; } = ["en", "fr"];

    /// <summary>The language of a code (en, fr), or null for a language the report is not written in.</summary>
    public static ReportLanguage? Of(string code) => code switch { "en" => English, "fr" => French, _ => null };

    /// <summary>A score, a mean or a bound of its interval: two decimals.</summary>
    public string Score(double value) => Fix(value.ToString("0.00", _numbers));

    /// <summary>
    /// A difference of scores: two decimals and its sign (+0.04, −0.07). A difference that two decimals would
    /// write as 0.00 gets up to two more (−0.003, +0.0004), so that a bound of an interval that excludes 0
    /// never reads as if it touched 0; one still 0 at four decimals is written 0.00.
    /// </summary>
    public string Difference(double value)
    {
        var decimals = 2;
        while (decimals < 4 && value != 0 && Math.Round(Math.Abs(value), decimals, MidpointRounding.AwayFromZero) == 0) decimals++;
        var text = Math.Round(Math.Abs(value), decimals, MidpointRounding.AwayFromZero) == 0 ? Score(value) : Fixed(value, decimals);
        return text[0] == '\u2212' || text.TrimStart('0', '.', ',').Length == 0 ? text : "+" + text;
    }

    /// <summary>A count: 12,345 or 12 345.</summary>
    public string Count(long value) => value.ToString("#,0", _numbers);

    /// <summary>A share as a whole percentage (53%, 53 %), one decimal under 10% so that a small share is not 0.</summary>
    public string Percent(double share)
    {
        var percent = share * 100;
        var text = percent > 0 && percent < 9.95 ? percent.ToString("0.0", _numbers) : percent.ToString("0", _numbers);
        return Fix(text) + PercentGap + "%";
    }

    /// <summary>A number of degrees of freedom and the like: up to one decimal.</summary>
    public string Plain(double value) => Fix(value.ToString("#,0.#", _numbers));

    /// <summary>A statistic with a given number of decimals (a p-value with three: 0.046, 0,046).</summary>
    public string Fixed(double value, int decimals) => Fix(value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), _numbers));

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", _dates);

    /// <summary>A quarter's id (<c>2026-Q3</c>) as people write it: Q3 2026, T3 2026; any other text as it is.</summary>
    public string Quarter(string id) =>
        Vocabulary.Quarter.TryParse(id, out var quarter) ? $"{QuarterLetter}{quarter.Number}{NoBreakSpace}{quarter.Year}" : id;

    // "−0.00" for a value that rounds to zero reads as a signed zero: write 0.00.
    private static string Fix(string text) => text.Length > 1 && text[0] == '\u2212' && text.Skip(1).All(c => c is '0' or '.' or ',') ? text[1..] : text;
}
