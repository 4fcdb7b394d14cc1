using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Results;

/// <summary>What a run tells while it works, for progress displays. Called on the run's thread.</summary>
public interface IRunObserver
{
    /// <summary>A stage starts: "checking inputs", "finding duplicate surveys", "learning profiles and the early warning" (the insights), "scoring" (estimates are made as scoring ends), "writing".</summary>
    void Stage(string name);

    /// <summary>More rows were read in the current stage (a running total), and the share of the inputs' bytes read (0 to 1).</summary>
    void Rows(long total, double fraction);

    /// <summary>Something the run did that a person should know (an interrupted run's folders put right, say).</summary>
    void Note(string message);
}
