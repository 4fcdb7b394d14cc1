using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs;

/// <summary>What <c>avrr validate</c> found: the accounting, and the first rejects of each reason.</summary>
public sealed record ValidationReport(
    long RowsRead, long RowsScored, long RowsRejected, long BlankRowsSkipped,
    IReadOnlyDictionary<string, long> RejectsByReason,
    IReadOnlyDictionary<string, IReadOnlyList<Reject>> FirstRejects,
    IReadOnlyList<(string Path, string Format)> Inputs)
{
    /// <summary>Rows dated outside the period: <c>RowsRead = RowsScored + RowsRejected + RowsOutsidePeriod</c>.</summary>
    public long RowsOutsidePeriod { get; init; }
    /// <summary>What the checks noticed (dates, spellings, interviews, identifying attributes).</summary>
    public required Results.FieldChecks Checks { get; init; }
    /// <summary>The plan that was validated: each input's columns and how they were classified.</summary>
    public required Planning.RunPlan Plan { get; init; }
}
