namespace Avrr.Analytics.Surveys;

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
