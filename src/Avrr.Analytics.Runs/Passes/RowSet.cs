using System.Buffers.Binary;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>A set of row sequence numbers, one bit per row of the run; safe to add to from several threads.</summary>
internal sealed class RowSet(long rows = 0)
{
    private readonly ulong[] _bits = new ulong[(rows + 63) / 64];

    public void Add(long sequence) => Interlocked.Or(ref _bits[(int)(sequence >> 6)], 1UL << (int)(sequence & 63));

    /// <summary>How many rows are in the set.</summary>
    public long Count => _bits.Sum(b => (long)System.Numerics.BitOperations.PopCount(b));

    public bool Contains(long sequence)
    {
        var word = (int)(sequence >> 6);
        return word < _bits.Length && (_bits[word] & (1UL << (int)(sequence & 63))) != 0;
    }
}
