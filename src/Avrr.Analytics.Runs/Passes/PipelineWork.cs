using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Stages;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>What both ways of running pass 2 share: the plan, the stages' parts, and the counters.</summary>
internal sealed record PipelineWork(
    RunPlan Plan, DuplicateSurveys Duplicates, int Stages, IReadOnlyList<Func<IWorkerStep?>> WorkerSteps,
    IReadOnlyList<IBatchConsumer> Consumers, Action<long>? RowsRead, CancellationToken Cancel, ReadProgress? Progress)
{
    public bool[] AllColumns() => Enumerable.Repeat(true, Plan.Layout.ColumnCount).ToArray();

    public ScoredBatch NewBatch() => new(new SurveyBatch(Plan.Layout), Stages);

    /// <summary>One worker's steps: a new step of every stage that has one.</summary>
    public IWorkerStep[] NewWorkerSteps()
    {
        var steps = WorkerSteps.Select(make => make()).OfType<IWorkerStep>().ToArray();
        return StageClock.Enabled ? steps.Select((s, i) => (IWorkerStep)new TimedStep(s, $"workers: step {i}")).ToArray() : steps;
    }

    private sealed class TimedStep(IWorkerStep inner, string name) : IWorkerStep
    {
        private readonly Action<ScoredBatch> _run = StageClock.Measure<ScoredBatch>(name, inner.Run);

        public void Run(ScoredBatch batch) => _run(batch);
    }
}
