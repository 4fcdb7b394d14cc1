using Avrr.Analytics.Runs.Results;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>What a merge did: the result as a run's (accounting summed over the partials), and the language and threshold it used.</summary>
public sealed record MergeResult(RunResult Run, string Language, int MinCell)
{
    /// <summary>Whether every partial's run was unweighted on purpose (<see cref="RunResult.Weighted"/> says whether the estimates are weighted).</summary>
    public bool UnweightedOnPurpose { get; init; }
}
