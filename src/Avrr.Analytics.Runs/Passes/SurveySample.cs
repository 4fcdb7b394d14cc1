using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// The training sample of the insights, scored before pass 2 (<see cref="ReturneeSampler"/>): batches of
/// the sampled returnees' rows in input order (rejected rows, and rows outside the period, marked as in pass 2),
/// and how many returnees.
/// </summary>
internal sealed record SurveySample(IReadOnlyList<SurveyBatch> Batches, int Returnees)
{
    /// <summary>The scored surveys of the sample.</summary>
    public int Surveys => Batches.Sum(b => Enumerable.Range(0, b.Count).Count(b.IsScored));
}
