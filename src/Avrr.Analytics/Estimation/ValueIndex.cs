namespace Avrr.Analytics.Estimation;

/// <summary>
/// Numbers the distinct values of one measure as they are met (open addressing on the bits of the
/// double). Scores take few distinct values, so every domain can keep its quantile state by value
/// number instead of hashing doubles again.
/// </summary>
internal sealed class ValueIndex
{
    private long[] _keys = new long[1024];
    private int[] _ids = new int[1024];          // id + 1; 0 marks an empty slot
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public double ValueOf(int id) => _values[id];

    public int IdOf(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var mask = _keys.Length - 1;
        var slot = Slot(bits, mask);
        while (true)
        {
            var id = _ids[slot];
            if (id == 0) break;
            if (_keys[slot] == bits) return id - 1;
            slot = (slot + 1) & mask;
        }
        _values.Add(value);
        _keys[slot] = bits;
        _ids[slot] = _values.Count;
        if (_values.Count * 2 > _keys.Length) Grow();
        return _values.Count - 1;
    }

    private static int Slot(long bits, int mask) => (int)(((ulong)bits * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    private void Grow()
    {
        var keys = _keys;
        var ids = _ids;
        _keys = new long[keys.Length * 2];
        _ids = new int[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (ids[i] == 0) continue;
            var slot = Slot(keys[i], mask);
            while (_ids[slot] != 0) slot = (slot + 1) & mask;
            _keys[slot] = keys[i];
            _ids[slot] = ids[i];
        }
    }
}

/// <summary>The weight of each value (by number) in one domain: total and last, for <see cref="WeightedQuantiles"/>.</summary>
internal sealed class ValueWeights
{
    private int[] _slots = new int[16];               // value id + 1; 0 marks an empty slot
    private int[] _entry = new int[16];               // where the slot's weights are
    private double[] _total = new double[8];
    private double[] _last = new double[8];
    private int[] _valueIds = new int[8];
    private int _count;

    public int Count => _count;

    public void Add(int valueId, double weight)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(((uint)valueId * 0x9E3779B1u) >> 8) & mask;
        while (true)
        {
            var id = _slots[slot];
            if (id == 0) break;
            if (id == valueId + 1)
            {
                var e = _entry[slot];
                _total[e] += weight;
                _last[e] = weight;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (_count == _total.Length)
        {
            Array.Resize(ref _total, _count * 2);
            Array.Resize(ref _last, _count * 2);
            Array.Resize(ref _valueIds, _count * 2);
        }
        _slots[slot] = valueId + 1;
        _entry[slot] = _count;
        _total[_count] = weight;
        _last[_count] = weight;
        _valueIds[_count] = valueId;
        _count++;
        if (_count * 2 > _slots.Length) Grow();
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        _entry = new int[_slots.Length];
        var mask = _slots.Length - 1;
        for (var e = 0; e < _count; e++)
        {
            var slot = (int)(((uint)_valueIds[e] * 0x9E3779B1u) >> 8) & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = _valueIds[e] + 1;
            _entry[slot] = e;
        }
    }

    /// <summary>The quantiles by the rule of <see cref="WeightedQuantiles"/>.</summary>
    public void Compute(ValueIndex index, long count, ReadOnlySpan<double> probabilities, Span<double> quantiles)
    {
        var order = new int[_count];
        var values = new double[_count];
        for (var e = 0; e < _count; e++) { order[e] = e; values[e] = index.ValueOf(_valueIds[e]); }
        Array.Sort(values, order);
        var totals = new double[_count];
        var lasts = new double[_count];
        for (var k = 0; k < _count; k++) { totals[k] = _total[order[k]]; lasts[k] = _last[order[k]]; }
        WeightedQuantiles.Compute(values, totals, lasts, count, probabilities, quantiles);
    }
}
