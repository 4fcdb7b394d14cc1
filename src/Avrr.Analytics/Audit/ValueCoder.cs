using System.Runtime.InteropServices;

namespace Avrr.Analytics.Audit;

/// <summary>
/// Numbers the distinct values of a score as they are met (exact doubles; −1 for missing), then gives
/// them in ascending order with the position of each number in that order. For the scores with many
/// values (dimensions, composite, wide indicators), whose joint tables are built from the kept surveys.
/// </summary>
internal sealed class ValueCoder
{
    private readonly Dictionary<double, int> _codes = [];
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public int Code(double value)
    {
        if (double.IsNaN(value)) return -1;
        ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(_codes, value, out var exists);
        if (!exists)
        {
            code = _values.Count;
            _values.Add(value);
        }
        return code;
    }

    /// <summary>The values in ascending order, and for each number its position in them.</summary>
    public (double[] Values, int[] Position) Sorted()
    {
        var order = Enumerable.Range(0, _values.Count).OrderBy(c => _values[c]).ToArray();
        var position = new int[order.Length];
        for (var p = 0; p < order.Length; p++) position[order[p]] = p;
        return (order.Select(c => _values[c]).ToArray(), position);
    }
}
