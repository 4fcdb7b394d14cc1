namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// One stage of an evaluation run (docs/architecture.md). A stage takes part in pass 2 through either
/// or both of
/// <list type="bullet">
/// <item>a <see cref="IWorkerStep"/>, run by every scoring worker on the batches it scored (in any
/// order, on every core: the per-survey work, such as formatting CSV lines), and</item>
/// <item>a <see cref="IBatchConsumer"/>, which sees every scored batch in input order on a thread of
/// its own (the ordered work: appending to a file, adding to the estimates),</item>
/// </list>
/// then finishes once every consumer has completed, in the order of the run's stages: a stage writes its
/// files into the result there and publishes what later stages read (the estimates, say). A new stage is
/// a class of its own and one line in the run's list; it knows nothing of the stages after it.
/// </summary>
public abstract class RunStage : IDisposable
{
    /// <summary>The stage's position in the run, given by the pipeline: where its prepared objects are kept in a <see cref="ScoredBatch"/>.</summary>
    internal int Index { get; set; }

    /// <summary>A name for the stage clock and for errors.</summary>
    public abstract string Name { get; }

    /// <summary>Makes the step one scoring worker runs after scoring a batch (one per worker: a step may keep state), or null.</summary>
    public virtual IWorkerStep? NewWorkerStep() => null;

    /// <summary>What the stage does with every scored batch, in input order, or null when it needs no batch.</summary>
    public virtual IBatchConsumer? Consumer => null;

    /// <summary>After pass 2, in stage order, on the run's thread: write files, publish results for later stages.</summary>
    public virtual void Finish() { }

    /// <summary>
    /// After every stage has finished and the manifest is written, in stage order: work that reads the
    /// result folder as a whole, as a person would (the report). The files it writes must have been
    /// recorded in <see cref="Finish"/>, so that the manifest lists them.
    /// </summary>
    public virtual void AfterManifest() { }

    /// <summary>Closes what the stage holds open, whether the run finished or failed.</summary>
    public virtual void Dispose() { }
}
