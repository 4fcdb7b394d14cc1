using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;
using BenchmarkDotNet.Attributes;

namespace Avrr.Analytics.Benchmarks;

/// <summary>
/// CSV ingestion: probing a file (SHA-256, encoding, header), reading every row into batches (the
/// quote-free reader the runs use, and CsvHelper for every line as the reference), and the first pass (survey keys only: the quote-free reader, fingerprints, spill buckets,
/// duplicates). Divide the file size (printed by the setup) by the time for MB/s.
/// </summary>
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    [Params(100_000)]
    public int Rows;

    private RunPlan _plan = null!;
    private SurveyBatch _batch = null!;
    private bool[] _all = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Samples.Csv(Rows);
        Console.WriteLine($"// {path}: {new FileInfo(path).Length / 1e6:F1} MB");
        _plan = RunPlan.Create(new RunSettings { Inputs = [path] });
        _batch = new SurveyBatch(_plan.Layout);
        _all = Enumerable.Repeat(true, _plan.Layout.ColumnCount).ToArray();
        _keys = new bool[_plan.Layout.ColumnCount];
        _keys[SurveyLayout.ReturneeId] = _keys[SurveyLayout.Round] = _keys[SurveyLayout.SurveyDate] = true;
    }

    private bool[] _keys = null!;

    [Benchmark(Description = "probe: SHA-256, UTF-8 check, header")]
    public string Probe() => CsvDialect.Probe(_plan.Inputs[0].Path).Sha256;

    [Benchmark(Description = "read every field into batches (quote-free reader)")]
    public long Read() => ReadAll(_plan.Inputs[0].OpenReader(_plan.Layout), _all);

    [Benchmark(Description = "read every field into batches (CsvHelper)")]
    public long ReadWithCsvHelper() => ReadAll(_plan.Inputs[0].OpenCsvHelperReader(_plan.Layout), _all);

    [Benchmark(Description = "pass 1: read the survey keys (quote-free reader)")]
    public long ReadKeys() => ReadAll(_plan.Inputs[0].OpenReader(_plan.Layout), _keys);

    /// <summary>Reads every row of the input into the batch, the wanted columns only; returns the rows.</summary>
    private long ReadAll(ISurveyRowReader reader, bool[] wanted)
    {
        using (reader)
        {
            long sequence = 0;
            while (reader.Fill(_batch, wanted, ref sequence)) { }
            return sequence;
        }
    }

    [Benchmark(Description = "pass 1: survey keys, duplicates and panel rows")]
    public long ScanKeys()
    {
        var spill = Path.Combine(Path.GetTempPath(), "avrr-bench", "keys");
        return SurveyKeyScan.Run(_plan.Inputs, _plan.Layout, spill).Rows;
    }

    [Benchmark(Description = "read, validate, decode and score")]
    public long ReadAndScore()
    {
        long sequence = 0;
        var processor = new SurveyProcessor(_plan.Layout);
        using var reader = _plan.Inputs[0].OpenReader(_plan.Layout);
        while (reader.Fill(_batch, _all, ref sequence)) processor.Process(_batch, DuplicateSurveys.None);
        return sequence;
    }
}
