namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// Records split into buckets by a hash, kept in memory up to a limit and spilled to files beyond it,
/// then read back one bucket at a time. This is how facts that need all the rows of one returnee
/// (duplicate surveys, panel change) are found with memory that does not grow with the file: there are
/// more buckets for more records (<see cref="CountFor"/>), so that a bucket read back stays about the
/// same size however large the input.
/// </summary>
internal sealed class SpillBuckets : Estimation.IReturneeBuckets, IDisposable
{
    /// <summary>
    /// Bytes per chunk: up to 64 KB, smaller when there are many buckets, so that every bucket can hold a
    /// few chunks within the memory limit.
    /// </summary>
    private readonly int _chunkSize;

    private readonly string _folder;
    private readonly string _name;
    private readonly long _memoryLimit;
    // Each bucket's records in memory: a list of fixed chunks, so growing never copies or leaves large
    // garbage behind (a doubling buffer would, on the large object heap).
    private readonly List<byte[]>[] _chunks;
    private readonly int[] _lastUsed;
    private readonly bool[] _spilled;
    private readonly Stack<byte[]> _free = new();
    private long _buffered;

    public SpillBuckets(string folder, string name, long expectedRecords, long memoryLimit = 8 << 20)
    {
        _folder = folder;
        _name = name;
        _memoryLimit = memoryLimit;
        Count = CountFor(expectedRecords);
        _chunkSize = (int)Math.Clamp(memoryLimit / Count / 4, 4096, 64 * 1024);
        _chunks = new List<byte[]>[Count];
        _lastUsed = new int[Count];
        _spilled = new bool[Count];
        for (var i = 0; i < Count; i++) _chunks[i] = [];
    }

    public int Count { get; }

    /// <summary>Buckets for about this many records: some 16k records each, a power of two from 64 to 4096.</summary>
    public static int CountFor(long records) =>
        (int)Math.Clamp(System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, (records + 16_383) / 16_384)), 64, 4096);

    /// <summary>The bucket of a record by the fingerprint of its returnee, so that a returnee's records share one.</summary>
    public int BucketOf(ulong fingerprint) => (int)(fingerprint % (ulong)Count);

    public void Append(int bucket, ReadOnlySpan<byte> record)
    {
        var chunks = _chunks[bucket];
        while (!record.IsEmpty)
        {
            if (chunks.Count == 0 || _lastUsed[bucket] == _chunkSize)
            {
                chunks.Add(_free.Count > 0 ? _free.Pop() : new byte[_chunkSize]);
                // The limit counts whole chunks, partly filled ones included: that is the memory they hold.
                _buffered += _chunkSize;
                _lastUsed[bucket] = 0;
            }
            var take = Math.Min(record.Length, _chunkSize - _lastUsed[bucket]);
            record[..take].CopyTo(chunks[^1].AsSpan(_lastUsed[bucket]));
            _lastUsed[bucket] += take;
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
            // Unbuffered: whole chunks are written, and a buffer per file per spill would be garbage.
            using (var file = new FileStream(PathOf(i), FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0))
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
            destination.Write(chunks[c], 0, c == chunks.Count - 1 ? _lastUsed[bucket] : _chunkSize);
            _free.Push(chunks[c]);
        }
        chunks.Clear();
        _lastUsed[bucket] = 0;
    }

    /// <summary>
    /// Reads every record of a bucket, in the order they were appended, to the start of
    /// <paramref name="buffer"/> (replaced by a larger one when it is too small) and returns their length.
    /// The caller reuses its buffer from bucket to bucket: a bucket is megabytes, and a fresh array per
    /// bucket would be zeroed and faulted in each time. Safe to call for different buckets at once, after
    /// the last append.
    /// </summary>
    public int Read(int bucket, ref byte[] buffer)
    {
        var chunks = _chunks[bucket];
        var inMemory = chunks.Count == 0 ? 0 : (chunks.Count - 1) * _chunkSize + _lastUsed[bucket];
        var onDisk = _spilled[bucket] ? (int)new FileInfo(PathOf(bucket)).Length : 0;
        if (buffer.Length < onDisk + inMemory) buffer = new byte[(onDisk + inMemory) * 5L / 4 > Array.MaxLength ? onDisk + inMemory : (onDisk + inMemory) * 5 / 4];
        if (onDisk > 0)
            using (var file = new FileStream(PathOf(bucket), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
                file.ReadExactly(buffer, 0, onDisk);
        var at = onDisk;
        for (var c = 0; c < chunks.Count; c++)
        {
            var length = c == chunks.Count - 1 ? _lastUsed[bucket] : _chunkSize;
            chunks[c].AsSpan(0, length).CopyTo(buffer.AsSpan(at));
            at += length;
        }
        return at;
    }

    private string PathOf(int bucket) => Path.Combine(_folder, $"{_name}-{bucket:D2}.bin");

    /// <summary>Deletes the spilled files; a second call does nothing (a merge disposes its buckets before it deletes their folder, then again as it unwinds).</summary>
    public void Dispose()
    {
        for (var i = 0; i < Count; i++)
        {
            _chunks[i].Clear();
            if (_spilled[i]) File.Delete(PathOf(i));
            _spilled[i] = false;
        }
        _free.Clear();
    }
}
