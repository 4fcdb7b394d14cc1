using Avrr.Analytics.Reports.Results;

namespace Avrr.Analytics.Reports.Findings;

/// <summary>
/// One tested result as the report reads it (docs/report.md, "The findings rules"): a row of comparisons,
/// panel_change or insights/drivers_terms, whether it is shown (not withheld, with a number), whether a test was
/// made, and whether it passed as the run decided it (<c>significant</c>, or an adjusted p-value below 0.05). A
/// finding that did not pass has no direction, whatever the sign of its estimate.
/// </summary>
public sealed record Finding(ResultTable Table, int Row, bool Shown, bool Tested, bool Significant, double? Estimate, string? Family)
{
    public FindingDirection Direction => !Significant || Estimate is not { } e ? FindingDirection.None : e < 0 ? FindingDirection.Below : FindingDirection.Above;
}
