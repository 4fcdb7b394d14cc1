using System.Security.Cryptography;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// A file read once from its start to its end, through a stream that counts the bytes read and, when
/// asked, keeps their SHA-256: at the end of the file, what a pass actually read can be compared with
/// what the file was when the run opened it (<see cref="SurveyInput.ConfirmRead"/>).
/// </summary>
internal sealed class CountingReadStream(FileStream file, bool hash) : ForwardReadStream
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

    public override long Length => file.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

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
