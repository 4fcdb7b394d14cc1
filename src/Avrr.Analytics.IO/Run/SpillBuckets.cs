using System.Buffers;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// Records split into buckets by a hash, kept in memory up to a limit and spilled to files beyond it,
/// then read back one bucket at a time. This is how facts that need all the rows of one returnee
/// (duplicate surveys, panel change) are found with memory that does not grow with the file: a bucket
/// holds 1/<see cref="Count"/> of the records.
/// </summary>
internal sealed class SpillBuckets : IDisposable
{
    public const int Count = 64;

    private const int ChunkSize = 64 * 1024;

    private readonly string _folder;
    private readonly string _name;
    private readonly long _memoryLimit;
    // Each bucket's records in memory: a list of fixed chunks, so growing never copies or leaves large
    // garbage behind (a doubling buffer would, on the large object heap).
    private readonly List<byte[]>[] _chunks = new List<byte[]>[Count];
    private readonly int[] _lastUsed = new int[Count];
    private readonly bool[] _spilled = new bool[Count];
    private readonly Stack<byte[]> _free = new();
    private long _buffered;

    public SpillBuckets(string folder, string name, long memoryLimit = 8 << 20)
    {
        _folder = folder;
        _name = name;
        _memoryLimit = memoryLimit;
        for (var i = 0; i < Count; i++) _chunks[i] = [];
    }

    /// <summary>The bucket of a key: its FNV-1a hash (stable across runs and machines, unlike string hashes).</summary>
    public static int BucketOf(ReadOnlySpan<byte> key)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in key) hash = (hash ^ b) * 1099511628211UL;
        return (int)(hash % Count);
    }

    public void Append(int bucket, ReadOnlySpan<byte> record)
    {
        var chunks = _chunks[bucket];
        while (!record.IsEmpty)
        {
            if (chunks.Count == 0 || _lastUsed[bucket] == ChunkSize)
            {
                chunks.Add(_free.Count > 0 ? _free.Pop() : new byte[ChunkSize]);
                _lastUsed[bucket] = 0;
            }
            var take = Math.Min(record.Length, ChunkSize - _lastUsed[bucket]);
            record[..take].CopyTo(chunks[^1].AsSpan(_lastUsed[bucket]));
            _lastUsed[bucket] += take;
            _buffered += take;
            record = record[take..];
        }
        if (_buffered > _memoryLimit) Spill();
    }

    private void Spill()
    {
        Directory.CreateDirectory(_folder);
        for (var i = 0; i < Count; i++)
        {
            if (_chunks[i].Count == 0) continue;
            using (var file = new FileStream(PathOf(i), FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16))
                WriteChunks(i, file);
            _spilled[i] = true;
        }
        _buffered = 0;
    }

    private void WriteChunks(int bucket, Stream destination)
    {
        var chunks = _chunks[bucket];
        for (var c = 0; c < chunks.Count; c++)
        {
            destination.Write(chunks[c], 0, c == chunks.Count - 1 ? _lastUsed[bucket] : ChunkSize);
            _free.Push(chunks[c]);
        }
        chunks.Clear();
        _lastUsed[bucket] = 0;
    }

    /// <summary>
    /// Every record of a bucket, in the order they were appended, at the start of an array rented from
    /// the shared pool (give it back with <see cref="Return"/>): a bucket is a megabyte or more, and fresh
    /// arrays of that size would each be zeroed and faulted in. Safe to call for different buckets at
    /// once, after the last append.
    /// </summary>
    public (byte[] Data, int Length) Read(int bucket)
    {
        var chunks = _chunks[bucket];
        var inMemory = chunks.Count == 0 ? 0 : (chunks.Count - 1) * ChunkSize + _lastUsed[bucket];
        var onDisk = _spilled[bucket] ? (int)new FileInfo(PathOf(bucket)).Length : 0;
        var all = ArrayPool<byte>.Shared.Rent(onDisk + inMemory);
        if (onDisk > 0)
            using (var file = new FileStream(PathOf(bucket), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                file.ReadExactly(all, 0, onDisk);
        var at = onDisk;
        for (var c = 0; c < chunks.Count; c++)
        {
            var length = c == chunks.Count - 1 ? _lastUsed[bucket] : ChunkSize;
            chunks[c].AsSpan(0, length).CopyTo(all.AsSpan(at));
            at += length;
        }
        return (all, at);
    }

    public static void Return(byte[] data) => ArrayPool<byte>.Shared.Return(data);

    private string PathOf(int bucket) => Path.Combine(_folder, $"{_name}-{bucket:D2}.bin");

    public void Dispose()
    {
        for (var i = 0; i < Count; i++)
        {
            _chunks[i].Clear();
            if (_spilled[i]) File.Delete(PathOf(i));
        }
        _free.Clear();
    }
}
