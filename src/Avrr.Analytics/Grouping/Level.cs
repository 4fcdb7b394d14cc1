namespace Avrr.Analytics.Grouping;

/// <summary>
/// A level of aggregation: the columns whose values form its groups (<c>country+community</c>), or none
/// for <c>all</c>, the whole sample. Variables are column ids: country, community, quarter, round, or
/// any attribute of the export.
/// </summary>
public sealed record Level(string Name, IReadOnlyList<string> Variables)
{
    /// <summary>Grouping columns a level may combine; more would rarely leave a cell above the suppression threshold.</summary>
    public const int MaxVariables = 4;

    public static Level All { get; } = new("all", []);

    /// <summary>Reads "country+sex" (ids joined by +, case and spaces ignored) or "all".</summary>
    public static Level Parse(string text)
    {
        var variables = text.Split('+', StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant()).ToArray();
        if (variables.Any(v => v.Length == 0)) throw new FormatException($"the level '{text}' has an empty column name");
        if (variables is ["all"]) return All;
        if (variables.Contains("all")) throw new FormatException($"the level '{text}' combines 'all' with columns; 'all' stands alone");
        if (variables.Distinct().Count() != variables.Length) throw new FormatException($"the level '{text}' names a column twice");
        if (variables.Length > MaxVariables) throw new FormatException($"the level '{text}' combines {variables.Length} columns; at most {MaxVariables}");
        return new Level(string.Join('+', variables), variables);
    }

    /// <summary>A list of levels separated by ';' or ',' ("country;country+sex").</summary>
    public static IReadOnlyList<Level> ParseList(string text) =>
        text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToArray();
}
