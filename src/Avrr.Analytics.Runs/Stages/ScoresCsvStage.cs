using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// returnee_scores.csv: each worker formats the lines of the batches it scored, and the stage's consumer
/// appends them to the file in input order, so the file is the same bytes as one thread would write.
/// With the insights on, each line ends with the survey's profile (<see cref="ProfileStage"/>).
/// </summary>
internal sealed class ScoresCsvStage : RunStage, IBatchConsumer
{
    public const string File = "returnee_scores.csv";

    private readonly RunContext _run;
    private readonly ScoresCsvWriter _writer;
    private readonly ProfileStage? _profiles;

    public ScoresCsvStage(RunContext run, ProfileStage? profiles)
    {
        _run = run;
        _profiles = profiles;
        _writer = new ScoresCsvWriter(run.PathOf(File), run.Plan.Layout, profiles is not null);
    }

    public override string Name => "returnee_scores.csv";

    public override IWorkerStep NewWorkerStep() => new Formatting(this, new ScoresCsvWriter.Formatter(_run.Plan.Layout));

    public override IBatchConsumer Consumer => this;

    public void Consume(ScoredBatch batch) => _writer.Append(batch.Prepared<MemoryStream>(this));

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

    private sealed class Formatting(ScoresCsvStage stage, ScoresCsvWriter.Formatter formatter) : IWorkerStep
    {
        public void Run(ScoredBatch batch) => formatter.Format(batch.Batch, batch.Prepared<MemoryStream>(stage), stage._profiles?.ProfilesOf(batch));
    }
}
