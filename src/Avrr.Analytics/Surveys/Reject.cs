namespace Avrr.Analytics.Surveys;

/// <summary>
/// One problem of one rejected row, as rejects.csv lists it. A row with three problems has three.
/// <see cref="Row"/> is the row as a spreadsheet shows it (the header is row 1).
/// </summary>
public sealed record Reject(string Source, long Row, string ReturneeId, string Column, string Value, RejectReason Reason, string Message)
{
    /// <summary>
    /// The export's own keys of the submission (Kobo's <c>_id</c>, <c>_uuid</c>, <c>_submission_time</c>, ODK's
    /// instance id and submission date), empty when the export has none: what finds the submission in Kobo or ODK.
    /// </summary>
    public string SubmissionId { get; init; } = "";
    public string SubmissionUuid { get; init; } = "";
    public string SubmissionTime { get; init; } = "";

    /// <summary>Values longer than this are cut in rejects.csv and messages (the row still counts in full).</summary>
    public const int MaxValueLength = 200;

    /// <summary>
    /// A value as rejects.csv and messages show it: cut after <see cref="MaxValueLength"/> characters, and a
    /// NUL (which is not text, and would be copied into the file as it is) shown as ␀.
    /// </summary>
    public static string Cut(string value)
    {
        var shown = value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength), $"… ({value.Length} characters)");
        return shown.Contains('\0') ? shown.Replace('\0', '\u2400') : shown;
    }
}
