using Parquet;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// The Parquet library read within bounds, for exports and partials alike (issue 23): on some damaged files it loops
/// forever, reading a page past the end of the file (<see cref="EndGuardStream"/> turns that into an error) or decoding
/// a footer or a page that no check before the read can rule out. Each read (the footer, a row group) therefore runs
/// within a time limit, generous beside what a whole file takes (10 s and 1 s per MB of the file, where a row group reads
/// in milliseconds); past it the file is refused, and the thread that loops is left to the end of the command, which
/// then ends at once.
/// </summary>
internal static class ParquetGuard
{
    /// <summary>The time limit of one read of a file of <paramref name="bytes"/> bytes.</summary>
    public static TimeSpan Limit(long bytes) => TimeSpan.FromSeconds(10 + bytes / (1 << 20));

    /// <summary>Opens a file (its footer read within the limit); <paramref name="refuse"/> words what went wrong, a loop included.</summary>
    public static ParquetReader Open(string path, ParquetOptions options, Func<string, Exception, Exception> refuse)
    {
        EndGuardStream? stream = null;
        try
        {
            stream = new EndGuardStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
            var opened = stream;
            return Bounded(Limit(stream.Length), () => ParquetReader.CreateAsync(opened, options, leaveStreamOpen: false).GetAwaiter().GetResult());
        }
        catch (Exception e)
        {
            stream?.Dispose();
            throw refuse(e.Message, e);
        }
    }

    /// <summary>Runs a read within <paramref name="limit"/>; throws <see cref="TimeoutException"/> past it, and the read's own exception otherwise.</summary>
    public static T Bounded<T>(TimeSpan limit, Func<T> read)
    {
        var task = Task.Run(read);
        if (Task.WhenAny(task, Task.Delay(limit)).GetAwaiter().GetResult() != task)
            throw new TimeoutException($"reading it did not end within {limit.TotalSeconds:N0} s");
        return task.GetAwaiter().GetResult();
    }
}
