namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// A small blocking queue of batches between the pipeline's threads (not System.Threading.Channels: no
/// async, no capacity of its own). Its capacity is the pool of batches itself
/// (a batch is in one queue at a time), so adding never waits; taking blocks on a monitor at once, and
/// an add wakes one taker. Nothing spins: with two cores and more threads than cores, a spinning
/// thread takes the core from the thread it waits for.
/// </summary>
internal sealed class BatchQueue<T>
{
    private readonly Queue<T> _items = new();
    private bool _completed;
    private Exception? _failure;

    public void Add(T item)
    {
        lock (_items)
        {
            if (_failure is not null) throw new OperationCanceledException("The pipeline stopped.", _failure);
            _items.Enqueue(item);
            Monitor.Pulse(_items);
        }
    }

    /// <summary>The next item, or false when the queue is complete and empty.</summary>
    public bool TryTake(out T item)
    {
        lock (_items)
        {
            while (_items.Count == 0 && !_completed && _failure is null) Monitor.Wait(_items);
            if (_failure is not null) throw new OperationCanceledException("The pipeline stopped.", _failure);
            if (_items.Count == 0) { item = default!; return false; }
            item = _items.Dequeue();
            // Several threads may wait here (the workers): pass the wake-up on while items remain.
            if (_items.Count > 0) Monitor.Pulse(_items);
            return true;
        }
    }

    public void Complete()
    {
        lock (_items) { _completed = true; Monitor.PulseAll(_items); }
    }

    /// <summary>Wakes every waiting thread with the failure that stopped the pipeline.</summary>
    public void Fail(Exception failure)
    {
        lock (_items) { _failure ??= failure; Monitor.PulseAll(_items); }
    }
}
