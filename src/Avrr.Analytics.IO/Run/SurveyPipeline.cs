using System.Collections.Concurrent;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// read → decode → validate → score, in batches: one thread reads the inputs in order, worker threads
/// validate, decode and score whole batches, and the caller's thread consumes the batches in input order.
/// The number of batches in flight is bounded, so memory does not grow with the file; the consumer sees
/// exactly what a single-threaded run would, so the outputs do not depend on the number of threads.
/// </summary>
internal static class SurveyPipeline
{
    public static void Run(RunPlan plan, DuplicateSurveys duplicates, Action<SurveyBatch> consume, Action<long>? rowsRead = null)
    {
        var threads = plan.Settings.Threads > 0 ? plan.Settings.Threads : Environment.ProcessorCount;
        if (threads <= 1) RunSequential(plan, duplicates, consume, rowsRead);
        else RunParallel(plan, duplicates, consume, rowsRead, threads);
    }

    private static bool[] AllColumns(SurveyLayout layout) => Enumerable.Repeat(true, layout.ColumnCount).ToArray();

    private static void RunSequential(RunPlan plan, DuplicateSurveys duplicates, Action<SurveyBatch> consume, Action<long>? rowsRead)
    {
        var wanted = AllColumns(plan.Layout);
        var batch = new SurveyBatch(plan.Layout);
        var processor = new SurveyProcessor(plan.Layout);
        long sequence = 0, read = 0;
        foreach (var input in plan.Inputs)
        {
            using var reader = input.OpenReader(plan.Layout);
            while (reader.Fill(batch, wanted, ref sequence))
            {
                processor.Process(batch, duplicates);
                consume(batch);
                rowsRead?.Invoke(read += batch.Count);
            }
        }
    }

    private static void RunParallel(RunPlan plan, DuplicateSurveys duplicates, Action<SurveyBatch> consume, Action<long>? rowsRead, int threads)
    {
        var inFlight = threads * 2 + 2;
        var free = new BlockingCollection<SurveyBatch>();
        for (var i = 0; i < inFlight; i++) free.Add(new SurveyBatch(plan.Layout));
        var processors = new ConcurrentBag<SurveyProcessor>();
        // Batches leave in the order they were read: the queue holds each batch with the task that processes it.
        using var ordered = new BlockingCollection<(SurveyBatch Batch, Task Work)>(inFlight);
        using var cancel = new CancellationTokenSource();

        var producer = Task.Run(() =>
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
                        var batch = free.Take(cancel.Token);
                        if (!reader.Fill(batch, wanted, ref sequence)) { free.Add(batch); break; }
                        var work = Task.Run(() =>
                        {
                            if (!processors.TryTake(out var processor)) processor = new SurveyProcessor(plan.Layout);
                            processor.Process(batch, duplicates);
                            processors.Add(processor);
                        });
                        ordered.Add((batch, work), cancel.Token);
                    }
                }
            }
            finally
            {
                ordered.CompleteAdding();
            }
        });

        long read = 0;
        try
        {
            foreach (var (batch, work) in ordered.GetConsumingEnumerable())
            {
                work.GetAwaiter().GetResult();
                consume(batch);
                rowsRead?.Invoke(read += batch.Count);
                free.Add(batch);
            }
        }
        catch
        {
            cancel.Cancel();
            throw;
        }
        finally
        {
            try { producer.GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
        }
    }
}
