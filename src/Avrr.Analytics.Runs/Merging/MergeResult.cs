using Avrr.Analytics.Runs.Results;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>What a merge did: the result as a run's (accounting summed over the partials), and the language and threshold it used.</summary>
public sealed record MergeResult(RunResult Run, string Language, int MinCell);
