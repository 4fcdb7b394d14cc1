using Avrr.Analytics.Runs.Stages;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// Pass 2 on several threads (<see cref="SurveyPipeline"/>): a reader, scoring workers and a thread per
/// consumer, connected by <see cref="BatchQueue{T}"/>s of batches in flight. The run's thread dispatches
/// scored batches to the consumers in input order.
/// </summary>
internal sealed class ParallelPipeline(PipelineWork work, int workers)
{
    /// <summary>A batch in flight, with the signal that its workers are done and the consumers still to see it.</summary>
    private sealed class Slot(ScoredBatch batch)
    {
        public ScoredBatch Batch { get; } = batch;
        public readonly ManualResetEventSlim Scored = new(false, spinCount: 0);
        public int PendingConsumers;
        /// <summary>Where the reader was in its input when it filled the batch: reported when the batch is dispatched, not read ahead.</summary>
        public (int Input, long Bytes) ReadTo;
    }

    private BatchQueue<Slot> _free = null!, _toScore = null!, _ordered = null!;
    private BatchQueue<Slot>[] _toConsume = [];
    private Exception? _failure;

    public void Run()
    {
        var consumers = work.Consumers;
        // Enough batches for every thread to have one and the reader to be one ahead; more only holds memory.
        var inFlight = workers + consumers.Count + 3;
        _free = new BatchQueue<Slot>();
        _toScore = new BatchQueue<Slot>();
        _ordered = new BatchQueue<Slot>();
        _toConsume = consumers.Select(_ => new BatchQueue<Slot>()).ToArray();
        for (var i = 0; i < inFlight; i++) _free.Add(new Slot(work.NewBatch()));

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
        catch (OperationCanceledException e) when (_failure is null)
        {
            Fail(e);
        }
        catch (OperationCanceledException) { }
        foreach (var thread in running) thread.Join();
        if (_failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
    }

    private Thread Start(string name, Action body)
    {
        var thread = new Thread(() =>
        {
            try { body(); }
            catch (OperationCanceledException) when (_failure is not null) { }
            catch (Exception e) { Fail(e); }
        }) { Name = name, IsBackground = true };
        thread.Start();
        return thread;
    }

    private void Fail(Exception e)
    {
        lock (this) _failure ??= e;
        foreach (var queue in new[] { _free, _toScore, _ordered }.Concat(_toConsume)) queue.Fail(e);
    }

    /// <summary>Reads batches in input order: each goes to the workers and, in the same order, to the dispatcher.</summary>
    private void Read()
    {
        var wanted = work.AllColumns();
        var plan = work.Plan;
        long sequence = 0;
        try
        {
            foreach (var input in plan.Inputs)
            {
                using var reader = input.OpenReader(plan.Layout, hash: true);
                while (_free.TryTake(out var slot))
                {
                    work.Cancel.ThrowIfCancellationRequested();
                    var batch = slot.Batch.Batch;
                    var filled = StageClock.Enabled
                        ? StageClock.Measure("reader: fill batches", () => reader.Fill(batch, wanted, ref sequence))
                        : reader.Fill(batch, wanted, ref sequence);
                    if (!filled) { _free.Add(slot); break; }
                    slot.ReadTo = (input.Index, reader.BytesRead);
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
        var processor = work.Plan.NewProcessor();
        var steps = work.NewWorkerSteps();
        while (_toScore.TryTake(out var slot))
        {
            var batch = slot.Batch.Batch;
            if (StageClock.Enabled) StageClock.Measure("workers: score", (SurveyBatch b) => processor.Process(b, work.Duplicates))(batch);
            else processor.Process(batch, work.Duplicates);
            foreach (var step in steps) step.Run(slot.Batch);
            slot.Scored.Set();
        }
    }

    /// <summary>Hands scored batches to every consumer in input order.</summary>
    private void Dispatch()
    {
        long read = 0;
        var consumers = work.Consumers.Count;
        try
        {
            while (_ordered.TryTake(out var slot))
            {
                slot.Scored.Wait();
                if (_failure is not null) return;
                work.Progress?.Update(slot.ReadTo.Input, slot.ReadTo.Bytes);
                work.RowsRead?.Invoke(read += slot.Batch.Batch.Count);
                if (consumers == 0) { _free.Add(slot); continue; }
                slot.PendingConsumers = consumers;
                foreach (var queue in _toConsume) queue.Add(slot);
            }
        }
        finally
        {
            foreach (var queue in _toConsume) queue.Complete();
        }
    }

    private void Consume(IBatchConsumer consumer, BatchQueue<Slot> queue)
    {
        while (queue.TryTake(out var slot))
        {
            consumer.Consume(slot.Batch);
            if (Interlocked.Decrement(ref slot.PendingConsumers) == 0) _free.Add(slot);
        }
        if (_failure is null) consumer.Complete();
    }
}
