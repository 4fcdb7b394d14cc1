using System.Collections.Concurrent;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// read → decode → validate → score → consume, in batches.
/// <list type="bullet">
/// <item>One thread reads the inputs in order into batches.</item>
/// <item>Worker threads validate, decode and score whole batches, then run the per-worker steps
/// (formatting CSV lines, say), so that the heavy per-row work uses every core.</item>
/// <item>Each consumer (a writer, the estimators) runs on its own thread and sees every batch in input
/// order; a batch is reused once every consumer is done with it.</item>
/// </list>
/// The number of batches in flight is bounded, so memory does not grow with the file, and every
/// consumer sees exactly what a single-threaded run would: the outputs do not depend on the threads.
/// </summary>
internal static class SurveyPipeline
{
    /// <param name="workerStep">Makes the step each worker runs on a batch after scoring it (one per worker: steps may keep state), or null.</param>
    /// <param name="consumers">Called with every batch in input order; each on its own thread when running in parallel.</param>
    public static void Run(RunPlan plan, DuplicateSurveys duplicates, Func<Action<SurveyBatch>>? workerStep,
        IReadOnlyList<Action<SurveyBatch>> consumers, Action<long>? rowsRead = null)
    {
        if (StageClock.Enabled) consumers = consumers.Select((c, i) => StageClock.Measure($"consumer {i}", c)).ToArray();
        var threads = plan.Settings.Threads > 0 ? plan.Settings.Threads : Environment.ProcessorCount;
        if (threads <= 1) RunSequential(plan, duplicates, workerStep, consumers, rowsRead);
        else new Parallel(plan, duplicates, workerStep, consumers, rowsRead, threads).Run();
    }

    private static bool[] AllColumns(SurveyLayout layout) => Enumerable.Repeat(true, layout.ColumnCount).ToArray();

    private static void RunSequential(RunPlan plan, DuplicateSurveys duplicates, Func<Action<SurveyBatch>>? workerStep,
        IReadOnlyList<Action<SurveyBatch>> consumers, Action<long>? rowsRead)
    {
        var wanted = AllColumns(plan.Layout);
        var batch = new SurveyBatch(plan.Layout);
        var processor = new SurveyProcessor(plan.Layout);
        var step = workerStep?.Invoke();
        long sequence = 0, read = 0;
        foreach (var input in plan.Inputs)
        {
            using var reader = input.OpenReader(plan.Layout);
            while (reader.Fill(batch, wanted, ref sequence))
            {
                processor.Process(batch, duplicates);
                step?.Invoke(batch);
                foreach (var consume in consumers) consume(batch);
                rowsRead?.Invoke(read += batch.Count);
            }
        }
    }

    private sealed class Parallel(RunPlan plan, DuplicateSurveys duplicates, Func<Action<SurveyBatch>>? workerStep,
        IReadOnlyList<Action<SurveyBatch>> consumers, Action<long>? rowsRead, int threads)
    {
        private readonly BlockingCollection<SurveyBatch> _free = new();
        private readonly ConcurrentBag<(SurveyProcessor Processor, Action<SurveyBatch>? Step)> _workers = new();
        private readonly ConcurrentDictionary<SurveyBatch, int> _pending = new();
        private readonly CancellationTokenSource _cancel = new();

        public void Run()
        {
            var inFlight = threads * 2 + consumers.Count * 2 + 2;
            for (var i = 0; i < inFlight; i++) _free.Add(new SurveyBatch(plan.Layout));
            // Batches leave the reader in order, each with the task that processes it.
            using var ordered = new BlockingCollection<(SurveyBatch Batch, Task Work)>(inFlight);
            var queues = consumers.Select(_ => new BlockingCollection<SurveyBatch>()).ToArray();
            var tasks = new List<Task> { Task.Factory.StartNew(() => Read(ordered), TaskCreationOptions.LongRunning) };
            for (var c = 0; c < consumers.Count; c++)
            {
                var (consume, queue) = (consumers[c], queues[c]);
                tasks.Add(Task.Factory.StartNew(() => Consume(consume, queue), TaskCreationOptions.LongRunning));
            }
            try
            {
                long read = 0;
                foreach (var (batch, work) in ordered.GetConsumingEnumerable(_cancel.Token))
                {
                    work.GetAwaiter().GetResult();
                    _pending[batch] = consumers.Count;
                    foreach (var queue in queues) queue.Add(batch, _cancel.Token);
                    rowsRead?.Invoke(read += batch.Count);
                }
                foreach (var queue in queues) queue.CompleteAdding();
                Task.WaitAll(tasks);
            }
            catch
            {
                _cancel.Cancel();
                foreach (var queue in queues) queue.CompleteAdding();
                try { Task.WaitAll(tasks); } catch (AggregateException) { }
                // A failure inside a stage is the error to report, not the cancellation it caused elsewhere.
                var cause = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
                if (cause is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
                throw;
            }
            finally
            {
                foreach (var queue in queues) queue.Dispose();
                _cancel.Dispose();
            }
        }

        private void Read(BlockingCollection<(SurveyBatch, Task)> ordered)
        {
            var wanted = AllColumns(plan.Layout);
            long sequence = 0;
            try
            {
                foreach (var input in plan.Inputs)
                {
                    using var reader = input.OpenReader(plan.Layout);
                    while (true)
                    {
                        var batch = _free.Take(_cancel.Token);
                        var filled = StageClock.Enabled
                            ? StageClock.Measure("reader: fill batches", () => reader.Fill(batch, wanted, ref sequence))
                            : reader.Fill(batch, wanted, ref sequence);
                        if (!filled) { _free.Add(batch); break; }
                        ordered.Add((batch, Task.Run(() => Process(batch))), _cancel.Token);
                    }
                }
            }
            catch
            {
                _cancel.Cancel();
                throw;
            }
            finally
            {
                ordered.CompleteAdding();
            }
        }

        private void Process(SurveyBatch batch)
        {
            if (!_workers.TryTake(out var worker)) worker = (new SurveyProcessor(plan.Layout), workerStep?.Invoke());
            if (StageClock.Enabled)
            {
                StageClock.Measure("workers: score", (SurveyBatch b) => worker.Processor.Process(b, duplicates))(batch);
                if (worker.Step is not null) StageClock.Measure("workers: format csv", worker.Step)(batch);
            }
            else
            {
                worker.Processor.Process(batch, duplicates);
                worker.Step?.Invoke(batch);
            }
            _workers.Add(worker);
        }

        private void Consume(Action<SurveyBatch> consume, BlockingCollection<SurveyBatch> queue)
        {
            try
            {
                foreach (var batch in queue.GetConsumingEnumerable(_cancel.Token))
                {
                    consume(batch);
                    if (_pending.AddOrUpdate(batch, 0, (_, n) => n - 1) == 0 && _pending.TryRemove(batch, out _)) _free.Add(batch);
                }
            }
            catch
            {
                _cancel.Cancel();
                throw;
            }
        }
    }
}
