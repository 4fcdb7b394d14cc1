namespace Avrr.Analytics.Reports.Results;

/// <summary>One input of a run as its manifest records it.</summary>
public sealed record ResultInput(string Path, string Format, string Sha256, long RowsRead, long RowsScored, long RowsRejected, long BlankRowsSkipped);
