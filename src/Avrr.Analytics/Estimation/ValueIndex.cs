using Avrr.Analytics.Collections;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// Numbers the distinct values of one measure as they are met (by the bits of the double). Scores take
/// few distinct values, so every domain can keep its quantile state by value number instead of hashing
/// doubles again.
/// </summary>
internal sealed class ValueIndex
{
    private readonly Numbering _numbers = new(capacity: 1024);

    public int Count => _numbers.Count;

    public double ValueOf(int id) => BitConverter.Int64BitsToDouble(_numbers[id]);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int IdOf(double value) => _numbers.NumberOf(BitConverter.DoubleToInt64Bits(value));
}
