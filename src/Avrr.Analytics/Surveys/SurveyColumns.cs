namespace Avrr.Analytics.Surveys;

/// <summary>
/// The record columns every export has besides the questions (instrument.md): their ids are the
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

/// <summary>
/// The sampling weight of a respondent (how many people of the population the survey stands for):
/// positive and finite; 1 when the export has no weight column. Not a <see cref="Schemes.SchemeWeight"/>,
/// which weighs a node of the index.
/// </summary>
public readonly record struct SurveyWeight
{
    public double Value { get; }

    public SurveyWeight(double value)
    {
        if (!IsValid(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "A survey weight must be a positive, finite number.");
        Value = value;
    }

    public static bool IsValid(double value) => double.IsFinite(value) && value > 0;

    public static SurveyWeight One => new(1);
}
