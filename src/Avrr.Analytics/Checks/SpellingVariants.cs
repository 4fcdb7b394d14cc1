using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Checks;

/// <summary>
/// Values of a grouping column that differ only by case, accents or spaces (<c>Senegal</c>, <c>Sénégal</c>,
/// <c>sénégal</c>): the engine keeps values as written, so they are separate groups. Found so that a person
/// is warned and can add a recode table (docs/inputs.md, "Spellings of one place").
/// </summary>
public static class SpellingVariants
{
    /// <summary>A value as a person would read it: no case, no accents, no spaces at all.</summary>
    public static string Key(string value) => AnswerText.Normalize(value).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The sets of two or more spellings of one value, each with its count, most frequent first; sets in order of their first spelling.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Value, long Count)>> Find(IEnumerable<(string Value, long Count)> values) =>
        values.GroupBy(v => Key(v.Value), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<(string, long)>)g.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToArray())
            .OrderBy(g => g[0].Item1, StringComparer.Ordinal)
            .ToArray();
}
