using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Runs.Stages;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;
using BenchmarkDotNet.Attributes;

namespace Avrr.Analytics.Benchmarks;

/// <summary>
/// Estimation: accumulating scored surveys into the domains of the default levels (all, country,
/// country+community, country+quarter) and computing every estimate, without and with a survey design
/// of clusters (communities) and strata (countries). Rows per second = Rows / time.
/// </summary>
[MemoryDiagnoser]
public class EstimationBenchmarks
{
    [Params(100_000)]
    public int Rows;

    [Params("weights", "clusters", "strata+clusters")]
    public string Design = "weights";

    private RunPlan _plan = null!;
    private List<SurveyBatch> _batches = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_plan, _batches) = Design switch
        {
            "weights" => ScoredBatches.Load(Rows),
            "clusters" => ScoredBatches.Load(Rows, cluster: "community"),
            _ => ScoredBatches.Load(Rows, cluster: "community", strata: "country"),
        };
    }

    [Benchmark(Description = "accumulate + estimate every group")]
    public int Estimate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "avrr-bench", "spill-" + Guid.NewGuid().ToString("N"));
        RunEstimates? estimates = null;
        using var stage = new EstimationStage(_plan, new RowSet(), folder, e => estimates = e);
        foreach (var batch in _batches) stage.Consume(new ScoredBatch(batch, 1));
        stage.Complete();
        return estimates!.Aggregates.Count;
    }
}
