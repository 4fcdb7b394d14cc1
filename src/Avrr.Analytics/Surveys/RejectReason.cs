namespace Avrr.Analytics.Surveys;

/// <summary>Why a row was rejected (scoring.md §4). Each has a stable snake_case name, used in rejects.csv and the manifest.</summary>
public enum RejectReason
{
    /// <summary>returnee_id, country or survey_date is empty.</summary>
    MissingValue,
    /// <summary>survey_date is not a date in the expected format.</summary>
    InvalidDate,
    /// <summary>An answer is not a code, label or special answer of its question's scale.</summary>
    InvalidAnswer,
    /// <summary>weight is present but not a positive, finite number.</summary>
    InvalidWeight,
    /// <summary>The same survey (returnee_id + round, or + survey_date) appeared earlier in the input.</summary>
    DuplicateSurvey,
    /// <summary>The row has fewer or more fields than the header.</summary>
    FieldCount,
    /// <summary>The row's quoting is broken (a quote never closed).</summary>
    MalformedRow,
    /// <summary>The cluster or strata column of the survey design is empty.</summary>
    MissingDesignValue,
}

public static class RejectReasons
{
    public static string Name(this RejectReason reason) => reason switch
    {
        RejectReason.MissingValue => "missing_value",
        RejectReason.InvalidDate => "invalid_date",
        RejectReason.InvalidAnswer => "invalid_answer",
        RejectReason.InvalidWeight => "invalid_weight",
        RejectReason.DuplicateSurvey => "duplicate_survey",
        RejectReason.FieldCount => "field_count",
        RejectReason.MalformedRow => "malformed_row",
        RejectReason.MissingDesignValue => "missing_design_value",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

/// <summary>
/// One problem of one rejected row, as rejects.csv lists it. A row with three problems has three.
/// <see cref="Row"/> is the row as a spreadsheet shows it (the header is row 1).
/// </summary>
public sealed record Reject(string Source, long Row, string ReturneeId, string Column, string Value, RejectReason Reason, string Message)
{
    /// <summary>Values longer than this are cut in rejects.csv and messages (the row still counts in full).</summary>
    public const int MaxValueLength = 200;

    public static string Cut(string value) =>
        value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength), $"… ({value.Length} characters)");
}
