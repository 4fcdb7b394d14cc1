using System.Globalization;
using Avrr.Analytics.Collections;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// Numbers the distinct values of one measure as they are met, for the quantiles (docs/methodology.md,
/// "Quantiles"). Values equal to about 1e-12 relative are one value: each is keyed by its rounding to 12
/// significant digits (R's <c>signif(x, 12)</c>), so that scores equal in exact arithmetic but reached by
/// different sums ((0.5 + 1 + 5/6 + 0 + 5/6)/5 = 0.6333333333333334 and (0.5 + 1 + 2/3 + 0.5 + 0.5)/5 =
/// 0.6333333333333333) are tied, as R sees them in returnee_scores.csv, rather than ordered by their last bit.
/// Only the key is rounded: a value's number stands for the smallest double of its key that was met, which is
/// what a quantile on it publishes, whatever the order the values came in (a run, or partials merged in any order).
/// <para>
/// Scores take few distinct values, so every domain can keep its quantile state by value number instead of
/// hashing doubles again; a double met before finds its number by its bits alone, and only a new one is keyed.
/// </para>
/// </summary>
internal sealed class ValueIndex
{
    private readonly Numbering _bits = new(capacity: 1024);    // each distinct double met, in order
    private readonly Numbering _keys = new(capacity: 1024);    // each key met, in order: the value numbers
    private int[] _numberOfBits = new int[256];                // the value number of each distinct double
    private double[] _values = new double[256];                 // the value of each number: its key's smallest double

    /// <summary>The distinct values (keys) met so far.</summary>
    public int Count => _keys.Count;

    public double ValueOf(int id) => _values[id];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int IdOf(double value)
    {
        var seen = _bits.Count;
        var bits = _bits.NumberOf(BitConverter.DoubleToInt64Bits(value));
        return bits < seen ? _numberOfBits[bits] : Number(bits, value);
    }

    /// <summary>A double met for the first time: the number of its key, which it may now stand for.</summary>
    private int Number(int bits, double value)
    {
        var keys = _keys.Count;
        var id = _keys.NumberOf(BitConverter.DoubleToInt64Bits(Key(value)));
        if (bits == _numberOfBits.Length) Array.Resize(ref _numberOfBits, _numberOfBits.Length * 2);
        _numberOfBits[bits] = id;
        if (id == _values.Length) Array.Resize(ref _values, _values.Length * 2);
        _values[id] = id == keys ? value : Math.Min(_values[id], value);
        return id;
    }

    /// <summary>
    /// The key of a value: its rounding to 12 significant decimal digits (exact decimal rounding of the double),
    /// 0 for either zero. Rounding is monotone, so keys sort as their values do.
    /// </summary>
    internal static double Key(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return value == 0 ? 0 : value;
        return double.Parse(value.ToString("E11", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
