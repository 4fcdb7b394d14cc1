using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Results;

/// <summary>The accounting of one input of a run.</summary>
public sealed record InputSummary(
    string Path, string Format, string Sha256, long RowsRead, long RowsScored, long RowsRejected, long RowsOutsidePeriod, long BlankRowsSkipped,
    IReadOnlyList<string> Attributes, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<string> PersonalDataColumns,
    IReadOnlyList<string> SelectMultipleOptions, IReadOnlyList<string> FullPathAttributes);
