namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// The ordered work of a stage in pass 2: every scored batch in input order, on a thread of the stage's
/// own, then <see cref="Complete"/> on the same thread once the last batch has been seen (while the other
/// consumers may still be at their last batches).
/// </summary>
public interface IBatchConsumer
{
    void Consume(ScoredBatch batch);

    void Complete() { }
}
