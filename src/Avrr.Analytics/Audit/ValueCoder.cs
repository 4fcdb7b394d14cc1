namespace Avrr.Analytics.Audit;

/// <summary>
/// Numbers the distinct values of a score as they are met (exact doubles; −1 for missing), then gives
/// them in ascending order with the position of each number in that order. For the scores with many
/// values (dimensions, composite, wide indicators), whose joint tables are built from the kept surveys.
/// An open-addressing table on the values' bits: one multiply and usually one probe a survey.
/// </summary>
internal sealed class ValueCoder
{
    private ulong[] _keys = new ulong[1024];
    private int[] _codes = new int[1024];     // code + 1; 0 marks a free slot
    private int _shift = 64 - 10;
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public int Code(double value)
    {
        if (double.IsNaN(value)) return -1;
        var bits = BitConverter.DoubleToUInt64Bits(value == 0 ? 0.0 : value);   // -0 and +0 are one value
        var mask = _keys.Length - 1;
        var slot = (int)((bits * 0x9E3779B97F4A7C15UL) >> _shift);
        while (_codes[slot] != 0)
        {
            if (_keys[slot] == bits) return _codes[slot] - 1;
            slot = (slot + 1) & mask;
        }
        _keys[slot] = bits;
        _codes[slot] = _values.Count + 1;
        _values.Add(value);
        if (_values.Count * 2 > _keys.Length) Grow();
        return _values.Count - 1;
    }

    private void Grow()
    {
        var (keys, codes) = (_keys, _codes);
        _keys = new ulong[keys.Length * 2];
        _codes = new int[keys.Length * 2];
        _shift--;
        var mask = _keys.Length - 1;
        for (var s = 0; s < keys.Length; s++)
        {
            if (codes[s] == 0) continue;
            var slot = (int)((keys[s] * 0x9E3779B97F4A7C15UL) >> _shift);
            while (_codes[slot] != 0) slot = (slot + 1) & mask;
            (_keys[slot], _codes[slot]) = (keys[s], codes[s]);
        }
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
