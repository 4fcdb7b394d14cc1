using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs;

/// <summary>What <c>avrr validate</c> found: the accounting, and the first rejects of each reason.</summary>
public sealed record ValidationReport(
    long RowsRead, long RowsScored, long RowsRejected, long BlankRowsSkipped,
    IReadOnlyDictionary<string, long> RejectsByReason,
    IReadOnlyDictionary<string, IReadOnlyList<Reject>> FirstRejects,
    IReadOnlyList<(string Path, string Format)> Inputs);
