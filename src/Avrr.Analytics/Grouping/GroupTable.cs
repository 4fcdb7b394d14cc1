using System.Text;
using Avrr.Analytics.Scoring;

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
    private readonly Dictionary<(int, int, int, int), int>[] _groups;
    private readonly Dictionary<ulong, int>[] _packed;     // the same, keyed by value numbers packed 16 bits each while they fit
    private readonly List<(int Level, int[] Values)> _domains = [];

    public IReadOnlyList<Level> Levels { get; }
    /// <summary>Every grouping column any level uses, in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    public GroupTable(IReadOnlyList<Level> levels)
    {
        Levels = levels;
        Variables = levels.SelectMany(l => l.Variables).Distinct().ToArray();
        _values = Variables.Select(_ => new Utf8Table()).ToArray();
        _valueText = Variables.Select(_ => new List<string>()).ToArray();
        _levelVariables = levels.Select(l => l.Variables.Select(v => IndexOfVariable(v)).ToArray()).ToArray();
        _groups = levels.Select(_ => new Dictionary<(int, int, int, int), int>()).ToArray();
        _packed = levels.Select(_ => new Dictionary<ulong, int>()).ToArray();
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

    /// <summary>The domain of a level for a survey whose grouping columns have the given value numbers (by variable position).</summary>
    public int Domain(int level, ReadOnlySpan<int> valueIds)
    {
        var positions = _levelVariables[level];
        // Fast path: value numbers below 65535 pack into one 64-bit key.
        ulong packed = 0;
        var fits = true;
        for (var i = 0; i < positions.Length; i++)
        {
            var id = valueIds[positions[i]];
            fits &= id < 0xFFFF;
            packed |= (ulong)(id + 1) << (16 * i);
        }
        if (fits && _packed[level].TryGetValue(packed, out var known)) return known;
        var domain = DomainSlow(level, valueIds);
        if (fits) _packed[level][packed] = domain;
        return domain;
    }

    private int DomainSlow(int level, ReadOnlySpan<int> valueIds)
    {
        var positions = _levelVariables[level];
        Span<int> key = stackalloc int[Level.MaxVariables];
        key.Fill(-1);
        for (var i = 0; i < positions.Length; i++) key[i] = valueIds[positions[i]];
        var tuple = (key[0], key[1], key[2], key[3]);
        ref var domain = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_groups[level], tuple, out var exists);
        if (!exists)
        {
            domain = _domains.Count;
            _domains.Add((level, key[..positions.Length].ToArray()));
        }
        return domain;
    }

    /// <summary>The domains of a level with their value texts (in the level's variable order), sorted by those texts (ordinal).</summary>
    public IReadOnlyList<(int Domain, string[] Values)> DomainsOf(int level)
    {
        var positions = _levelVariables[level];
        return _groups[level].Values
            .Select(d => (Domain: d, Values: _domains[d].Values.Select((v, i) => _valueText[positions[i]][v]).ToArray()))
            .OrderBy(d => d.Values, ValuesComparer.Instance)
            .ToArray();
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
