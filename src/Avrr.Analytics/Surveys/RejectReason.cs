namespace Avrr.Analytics.Surveys;

/// <summary>Why a row was rejected (docs/inputs.md, "Rejected rows"). Each has a stable snake_case name, used in rejects.csv and the manifest.</summary>
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
    /// <summary>A field holds a NUL byte, which is not text (a damaged export).</summary>
    NulByte,
    /// <summary>returnee_id or round is longer than <see cref="SurveyKeys.MaxLength"/> characters, so it cannot be compared exactly.</summary>
    KeyTooLong,
    /// <summary>A field is longer than <see cref="SurveyBatch.MaxFieldChars"/> characters: it is not read, so that no stage holds such a value.</summary>
    FieldTooLong,
}
