using System.Runtime.InteropServices;

namespace Avrr.Analytics.Grouping;

/// <summary>
/// Numbers combinations of value numbers (one per grouping column) in the order they are first met: the
/// groups of a level (<see cref="GroupTable"/>), the cells of a run (<see cref="CellIndex"/>). Up to four
/// value numbers below 65,535 pack into one 64-bit key, which is nearly every combination and costs one
/// dictionary lookup; any other is keyed by its text.
/// </summary>
public sealed class CombinationIndex
{
    private readonly Dictionary<ulong, int> _packed = [];
    private readonly Dictionary<string, int> _unpacked = new(StringComparer.Ordinal);
    private readonly List<int[]> _combinations = [];

    public int Count => _combinations.Count;

    /// <summary>The value numbers of a combination, by its number.</summary>
    public ReadOnlySpan<int> this[int id] => _combinations[id];

    /// <summary>The number of a combination, numbering it when it is new.</summary>
    public int IdOf(ReadOnlySpan<int> values)
    {
        var fits = values.Length <= 4;
        ulong packed = 0;
        for (var i = 0; i < values.Length && fits; i++)
        {
            fits = (uint)values[i] < 0xFFFF;
            packed |= (ulong)(values[i] + 1) << (16 * i);
        }
        if (fits)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_packed, packed, out var exists);
            if (!exists) id = Add(values);
            return id;
        }
        var key = string.Join(',', values.ToArray());
        if (!_unpacked.TryGetValue(key, out var found)) _unpacked[key] = found = Add(values);
        return found;
    }

    private int Add(ReadOnlySpan<int> values)
    {
        _combinations.Add(values.ToArray());
        return _combinations.Count - 1;
    }
}
