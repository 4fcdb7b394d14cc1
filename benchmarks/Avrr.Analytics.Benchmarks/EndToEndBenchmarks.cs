using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs;
using BenchmarkDotNet.Attributes;

namespace Avrr.Analytics.Benchmarks;

/// <summary>
/// The whole `avrr run` in process: scores, aggregates at the default levels, panel change, CSV and
/// Parquet outputs, manifest. The wall time of the command itself (process start included) is measured
/// with hyperfine, see benchmarks/README.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class EndToEndBenchmarks
{
    [Params(100_000, 1_000_000)]
    public int Rows;

    private string _input = null!;
    private string _out = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = Samples.Csv(Rows);
        _out = Path.Combine(Path.GetTempPath(), "avrr-bench", $"out-{Rows}");
    }

    [Benchmark(Description = "avrr run (CSV + Parquet)")]
    public long Run() => EvaluationRun.Execute(new RunSettings { Inputs = [_input], OutputFolder = _out }).RowsScored;
}
