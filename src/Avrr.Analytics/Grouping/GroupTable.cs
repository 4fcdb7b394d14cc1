using System.Text;
using Avrr.Analytics.Collections;

namespace Avrr.Analytics.Grouping;

/// <summary>
/// Numbers the groups of a set of levels. Each grouping column's values are numbered as they are met
/// (on their UTF-8 bytes, without making strings per row), and each level's combination of value
/// numbers is a group with a run-wide id: the domain of the estimators.
/// </summary>
public sealed class GroupTable
{
    private readonly Utf8Table[] _values;
    private readonly List<string>[] _valueText;
    private readonly int[][] _levelVariables;            // for each level, the positions of its variables
    private readonly CombinationIndex[] _groups;         // for each level, its combinations of values
    private readonly List<int>[] _domainOfGroup;         // for each level, the run-wide domain of each of its groups
    private int _domains;

    /// <summary>
    /// The most groups a level may have (docs/methodology.md, "Limits"). Memory and time grow with the
    /// groups; a level with more is nearly always grouped by an id or a free text.
    /// </summary>
    public const int MaxGroups = 50_000;

    public IReadOnlyList<Level> Levels { get; }
    /// <summary>Every grouping column any level uses, in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    public GroupTable(IReadOnlyList<Level> levels)
    {
        Levels = levels;
        Variables = levels.SelectMany(l => l.Variables).Distinct().ToArray();
        _values = Variables.Select(_ => new Utf8Table()).ToArray();
        _valueText = Variables.Select(_ => new List<string>()).ToArray();
        _levelVariables = levels.Select(l => l.Variables.Select(IndexOfVariable).ToArray()).ToArray();
        _groups = levels.Select(_ => new CombinationIndex()).ToArray();
        _domainOfGroup = levels.Select(_ => new List<int>()).ToArray();
    }

    public int IndexOfVariable(string variable)
    {
        for (var i = 0; i < Variables.Count; i++) if (Variables[i] == variable) return i;
        return -1;
    }

    /// <summary>The number of a value of a grouping column, numbering it when it is new.</summary>
    public int ValueId(int variable, ReadOnlySpan<byte> utf8)
    {
        var table = _values[variable];
        if (table.TryGet(utf8, out var id)) return id;
        id = table.Count;
        table.TryAdd(utf8, id);
        _valueText[variable].Add(Encoding.UTF8.GetString(utf8));
        return id;
    }

    /// <summary>The text of a value of a grouping column, by its number.</summary>
    public string ValueText(int variable, int valueId) => _valueText[variable][valueId];

    /// <summary>The domain of a level for a survey whose grouping columns have the given value numbers (by variable position).</summary>
    public int Domain(int level, ReadOnlySpan<int> valueIds)
    {
        var positions = _levelVariables[level];
        Span<int> key = stackalloc int[positions.Length];
        for (var i = 0; i < positions.Length; i++) key[i] = valueIds[positions[i]];
        var group = _groups[level].IdOf(key);
        var domains = _domainOfGroup[level];
        if (group == domains.Count)
        {
            if (group == MaxGroups)
            {
                var busiest = Busiest(positions);
                throw TooManyGroupsException.ForLevel(Levels[level].Name, Variables[busiest], _values[busiest].Count, MaxGroups);
            }
            domains.Add(_domains++);
        }
        return domains[group];
    }

    /// <summary>Of the given grouping columns (by position), the one with the most distinct values.</summary>
    internal int Busiest(IEnumerable<int> positions) => positions.MaxBy(v => _values[v].Count);

    /// <summary>The distinct values of a grouping column so far.</summary>
    internal int ValueCount(int variable) => _values[variable].Count;

    /// <summary>The domains of a level with their value texts (in the level's variable order), sorted by those texts (ordinal).</summary>
    public IReadOnlyList<(int Domain, string[] Values)> DomainsOf(int level)
    {
        var positions = _levelVariables[level];
        var groups = _groups[level];
        return Enumerable.Range(0, groups.Count)
            .Select(g => (Domain: _domainOfGroup[level][g], Values: Texts(positions, groups[g])))
            .OrderBy(d => d.Values, ValuesComparer.Instance)
            .ToArray();
    }

    private string[] Texts(int[] positions, ReadOnlySpan<int> values)
    {
        var texts = new string[values.Length];
        for (var i = 0; i < values.Length; i++) texts[i] = _valueText[positions[i]][values[i]];
        return texts;
    }

    private sealed class ValuesComparer : IComparer<string[]>
    {
        public static ValuesComparer Instance { get; } = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0) return c;
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
