using System.Globalization;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Surveys;

/// <summary>
/// The surveys an evaluation covers, by survey date (docs/inputs.md, "Period"): Kobo exports are
/// cumulative, so a quarter's run selects its quarter. Both ends are included; an open end is null.
/// Rows dated outside are neither scored nor rejected: they are counted as outside the period.
/// </summary>
public sealed record SurveyPeriod(DateOnly? From, DateOnly? To)
{
    public bool Contains(DateOnly date) => (From is not { } from || date >= from) && (To is not { } to || date <= to);

    /// <summary>The quarter <c>2025-Q3</c>: 1 July to 30 September 2025.</summary>
    public static SurveyPeriod OfQuarter(Quarter quarter)
    {
        var first = new DateOnly(quarter.Year, (quarter.Number - 1) * 3 + 1, 1);
        return new SurveyPeriod(first, first.AddMonths(3).AddDays(-1));
    }

    /// <summary>For people and the manifest: <c>2025-07-01 to 2025-09-30</c>, <c>from 2025-07-01</c>, <c>up to 2025-09-30</c>.</summary>
    public override string ToString() => (From, To) switch
    {
        ({ } f, { } t) => $"{Text(f)} to {Text(t)}",
        ({ } f, null) => $"from {Text(f)}",
        (null, { } t) => $"up to {Text(t)}",
        _ => "every date",
    };

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
