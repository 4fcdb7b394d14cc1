namespace Avrr.Analytics.Estimation;

/// <summary>The kinds of difference in comparisons (docs/outputs.md, "comparisons"), as written in its <c>comparison</c> column.</summary>
public static class ComparisonKinds
{
    /// <summary>A country's mean − the all-country mean (which includes the country).</summary>
    public const string VsAll = "vs_all";

    /// <summary>A community's mean − its country's mean.</summary>
    public const string VsParent = "vs_parent";

    /// <summary>A quarter's mean − the mean of the previous quarter the same group has (not necessarily the calendar's previous one).</summary>
    public const string VsPreviousQuarter = "vs_previous_quarter";

    /// <summary>A country's lowest dimension mean − its second lowest, over the same surveys.</summary>
    public const string WeakestDimension = "weakest_dimension";

    /// <summary>The reference of <see cref="VsAll"/>.</summary>
    public const string All = "all";
}
