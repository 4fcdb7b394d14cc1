namespace Avrr.Analytics.Estimation;

/// <summary>
/// Why a statistic of an estimate is empty although the group is shown: the <c>note</c> column of aggregates,
/// panel_change and comparisons (docs/outputs.md). Several notes are joined by "; ".
/// </summary>
public static class EstimateNotes
{
    /// <summary>The group's surveys with the measure lie in a single PSU (a single survey without clusters): its variance cannot be estimated.</summary>
    public const string OnePsu = "one PSU: no design-based variance";

    /// <summary>A difference whose reference lies in a single PSU.</summary>
    public const string OnePsuInReference = "one PSU in the reference: no design-based variance";

    /// <summary>Every stratum has a single PSU (df = PSUs − strata = 0): there is no t quantile.</summary>
    public const string NoDegreesOfFreedom = "no degrees of freedom (every stratum has one PSU): no t interval";

    /// <summary>The weights of the group add up to more than the largest double.</summary>
    public const string WeightSumTooLarge = "weight_sum above the largest number a double holds (1.8e308): rescale the weights";

    /// <summary>Weights so far apart that their squares or ratios leave the range of doubles.</summary>
    public const string WeightsTooFarApart = "weights too far apart to compute in double precision: rescale them";

    /// <summary>A difference withheld because the group has fewer surveys than min-cell.</summary>
    public const string GroupSuppressed = "withheld: the group has fewer surveys than min-cell";

    /// <summary>A difference withheld because its reference has fewer surveys than min-cell.</summary>
    public const string ReferenceSuppressed = "withheld: the reference has fewer surveys than min-cell";

    /// <summary>A weakest-dimension comparison withheld because fewer than two dimensions of the group are shown.</summary>
    public const string TooFewDimensions = "withheld: fewer than two dimensions of the group have enough surveys";

    /// <summary>A weakest-dimension comparison of a group where some dimension is withheld: the rank is among the others.</summary>
    public const string RankedAmongShown = "ranked among the dimensions shown (the others have fewer surveys than min-cell)";

    /// <summary>A note without one of its parts (a table that does not show weight_sum leaves out the note about it).</summary>
    public static string? Without(string? note, string part)
    {
        if (note is null) return null;
        var rest = note.Split("; ").Where(n => n != part).ToArray();
        return rest.Length == 0 ? null : string.Join("; ", rest);
    }

    internal static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;
}
