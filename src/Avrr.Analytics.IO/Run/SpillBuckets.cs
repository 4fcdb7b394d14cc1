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

    private readonly string _folder;
    private readonly string _name;
    private readonly long _memoryLimit;
    private readonly MemoryStream[] _memory = new MemoryStream[Count];
    private readonly bool[] _spilled = new bool[Count];
    private long _buffered;

    public SpillBuckets(string folder, string name, long memoryLimit = 16 << 20)
    {
        _folder = folder;
        _name = name;
        _memoryLimit = memoryLimit;
        for (var i = 0; i < Count; i++) _memory[i] = new MemoryStream();
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
        _memory[bucket].Write(record);
        _buffered += record.Length;
        if (_buffered > _memoryLimit) Spill();
    }

    private void Spill()
    {
        Directory.CreateDirectory(_folder);
        for (var i = 0; i < Count; i++)
        {
            if (_memory[i].Length == 0) continue;
            using (var file = new FileStream(PathOf(i), FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16))
                _memory[i].WriteTo(file);
            _spilled[i] = true;
            _memory[i].SetLength(0);
        }
        _buffered = 0;
    }

    /// <summary>Every record of a bucket, in the order they were appended.</summary>
    public byte[] Read(int bucket)
    {
        var memory = _memory[bucket];
        if (!_spilled[bucket]) return memory.ToArray();
        var onDisk = File.ReadAllBytes(PathOf(bucket));
        var all = new byte[onDisk.Length + memory.Length];
        onDisk.CopyTo(all, 0);
        memory.GetBuffer().AsSpan(0, (int)memory.Length).CopyTo(all.AsSpan(onDisk.Length));
        return all;
    }

    private string PathOf(int bucket) => Path.Combine(_folder, $"{_name}-{bucket:D2}.bin");

    public void Dispose()
    {
        for (var i = 0; i < Count; i++)
        {
            _memory[i].Dispose();
            if (_spilled[i]) File.Delete(PathOf(i));
        }
    }
}
