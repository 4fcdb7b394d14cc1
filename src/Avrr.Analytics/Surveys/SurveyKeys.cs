namespace Avrr.Analytics.Surveys;

/// <summary>
/// The texts that identify a survey, <c>returnee_id</c> and <c>round</c>, are compared exactly, byte for
/// byte. A key longer than <see cref="MaxLength"/> characters is no real id (Kobo's are 36 to 41) and is
/// rejected as <see cref="RejectReason.KeyTooLong"/> (docs/inputs.md, "Rejected rows"), so every key the
/// run compares fits its records whole.
/// </summary>
public static class SurveyKeys
{
    /// <summary>The longest returnee_id or round, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>The most UTF-8 bytes a key of <see cref="MaxLength"/> characters takes.</summary>
    public const int MaxBytes = 4 * MaxLength;

    /// <summary>Whether a trimmed UTF-8 key has more than <see cref="MaxLength"/> characters.</summary>
    public static bool IsTooLong(ReadOnlySpan<byte> utf8) =>
        utf8.Length > MaxLength && System.Text.Encoding.UTF8.GetCharCount(utf8) > MaxLength;
}
