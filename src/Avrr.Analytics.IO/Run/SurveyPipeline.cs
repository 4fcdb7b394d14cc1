using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// read → decode → validate → score → consume, in batches, on dedicated threads:
/// <list type="bullet">
/// <item>one thread reads the inputs in order into batches;</item>
/// <item>worker threads validate, decode and score whole batches, then run the per-worker step
/// (formatting CSV lines, say), so that the heavy per-row work uses every core;</item>
/// <item>each consumer (a writer, the estimators) runs on its own thread and sees every batch in input
/// order; a batch is reused once every consumer is done with it.</item>
/// </list>
/// The number of batches in flight is bounded, so memory does not grow with the file, and every
/// consumer sees exactly what a single-threaded run would: the outputs do not depend on the threads.
/// </summary>
/// <summary>A consumer of the pipeline: what it does with each batch, and once every batch has been seen.</summary>
internal sealed record BatchConsumer(Action<SurveyBatch> Consume, Action? Complete = null)
{
    public static implicit operator BatchConsumer(Action<SurveyBatch> consume) => new(consume);
}

internal static class SurveyPipeline
{
    /// <param name="workerStep">Makes the step each worker runs on a batch after scoring it (one per worker: steps may keep state), or null.</param>
    /// <param name="consumers">
    /// Called with every batch in input order, then completed; each on its own thread when running in
    /// parallel, so that a consumer's completion (estimating, say) overlaps the others' last batches.
    /// </param>
    public static void Run(RunPlan plan, DuplicateSurveys duplicates, Func<Action<SurveyBatch>>? workerStep,
        IReadOnlyList<BatchConsumer> consumers, Action<long>? rowsRead = null)
    {
        if (StageClock.Enabled)
        {
            consumers = consumers.Select((c, i) => new BatchConsumer(StageClock.Measure($"consumer {i}", c.Consume),
                c.Complete is null ? null : () => StageClock.Measure($"consumer {i} completion", () => { c.Complete(); return 0; }))).ToArray();
            var step = workerStep;
            if (step is not null) workerStep = () => StageClock.Measure("workers: step", step());
        }
        var threads = plan.Settings.Threads > 0 ? plan.Settings.Threads : Environment.ProcessorCount;
        if (threads <= 1) RunSequential(plan, duplicates, workerStep, consumers, rowsRead);
        else new Parallel(plan, duplicates, workerStep, consumers, rowsRead, threads).Run();
    }

    private static bool[] AllColumns(SurveyLayout layout) => Enumerable.Repeat(true, layout.ColumnCount).ToArray();

    private static void RunSequential(RunPlan plan, DuplicateSurveys duplicates, Func<Action<SurveyBatch>>? workerStep,
        IReadOnlyList<BatchConsumer> consumers, Action<long>? rowsRead)
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
                foreach (var consumer in consumers) consumer.Consume(batch);
                rowsRead?.Invoke(read += batch.Count);
            }
        }
        foreach (var consumer in consumers) consumer.Complete?.Invoke();
    }

    /// <summary>A batch in flight, with the signal that its workers are done and the consumers still to see it.</summary>
    private sealed class Slot(SurveyBatch batch)
    {
        public SurveyBatch Batch { get; } = batch;
        public readonly ManualResetEventSlim Scored = new(false, spinCount: 0);
        public int PendingConsumers;
    }

    private sealed class Parallel(RunPlan plan, DuplicateSurveys duplicates, Func<Action<SurveyBatch>>? workerStep,
        IReadOnlyList<BatchConsumer> consumers, Action<long>? rowsRead, int threads)
    {
        private Channel<Slot> _free = null!, _toScore = null!, _ordered = null!;
        private Channel<Slot>[] _toConsume = [];
        private Exception? _failure;

        public void Run()
        {
            var workers = threads;
            // Enough batches for every thread to have one and the reader to be one ahead; more only holds memory.
            var inFlight = workers + consumers.Count + 3;
            _free = new Channel<Slot>();
            _toScore = new Channel<Slot>();
            _ordered = new Channel<Slot>();
            _toConsume = consumers.Select(_ => new Channel<Slot>()).ToArray();
            for (var i = 0; i < inFlight; i++) _free.Add(new Slot(new SurveyBatch(plan.Layout)));

            var running = new List<Thread> { Start("avrr reader", Read) };
            for (var w = 0; w < workers; w++) running.Add(Start($"avrr worker {w}", Score));
            for (var c = 0; c < consumers.Count; c++)
            {
                var (consumer, queue) = (consumers[c], _toConsume[c]);
                running.Add(Start($"avrr consumer {c}", () => Consume(consumer, queue)));
            }
            try
            {
                Dispatch();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Fail(e);
            }
            catch (OperationCanceledException) { }
            foreach (var thread in running) thread.Join();
            if (_failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        }

        private Thread Start(string name, Action work)
        {
            var thread = new Thread(() =>
            {
                try { work(); }
                catch (OperationCanceledException) when (_failure is not null) { }
                catch (Exception e) { Fail(e); }
            }) { Name = name, IsBackground = true };
            thread.Start();
            return thread;
        }

        private void Fail(Exception e)
        {
            lock (this) _failure ??= e;
            foreach (var channel in new[] { _free, _toScore, _ordered }.Concat(_toConsume)) channel.Fail(e);
        }

        /// <summary>Reads batches in input order: each goes to the workers and, in the same order, to the dispatcher.</summary>
        private void Read()
        {
            var wanted = AllColumns(plan.Layout);
            long sequence = 0;
            try
            {
                foreach (var input in plan.Inputs)
                {
                    using var reader = input.OpenReader(plan.Layout);
                    while (_free.TryTake(out var slot))
                    {
                        var filled = StageClock.Enabled
                            ? StageClock.Measure("reader: fill batches", () => reader.Fill(slot.Batch, wanted, ref sequence))
                            : reader.Fill(slot.Batch, wanted, ref sequence);
                        if (!filled) { _free.Add(slot); break; }
                        slot.Scored.Reset();
                        _ordered.Add(slot);
                        _toScore.Add(slot);
                    }
                }
            }
            finally
            {
                _ordered.Complete();
                _toScore.Complete();
            }
        }

        private void Score()
        {
            var processor = new SurveyProcessor(plan.Layout);
            var step = workerStep?.Invoke();
            while (_toScore.TryTake(out var slot))
            {
                if (StageClock.Enabled) StageClock.Measure("workers: score", (SurveyBatch b) => processor.Process(b, duplicates))(slot.Batch);
                else processor.Process(slot.Batch, duplicates);
                step?.Invoke(slot.Batch);
                slot.Scored.Set();
            }
        }

        /// <summary>Hands scored batches to every consumer in input order.</summary>
        private void Dispatch()
        {
            long read = 0;
            try
            {
                while (_ordered.TryTake(out var slot))
                {
                    slot.Scored.Wait();
                    if (_failure is not null) return;
                    slot.PendingConsumers = consumers.Count;
                    foreach (var queue in _toConsume) queue.Add(slot);
                    rowsRead?.Invoke(read += slot.Batch.Count);
                }
            }
            finally
            {
                foreach (var queue in _toConsume) queue.Complete();
            }
        }

        private void Consume(BatchConsumer consumer, Channel<Slot> queue)
        {
            while (queue.TryTake(out var slot))
            {
                consumer.Consume(slot.Batch);
                if (Interlocked.Decrement(ref slot.PendingConsumers) == 0) _free.Add(slot);
            }
            if (_failure is null) consumer.Complete?.Invoke();
        }
    }
}
