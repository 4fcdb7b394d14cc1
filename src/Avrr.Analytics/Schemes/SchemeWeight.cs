namespace Avrr.Analytics.Schemes;

/// <summary>
/// The importance of a node of a scheme (question within indicator, indicator within dimension,
/// dimension within composite): a positive, finite number. Only ratios between siblings matter.
/// Not a SurveyWeight (Surveys/), which is the sampling weight of a respondent.
/// </summary>
public readonly record struct SchemeWeight
{
    public double Value { get; }

    public SchemeWeight(double value)
    {
        if (!IsValid(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "A scheme weight must be a positive, finite number.");
        Value = value;
    }

    public static bool IsValid(double value) => double.IsFinite(value) && value > 0;

    public static SchemeWeight One => new(1);

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
