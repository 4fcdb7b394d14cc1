using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Results;

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
    long Returnees,
    DateOnly FirstSurveyDate,
    DateOnly LastSurveyDate,
    TimeSpan Elapsed,
    long RowsOutsidePeriod,
    FieldChecks Checks,
    InsightsSummary? Insights = null)
{
    /// <summary>The files of the input folders that were not exports, left unread.</summary>
    public IReadOnlyList<IO.Reading.SkippedInput> SkippedInputs { get; init; } = [];
    /// <summary>Whether a column of sampling weights was read.</summary>
    public bool Weighted { get; init; } = true;
    /// <summary>The calibration of the weights (docs/methodology.md, "Calibration"); null for a run without --calibrate.</summary>
    public Analytics.Calibration.CalibratedWeights? Calibration { get; init; }

    /// <summary>The share of the rows of the period that were rejected (0 when none was read).</summary>
    public double RejectedShare => RowsRead - RowsOutsidePeriod == 0 ? 0 : (double)RowsRejected / (RowsRead - RowsOutsidePeriod);

    /// <summary>Whether the rejected share is above a threshold: the run is done, but a scheduler should look at it.</summary>
    public bool RejectedShareAbove(double threshold) => RejectedShare > threshold;
}
