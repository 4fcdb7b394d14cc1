using System.Buffers.Binary;
using Avrr.Analytics.Runs.Passes;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Spill buckets give back every record of a bucket in the order it was appended, whether it stayed in
/// memory or went to disk on the way, and there are more of them for more records, so that one bucket
/// read back stays about the same size as inputs grow (what keeps a run's memory flat).
/// </summary>
public sealed class SpillBucketsTests
{
    [Theory]
    [InlineData(0, 64)]
    [InlineData(1_000_000, 64)]          // 1,000,000 / 16,384 = 61.04 → 62 → 64 (the floor)
    [InlineData(1_100_000, 128)]         // 67.1 → 68 → the next power of two, 128
    [InlineData(4_000_000, 256)]         // 244.1 → 245 → 256
    [InlineData(1_000_000_000, 4096)]    // 61,035 → capped at 4096
    public void More_records_get_more_buckets(long records, int buckets) => Assert.Equal(buckets, SpillBuckets.CountFor(records));

    [Fact]
    public void Buckets_spilled_to_files_may_be_disposed_twice_as_a_merge_does_after_deleting_their_folder()
    {
        // A merge with returnee summaries of 100,000 rows a partial exited 4: its buckets were disposed before their
        // folder was deleted, and again as the merge unwound, which deleted the files a second time.
        var folder = TestFiles.TempFolder();
        var buckets = new SpillBuckets(folder, "test", expectedRecords: 100_000, memoryLimit: 4096);
        var record = new byte[100];
        for (var i = 0; i < 10_000; i++) buckets.Append(i % buckets.Count, record);
        Assert.NotEmpty(Directory.EnumerateFiles(folder));
        buckets.Dispose();
        Assert.Empty(Directory.EnumerateFiles(folder));
        Directory.Delete(folder);
        buckets.Dispose();
    }

    [Theory]
    [InlineData(1 << 20)]   // everything stays in memory
    [InlineData(4096)]      // spilled to files many times over
    public void A_bucket_reads_back_its_records_in_order(long memoryLimit)
    {
        using var buckets = new SpillBuckets(TestFiles.TempFolder(), "test", expectedRecords: 4_000_000, memoryLimit);
        Assert.Equal(256, buckets.Count);
        var expected = Enumerable.Range(0, buckets.Count).Select(_ => new List<long>()).ToArray();
        var record = new byte[8 + 100];
        for (long i = 0; i < 20_000; i++)
        {
            var fingerprint = (ulong)(i * 2654435761L);
            var bucket = buckets.BucketOf(fingerprint);
            BinaryPrimitives.WriteInt64LittleEndian(record, i);
            var length = 8 + (int)(i % 100);          // records of different lengths, some across chunk boundaries
            record.AsSpan(8, length - 8).Fill((byte)i);
            buckets.Append(bucket, record.AsSpan(0, length));
            expected[bucket].Add(i);
        }
        var buffer = Array.Empty<byte>();
        for (var b = 0; b < buckets.Count; b++)
        {
            var length = buckets.Read(b, ref buffer);
            var read = new List<long>();
            for (var p = 0; p < length;)
            {
                var i = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(p));
                var size = 8 + (int)(i % 100);
                Assert.All(buffer.AsSpan(p + 8, size - 8).ToArray(), x => Assert.Equal((byte)i, x));
                read.Add(i);
                p += size;
            }
            Assert.Equal(expected[b], read);
        }
        Assert.Equal(20_000, expected.Sum(e => e.Count));
    }
}
