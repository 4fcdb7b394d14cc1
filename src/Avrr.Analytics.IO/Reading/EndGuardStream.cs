namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// A Parquet file (an export, a partial's table) as the Parquet library reads it, with one difference: a read asked for at the end of the
/// file throws instead of returning nothing. The library reads a page by looping until it has the page's declared size;
/// a damaged page header that declares more bytes than the file holds made that loop spin forever (found by the
/// merge's fuzz harness, issue 23). A file that is whole is never read past its end. See <see cref="ParquetGuard"/>.
/// </summary>
internal sealed class EndGuardStream(FileStream file) : Stream
{
    public override int Read(Span<byte> buffer)
    {
        var read = file.Read(buffer);
        return read > 0 || buffer.IsEmpty ? read : throw new EndOfStreamException($"a page goes past the end of the file (at byte {file.Position:N0})");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => file.Length;
    public override long Position { get => file.Position; set => file.Position = value; }
    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }
}
