using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Checks;

/// <summary>
/// Attribute names that point at a person other than by the personal-data words (docs/inputs.md,
/// "Headers"): an enumerator, a user, an id or a number. Such a column is kept (it may be what a
/// supervisor groups by) but <c>validate</c> warns about it, since returnee_scores would carry it.
/// </summary>
public static class IdentifyingNames
{
    /// <summary>Words of a column that names the enumerator who held the interview.</summary>
    public static readonly IReadOnlySet<string> EnumeratorWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "enumerator", "enumerateur", "enqueteur", "enqueteurs", "enqueteuse", "interviewer", "surveyor", "agent", "username", "user",
    };

    private static readonly HashSet<string> IdWords = new(StringComparer.Ordinal) { "id", "ids", "code", "number", "numero", "num", "no" };

    private static string[] Words(string name) =>
        AnswerText.Normalize(name).Split(['_', '-', '.', ' ', '/'], StringSplitOptions.RemoveEmptyEntries);

    public static bool IsEnumerator(string name) => Words(name).Any(EnumeratorWords.Contains);

    /// <summary>Why a column's name looks identifying, or null.</summary>
    public static string? Why(string name)
    {
        var words = Words(name);
        if (words.Any(EnumeratorWords.Contains)) return "its name says it is an enumerator or a user";
        if (words.Any(IdWords.Contains)) return "its name says it is an id or a number";
        return null;
    }
}
