namespace Avrr.Analytics.Vocabulary;

/// <summary>
/// The Levenshtein distance (insertions, deletions and substitutions, each costing 1), for "did you
/// mean": the closest header to a missing column, the closest flag or key to a typo.
/// </summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The option nearest to <paramref name="wanted"/> (case ignored) when it is near enough to be a typo:
    /// at most 2 edits, or a quarter of the letters of a long word; null otherwise.
    /// </summary>
    public static string? Nearest(string wanted, IEnumerable<string> options)
    {
        var target = wanted.ToLowerInvariant();
        var best = options.Select(o => (Option: o, Distance: Between(target, o.ToLowerInvariant()))).OrderBy(p => p.Distance).FirstOrDefault();
        return best.Option is not null && best.Distance <= Math.Max(2, target.Length / 4) ? best.Option : null;
    }
}
