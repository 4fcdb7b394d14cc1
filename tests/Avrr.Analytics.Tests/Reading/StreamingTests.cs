using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.IO.Samples;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// The readers stream: each Fill puts at most the batch's capacity of rows in it, and the batches together hold every
/// row of the file once, numbered as the file shows them. (Speed and memory are measured by the benchmarks, not here.)
/// </summary>
public sealed class StreamingTests
{
    private static List<(int Count, long FirstRow, long LastRow)> ReadInBatches(string path, int capacity, ReadOptions? options = null)
    {
        var input = SurveyInput.Open(path, 0, Scheme.Rss15, options ?? new ReadOptions());
        var layout = new SurveyLayout(Scheme.Rss15, input.Header.Attributes);
        var batch = new SurveyBatch(layout, capacity);
        var wanted = Enumerable.Repeat(true, layout.ColumnCount).ToArray();
        var batches = new List<(int, long, long)>();
        long sequence = 0;
        using var reader = input.OpenReader(layout);
        while (reader.Fill(batch, wanted, ref sequence))
        {
            Assert.InRange(batch.Count, 1, batch.Capacity);
            batches.Add((batch.Count, batch.RowNumber[0], batch.RowNumber[batch.Count - 1]));
        }
        Assert.Equal(batches.Sum(b => (long)b.Item1), sequence);
        return batches;
    }

    [Fact]
    public void A_50000_row_csv_is_read_in_full_batches_of_the_batch_capacity()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "sample.csv");
        SampleExport.Write(path, 50_000, seed: 7);
        var batches = ReadInBatches(path, capacity: 4096);
        Assert.Equal(50_000, batches.Sum(b => b.Count));
        Assert.Equal((int)Math.Ceiling(50_000 / 4096.0), batches.Count);
        Assert.All(batches.SkipLast(1), b => Assert.Equal(4096, b.Count));
        // Row numbers run on from batch to batch: the header is row 1.
        Assert.Equal(2, batches[0].FirstRow);
        Assert.Equal(50_001, batches[^1].LastRow);
        for (var i = 1; i < batches.Count; i++) Assert.Equal(batches[i - 1].LastRow + 1, batches[i].FirstRow);
    }

    [Theory]
    [InlineData("plain.csv")]
    [InlineData("kobo-fr-semicolon-bom.csv")]
    [InlineData("kobo-export.xlsx")]
    [InlineData("plain.parquet")]
    public void Every_format_fills_batches_of_at_most_their_capacity(string fixture)
    {
        var batches = ReadInBatches(TestFiles.Data(fixture), capacity: 3);
        Assert.Equal([(3, 2L, 4L), (3, 5L, 7L), (2, 8L, 9L)], batches);
    }
}
