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

    /// <summary>
    /// Fibonacci hashing: the top bits of the product, which depend on every bit of the double. (Scores
    /// such as 0.25 or 0.75 have only their top bits set; lower bits of the product were all 0 for them,
    /// so they shared one slot and every lookup walked past the others.)
    /// </summary>
    private static int Slot(long bits, int mask) =>
        (int)(((ulong)bits * 0x9E3779B97F4A7C15UL) >> (64 - System.Numerics.BitOperations.PopCount((uint)mask)));

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
