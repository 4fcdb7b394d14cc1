using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// A scored batch as the stages see it: the library's <see cref="SurveyBatch"/>, and beside it one object
/// per stage that the stage's worker step prepares from it for the stage's consumer (the CSV lines of the
/// scores, say). The pipeline reuses a batch and its objects from block to block, so that preparing
/// allocates once per batch in flight, not once per block; the library batch never sees them.
/// </summary>
public sealed class ScoredBatch
{
    private readonly object?[] _prepared;

    internal ScoredBatch(SurveyBatch batch, int stages)
    {
        Batch = batch;
        _prepared = new object?[stages];
    }

    public SurveyBatch Batch { get; }

    /// <summary>The object a stage keeps with this batch: made on first use, the same one for every block this batch carries.</summary>
    public T Prepared<T>(RunStage stage) where T : class, new() => (T)(_prepared[stage.Index] ??= new T());
}
