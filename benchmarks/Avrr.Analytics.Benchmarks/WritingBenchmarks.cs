using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;
using BenchmarkDotNet.Attributes;

namespace Avrr.Analytics.Benchmarks;

/// <summary>Writing returnee_scores: formatting the CSV lines, and the Parquet file.</summary>
[MemoryDiagnoser]
public class WritingBenchmarks
{
    [Params(100_000)]
    public int Rows;

    private RunPlan _plan = null!;
    private List<SurveyBatch> _batches = null!;
    private string _folder = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_plan, _batches) = ScoredBatches.Load(Rows);
        _folder = Path.Combine(Path.GetTempPath(), "avrr-bench", "writing");
        Directory.CreateDirectory(_folder);
    }

    [Benchmark(Description = "format returnee_scores.csv lines")]
    public long FormatCsv()
    {
        var formatter = new ScoresCsvWriter.Formatter(_plan.Layout);
        var lines = new MemoryStream();
        long bytes = 0;
        foreach (var batch in _batches)
        {
            formatter.Format(batch, lines);
            bytes += lines.Length;
        }
        return bytes;
    }

    /// <summary>The sequential part of the Parquet output: cells from the scored batches into dictionaries, pages, Snappy.</summary>
    [Benchmark(Description = "write returnee_scores.parquet")]
    public long WriteParquet()
    {
        var path = Path.Combine(_folder, "scores.parquet");
        File.Delete(path);
        using (var writer = new ScoresParquetWriter(path, _plan.Layout))
            foreach (var batch in _batches) writer.Write(batch);
        return new FileInfo(path).Length;
    }
}
