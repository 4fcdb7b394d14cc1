using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.IO.Run;

/// <summary>The accounting of one input of a run.</summary>
public sealed record InputSummary(
    string Path, string Format, string Sha256, long RowsRead, long RowsScored, long RowsRejected, long BlankRowsSkipped,
    IReadOnlyList<string> Attributes, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<string> PersonalDataColumns);

/// <summary>What a run did: the accounting, where the files are, and the estimates for the summary.</summary>
public sealed record RunResult(
    string OutputFolder,
    IReadOnlyList<string> Files,
    IReadOnlyList<InputSummary> Inputs,
    long RowsRead,
    long RowsScored,
    long RowsRejected,
    IReadOnlyDictionary<string, long> RejectsByReason,
    IReadOnlyList<string> Levels,
    IReadOnlyList<EstimateRow> Aggregates,
    long PanelReturnees,
    TimeSpan Elapsed);

/// <summary>What a run tells while it works, for progress displays. Called on the run's thread.</summary>
public interface IRunObserver
{
    /// <summary>A stage starts: "checking inputs", "finding duplicate surveys", "scoring" (estimates are made as scoring ends), "writing".</summary>
    void Stage(string name);

    /// <summary>More rows were read in the current stage (a running total).</summary>
    void Rows(long total);
}
