namespace Avrr.Analytics.Vocabulary;

/// <summary>
/// The record columns every export has besides the questions (docs/instrument.md): their ids are the
/// contract between survey exports, scheme files and outputs.
/// </summary>
public static class SurveyColumns
{
    public const string ReturneeId = "returnee_id";
    public const string Country = "country";
    public const string Community = "community";
    public const string SurveyDate = "survey_date";
    public const string Round = "round";
    public const string Weight = "weight";
    /// <summary>Derived from <see cref="SurveyDate"/> (2026-Q3); never read from an export.</summary>
    public const string Quarter = "quarter";

    /// <summary>The value an empty community becomes.</summary>
    public const string UnknownCommunity = "(unknown)";

    public static IReadOnlyList<string> Required { get; } = [ReturneeId, Country, SurveyDate];

    public static IReadOnlyList<string> Record { get; } = [ReturneeId, Country, Community, SurveyDate, Round, Weight];

    public static bool IsRecordColumn(string id) => Record.Contains(id) || id == Quarter;
}
