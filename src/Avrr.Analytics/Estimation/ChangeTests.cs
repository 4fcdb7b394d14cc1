using Avrr.Analytics.Inference;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// The tests of panel change (docs/methodology.md, "Families and the false discovery rate"): each group's mean change
/// between its returnees' first and last survey against 0, with the p-value that matches its interval
/// (<see cref="ConfidenceIntervals.PValue"/>), decided within its family: the groups of one level, for one measure
/// (the countries' changes of the composite, say).
/// </summary>
public static class ChangeTests
{
    /// <summary>The kind of test in a family's key: <c>change:composite:level=country</c>.</summary>
    public const string Kind = "change";

    /// <summary>The rows with their decisions; a withheld row, or one without a standard error, is no test.</summary>
    public static List<EstimateRow> Decide(IReadOnlyList<EstimateRow> rows, IntervalMethod intervals, MultipleTesting fdr)
    {
        var tests = rows.Select(r => (
            TestFamilies.Key(Kind, r.Measure, [("level", r.Level)]),
            r.Estimate.Suppressed || double.IsNaN(r.Estimate.CiLow)
                ? double.NaN
                : ConfidenceIntervals.PValue(intervals, r.Estimate.DegreesOfFreedom, r.Estimate.Mean, r.Estimate.StandardError))).ToArray();
        var decisions = TestFamilies.Decide(tests, fdr);
        return rows.Select((r, i) => r with { Decision = decisions[i] }).ToList();
    }
}
