namespace Avrr.Analytics.Surveys;

/// <summary>Which of the submissions of one survey is kept (docs/inputs.md, "Duplicate rule"); the others are rejected as duplicate_survey.</summary>
public enum DuplicatePolicy
{
    /// <summary>The first in input order.</summary>
    KeepFirst,
    /// <summary>
    /// The latest by the export's submission time (Kobo's <c>_submission_time</c>, ODK's <c>SubmissionDate</c>)
    /// when the export has one, else the last in input order: in Kobo the later submission is often the correction.
    /// </summary>
    KeepLast,
}
