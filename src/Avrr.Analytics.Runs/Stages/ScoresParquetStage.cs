using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// returnee_scores.parquet: the scored rows of each batch go straight into the writer's column chunks, in input
/// order; with partition columns, a Hive-style tree returnee_scores/COL=VALUE/…/part-N.parquet instead
/// (docs/outputs.md, "A partitioned tree").
/// </summary>
internal sealed class ScoresParquetStage : RunStage, IBatchConsumer
{
    public const string File = "returnee_scores.parquet", Tree = "returnee_scores";

    private readonly RunContext _run;
    private readonly ScoresParquetWriter? _writer;
    private readonly PartitionedScoresWriter? _tree;
    private readonly ProfileStage? _profiles;

    public ScoresParquetStage(RunContext run, ProfileStage? profiles)
    {
        _run = run;
        _profiles = profiles;
        if (run.Plan.PartitionColumns.Count > 0)
            _tree = new PartitionedScoresWriter(Tree, run.Plan.Layout, run.Plan.PartitionColumns, run.PathOf, profiles is not null);
        else _writer = new ScoresParquetWriter(run.PathOf(File), run.Plan.Layout, profiles is not null);
    }

    public override string Name => "returnee_scores.parquet";

    public override IBatchConsumer Consumer => this;

    public void Consume(ScoredBatch batch)
    {
        var profiles = _profiles?.ProfilesOf(batch);
        if (_tree is not null) _tree.Write(batch.Batch, profiles);
        else _writer!.Write(batch.Batch, profiles);
    }

    public override void Finish()
    {
        _finished = true;
        if (_tree is not null)
        {
            _tree.Dispose();
            foreach (var file in _tree.Files) _run.Wrote(file);
            return;
        }
        _writer!.Dispose();
        _run.Wrote(File);
    }

    private bool _finished;

    /// <summary>A failed run's file is discarded with the partial folder: it only needs closing.</summary>
    public override void Dispose()
    {
        if (_finished) return;
        _finished = true;
        try { _tree?.Dispose(); _writer?.Dispose(); } catch (IOException) { } catch (ObjectDisposedException) { }
    }
}
