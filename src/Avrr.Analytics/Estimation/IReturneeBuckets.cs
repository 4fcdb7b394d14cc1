namespace Avrr.Analytics.Estimation;

/// <summary>
/// Byte records split into buckets by the fingerprint of their returnee, so that every record of one
/// returnee is in one bucket, then read back a bucket at a time. Where they are kept (memory, spill
/// files) is the caller's business: the runner's implementation keeps memory flat as files grow.
/// </summary>
public interface IReturneeBuckets
{
    int Count { get; }

    /// <summary>The bucket of a returnee's records, from the fingerprint of its id.</summary>
    int BucketOf(ulong fingerprint);

    void Append(int bucket, ReadOnlySpan<byte> record);

    /// <summary>
    /// Every record of a bucket, in the order appended, at the start of <paramref name="buffer"/> (replaced by
    /// a larger one when too small); returns their length. Safe for different buckets at once, after the last append.
    /// </summary>
    int Read(int bucket, ref byte[] buffer);
}
