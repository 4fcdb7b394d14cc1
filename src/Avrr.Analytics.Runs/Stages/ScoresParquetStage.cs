using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>returnee_scores.parquet: the scored rows of each batch go straight into the writer's column chunks, in input order.</summary>
internal sealed class ScoresParquetStage : RunStage, IBatchConsumer
{
    public const string File = "returnee_scores.parquet";

    private readonly RunContext _run;
    private readonly ScoresParquetWriter _writer;
    private readonly ProfileStage? _profiles;

    public ScoresParquetStage(RunContext run, ProfileStage? profiles)
    {
        _run = run;
        _profiles = profiles;
        _writer = new ScoresParquetWriter(run.PathOf(File), run.Plan.Layout, profiles is not null);
    }

    public override string Name => "returnee_scores.parquet";

    public override IBatchConsumer Consumer => this;

    public void Consume(ScoredBatch batch) => _writer.Write(batch.Batch, _profiles?.ProfilesOf(batch));

    public override void Finish()
    {
        _finished = true;
        _writer.Dispose();
        _run.Wrote(File);
    }

    private bool _finished;

    /// <summary>A failed run's file is discarded with the partial folder: it only needs closing.</summary>
    public override void Dispose()
    {
        if (_finished) return;
        _finished = true;
        try { _writer.Dispose(); } catch (IOException) { } catch (ObjectDisposedException) { }
    }
}
