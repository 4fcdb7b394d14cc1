using Avrr.Analytics.Runs.Output;
using Avrr.Analytics.Runs.Partials;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// The run's partial (<c>--partial-out</c>, docs/partials.md): the cells' sums the estimation stage published, the
/// accounting, the checks and data_quality's counts, written into the partial folder, which the run moves into
/// place after its result.
/// </summary>
internal sealed class PartialStage(RunContext run, OutputFolder folder) : RunStage
{
    public override string Name => "partial";

    public override void Finish() =>
        PartialWriter.Write(folder.PathOf(""), new PartialWriter.Inputs(run.Plan, run.EstimationSums!, run.Accounting!, run.Checks!, run.AnswerTally, run.SpillFolder));
}
