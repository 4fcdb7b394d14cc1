using System.Security.Cryptography;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// A file read once from its start to its end, through a stream that counts the bytes read and, when
/// asked, keeps their SHA-256: at the end of the file, what a pass actually read can be compared with
/// what the file was when the run opened it (<see cref="SurveyInput.ConfirmRead"/>).
/// </summary>
internal sealed class CountingReadStream(FileStream file, bool hash) : Stream
{
    private readonly IncrementalHash? _sha = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    private bool _confirmed;

    public long BytesRead { get; private set; }

    /// <summary>The SHA-256 of the bytes read so far (lower-case hex), or null when it is not kept.</summary>
    public string? Sha256 => _sha is null ? null : Convert.ToHexStringLower(_sha.GetCurrentHash());

    /// <summary>True the first time it is called: the end of the file is confirmed once.</summary>
    public bool FirstEnd()
    {
        if (_confirmed) return false;
        _confirmed = true;
        return true;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = file.Read(buffer);
        _sha?.AppendData(buffer[..read]);
        BytesRead += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => file.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
            _sha?.Dispose();
        }
        base.Dispose(disposing);
    }
}
