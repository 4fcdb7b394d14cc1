namespace Avrr.Analytics.Collections;

/// <summary>
/// Numbers distinct 64-bit values 0, 1, 2, … in the order they are first met, and gives each number's
/// value back: the distinct values of a measure (their double bits), the dictionary of a Parquet column.
/// </summary>
public sealed class Numbering(int capacity = 64, int loadPercent = 50)
{
    private readonly OpenTable<NumberKey, int> _numbers = new(capacity, loadPercent);
    private long[] _values = new long[Math.Max(4, capacity / 2)];

    public int Count => _numbers.Count;

    /// <summary>The value numbered <paramref name="number"/>.</summary>
    public long this[int number] => _values[number];

    /// <summary>The number of a value, numbering it when it is new.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int NumberOf(long value)
    {
        ref var number = ref _numbers.GetValueRefOrAddDefault(new NumberKey(value), out var exists);
        if (exists) return number;
        return number = Append(value);
    }

    private int Append(long value)
    {
        var number = _numbers.Count - 1;
        if (number == _values.Length) Array.Resize(ref _values, _values.Length * 2);
        _values[number] = value;
        return number;
    }

    public void Clear() => _numbers.Clear();
}
