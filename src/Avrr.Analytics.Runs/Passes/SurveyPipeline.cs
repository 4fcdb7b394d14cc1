using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Stages;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// Pass 2 of a run: read → decode → validate → score, in batches, then every stage's part:
/// <list type="bullet">
/// <item>one thread reads the inputs in order into batches;</item>
/// <item>worker threads validate, decode and score whole batches, then run each stage's worker step
/// (formatting CSV lines, say), so that the heavy per-row work uses every core;</item>
/// <item>each stage's consumer (a writer, the estimates) runs on its own thread and sees every batch in
/// input order; a batch is reused once every consumer is done with it.</item>
/// </list>
/// The number of batches in flight is bounded, so memory does not grow with the file, and every
/// consumer sees exactly what a single-threaded run would: the outputs do not depend on the threads.
/// </summary>
internal static class SurveyPipeline
{
    public static void Run(RunPlan plan, DuplicateSurveys duplicates, IReadOnlyList<RunStage> stages, Action<long>? rowsRead = null,
        CancellationToken cancel = default, ReadProgress? progress = null)
    {
        for (var i = 0; i < stages.Count; i++) stages[i].Index = i;
        var consumers = stages.Select(s => s.Consumer).OfType<IBatchConsumer>().ToArray();
        var workerSteps = stages.Select(s => (Func<IWorkerStep?>)s.NewWorkerStep).ToArray();
        if (StageClock.Enabled)
        {
            consumers = consumers.Select((c, i) => (IBatchConsumer)new TimedConsumer(c, $"consumer {i}")).ToArray();
        }
        var threads = plan.Settings.ThreadsUsed;
        var work = new PipelineWork(plan, duplicates, stages.Count, workerSteps, consumers, rowsRead, cancel, progress);
        if (threads <= 1) RunSequential(work);
        else new ParallelPipeline(work, threads).Run();
    }

    private static void RunSequential(PipelineWork work)
    {
        var wanted = work.AllColumns();
        var batch = work.NewBatch();
        var processor = work.Plan.NewProcessor();
        var steps = work.NewWorkerSteps();
        long sequence = 0, read = 0;
        foreach (var input in work.Plan.Inputs)
        {
            using var reader = input.OpenReader(work.Plan.Layout, hash: true);
            while (reader.Fill(batch.Batch, wanted, ref sequence))
            {
                work.Cancel.ThrowIfCancellationRequested();
                work.Progress?.Update(input.Index, reader.BytesRead);
                processor.Process(batch.Batch, work.Duplicates);
                foreach (var step in steps) step.Run(batch);
                foreach (var consumer in work.Consumers) consumer.Consume(batch);
                work.RowsRead?.Invoke(read += batch.Batch.Count);
            }
        }
        foreach (var consumer in work.Consumers) consumer.Complete();
    }

    /// <summary>A consumer whose batches and completion are timed by the stage clock.</summary>
    private sealed class TimedConsumer(IBatchConsumer inner, string name) : IBatchConsumer
    {
        private readonly Action<ScoredBatch> _consume = StageClock.Measure<ScoredBatch>(name, inner.Consume);

        public void Consume(ScoredBatch batch) => _consume(batch);

        public void Complete() => StageClock.Measure($"{name} completion", () => { inner.Complete(); return 0; });
    }
}
