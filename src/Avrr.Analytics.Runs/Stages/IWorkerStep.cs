namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// Per-survey work of a stage that runs on the scoring workers, right after a batch is scored, so that it
/// uses every core. Batches come in any order; what the step prepares for the stage's consumer goes into
/// <see cref="ScoredBatch.Prepared{T}"/>.
/// </summary>
public interface IWorkerStep
{
    void Run(ScoredBatch batch);
}
