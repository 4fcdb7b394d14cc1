using Avrr.Analytics.Audit;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;
using BenchmarkDotNet.Attributes;

namespace Avrr.Analytics.Benchmarks;

/// <summary>
/// The audit of the index (docs/audit.md) on scored batches: what streams with a run (the workers' part and
/// the consumer's, one thread), its completion without the uncertainty analysis, and the uncertainty
/// analysis alone (N = 32: 224 variants of every kept survey). Surveys per second = Rows / time; survey
/// variants per second = kept surveys × 225 / time.
/// </summary>
[MemoryDiagnoser]
public class AuditBenchmarks
{
    [Params(100_000)]
    public int Rows;

    private RunPlan _plan = null!;
    private List<SurveyBatch> _batches = null!;
    private IndexAudit _streamed = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_plan, _batches) = ScoredBatches.Load(Rows);
        _streamed = Stream(new AuditOptions { Samples = 32, Threads = 1 });
    }

    private IndexAudit Stream(AuditOptions options)
    {
        var audit = new IndexAudit(_plan.Layout, options, Rows);
        var worker = audit.NewWorker();
        var prepared = new AuditBatch();
        foreach (var batch in _batches)
        {
            worker.Prepare(batch, prepared);
            audit.Add(batch, prepared);
        }
        return audit;
    }

    [Benchmark(Description = "stream: workers' and consumer's part")]
    public int Streaming() => Stream(new AuditOptions { Samples = 0, Threads = 1 }).Kept.Count;

    [Benchmark(Description = "stream + completion, no uncertainty analysis")]
    public int Tables() => Stream(new AuditOptions { Samples = 0, Threads = 1 }).Complete().Correlations.Count;

    [Benchmark(Description = "uncertainty analysis, N = 32, one thread")]
    public int Uncertainty()
    {
        var analysis = new UncertaintyAnalysis(_plan.Scheme, new AuditOptions { Samples = 32, Threads = 1 }, dontKnowExists: true);
        var cells = Enumerable.Range(0, 5).Select(_ => true).ToArray();
        return analysis.Run(_streamed.Kept, cells.Length, cells).Runs;
    }
}
