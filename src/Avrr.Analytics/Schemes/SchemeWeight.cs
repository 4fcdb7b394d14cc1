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

    /// <summary>
    /// The largest ratio between two sibling weights that scoring can compute: beyond it the smaller weights
    /// would count as 0 next to the larger (a scheme with such weights is refused).
    /// </summary>
    public const double MaxSiblingRatio = 1e300;

    /// <summary>
    /// Sibling weights as scoring uses them: all scaled by one power of two so that the largest is in [1, 2).
    /// Only ratios between siblings matter, and scaling by a power of two is exact, so ordinary weights give
    /// the same scores to the last bit while weights near the largest double (1e308) no longer overflow
    /// their sum (docs/methodology.md, "Official weights").
    /// </summary>
    public static double[] Relative(IEnumerable<SchemeWeight> siblings)
    {
        var values = siblings.Select(w => w.Value).ToArray();
        if (values.Length == 0) return values;
        var scale = -Math.ILogB(values.Max());
        for (var i = 0; i < values.Length; i++) values[i] = Math.ScaleB(values[i], scale);
        return values;
    }

    /// <summary>Each sibling's share of their total weight, computed from <see cref="Relative"/> weights.</summary>
    public static double[] Shares(IEnumerable<SchemeWeight> siblings)
    {
        var relative = Relative(siblings);
        var total = relative.Sum();
        return relative.Select(w => w / total).ToArray();
    }

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
