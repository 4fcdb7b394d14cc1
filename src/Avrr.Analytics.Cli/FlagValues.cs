using Avrr.Analytics.Wording;
using System.Globalization;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Cli;

/// <summary>
/// Flag and key values read as text and checked here, so that a bad value gets a sentence
/// (<c>--min-cell 2147483648: must be a whole number from 1 to 2,147,483,647</c>) rather than a
/// conversion error naming a .NET type.
/// </summary>
internal static class FlagValues
{
    public static int? WholeNumber(RunSetting setting, string? text, int min, int max)
    {
        if (text is null) return null;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        throw new SettingsException(setting, text, Said.Of(c => c.Usage.WholeNumber, min, max));
    }

    public static double? Number(RunSetting setting, string? text, Func<UsageText, string> what)
    {
        if (text is null) return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        throw new SettingsException(setting, text, Said.Of(c => c.Format(c.Usage.Number, what(c.Usage))));
    }

    /// <summary>The period from <c>--period 2025-Q3</c> (or a year, <c>2025</c>) or <c>--from</c>/<c>--to</c> (yyyy-MM-dd), or null.</summary>
    public static SurveyPeriod? Period(string? period, string? from, string? to)
    {
        if (period is null && from is null && to is null) return null;
        if (period is not null)
        {
            if (from is not null || to is not null)
                throw new SettingsException(RunSetting.Period, period, Said.Of(c => c.Usage.PeriodAndDates));
            var text = period.Trim().ToUpperInvariant();
            if (Quarter.TryParse(text, out var quarter)) return SurveyPeriod.OfQuarter(quarter);
            if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
                return new SurveyPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            throw new SettingsException(RunSetting.Period, period, Said.Of(c => c.Usage.PeriodForm));
        }
        return new SurveyPeriod(Date(RunSetting.From, from), Date(RunSetting.To, to));
    }

    private static DateOnly? Date(RunSetting setting, string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new SettingsException(setting, text, Said.Of(c => c.Usage.DateForm));
    }

    public static DuplicatePolicy? Keep(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "first" => DuplicatePolicy.KeepFirst,
        "last" => DuplicatePolicy.KeepLast,
        _ => throw new SettingsException(RunSetting.Keep, text, Said.Of(c => c.Usage.KeepForm)),
    };

    /// <summary>A language, case ignored (<c>FR</c> is <c>fr</c>); whether the scheme has it is checked with the scheme.</summary>
    public static string? Language(string? text) => text?.Trim().ToLowerInvariant();
}
