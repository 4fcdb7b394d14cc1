using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// The reader of a UTF-8 CSV file, in both passes. Most lines hold no quote, and such a line is split
/// here: the line break found with one vectorised search, the line copied into the batch once, its
/// separators found 32 bytes at a time, and each field set as a slice of the copy. That costs a
/// fraction of a general CSV parse, which copies field by field.
/// <para>
/// At the first line holding a quote, or a carriage return that is not followed by a line feed, the rest
/// of the file is handed to <see cref="CsvSurveyReader"/> (CsvHelper), starting at that line. On
/// quote-free lines the two agree on everything a row is made of: records end at LF or CRLF, fields
/// at the separator, blank rows, field counts, row numbers and sequence numbers; a test holds them
/// to that on the same files.
/// </para>
/// </summary>
internal sealed class QuoteFreeCsvReader : ISurveyRowReader
{
    private readonly SurveyInput _input;
    private readonly CsvDialect _dialect;
    private readonly SurveyLayout _layout;
    private readonly CountingReadStream _stream;
    private readonly byte _separator;
    private readonly int _headerCount;
    private readonly int[] _runColumn;    // for each file column, its position in the run layout, or -1
    private byte[] _buffer = new byte[1 << 20];
    private int _start, _end;             // unread bytes of the buffer
    private long _bufferOffset;           // file offset of _buffer[0]
    private bool _endOfFile;
    private long _rows;                   // data rows (blank ones too) read so far
    private CsvSurveyReader? _rest;
    private readonly int[] _wantedColumn; // for each file column, its run position when wanted in this batch, or -1
    private int[] _separatorAt = new int[256];

    internal QuoteFreeCsvReader(SurveyInput input, CsvDialect dialect, SurveyLayout layout, CountingReadStream file)
    {
        _input = input;
        _dialect = dialect;
        _layout = layout;
        _separator = (byte)dialect.Separator;
        _headerCount = input.Header.Headers.Count;
        _runColumn = input.Header.RunColumns(layout);
        _wantedColumn = new int[_runColumn.Length];
        _stream = file;
        Refill();
        if (_buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _start += 3;
        // The header: when it is quoted (as Kobo writes every field), CsvHelper reads the whole file.
        if (NextLine(out _, out var headerOffset) != Line.Plain) HandOver(headerOffset, 0, hasHeader: true);
    }

    public long BytesRead => _rest?.BytesRead ?? _bufferOffset + _start;

    /// <summary>Whether the file can be read here: UTF-8 (with or without byte order mark); other encodings go to CsvHelper.</summary>
    internal static bool Handles(CsvDialect dialect) => dialect.Encoding is UTF8Encoding;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Fill(SurveyBatch batch, ReadOnlySpan<bool> wanted, ref long sequence)
    {
        if (_rest is not null) return _rest.Fill(batch, wanted, ref sequence);
        batch.Reset(_input.Path, _input.Index);
        var lastWanted = -1;
        for (var j = 0; j < _runColumn.Length; j++)
        {
            _wantedColumn[j] = _runColumn[j] >= 0 && wanted[_runColumn[j]] ? _runColumn[j] : -1;
            if (_wantedColumn[j] >= 0) lastWanted = j;
        }
        while (!batch.IsFull)
        {
            var kind = NextLine(out var line, out var lineOffset);
            if (kind == Line.None)
            {
                _input.ConfirmRead(_stream);
                break;
            }
            if (kind == Line.NeedsCsvHelper)
            {
                HandOver(lineOffset, _rows, hasHeader: false);
                _rest!.FillMore(batch, wanted, ref sequence);
                break;
            }
            var rowNumber = ++_rows + 1;    // the header is row 1
            if (IsBlank(line))
            {
                batch.BlankRows++;
                continue;
            }
            var row = batch.AddRow(rowNumber, sequence++);
            // The line is copied once, up to the last field wanted; its fields are slices of the copy. A line longer than
            // a field may be has its fields copied one by one instead, so that a field too long to read is never copied.
            var separators = Separators(line, lastWanted + 1);
            var wantedText = line[..(lastWanted < separators ? _separatorAt[lastWanted] : line.Length)];
            var whole = wantedText.Length <= SurveyBatch.MaxFieldChars;
            var text = whole ? batch.AddText(wantedText) : 0;
            var fieldStart = 0;
            for (var j = 0; j <= lastWanted && j <= separators; j++)
            {
                var fieldEnd = j < separators ? _separatorAt[j] : line.Length;
                if (_wantedColumn[j] >= 0)
                {
                    if (whole) batch.SetFieldAt(row, _wantedColumn[j], text + fieldStart, fieldEnd - fieldStart);
                    else batch.SetField(row, _wantedColumn[j], line[fieldStart..fieldEnd]);
                }
                fieldStart = fieldEnd + 1;
            }
            var fields = separators + 1;
            if (fields != _headerCount) CsvSurveyReader.RejectFieldCount(batch, row, line, fields, _headerCount);
        }
        batch.RejectTooLongFields();
        return batch.Count > 0 || batch.BlankRows > 0;
    }

    /// <summary>A row whose every field is empty or spaces; nearly every row settles it at its first byte.</summary>
    private bool IsBlank(ReadOnlySpan<byte> line) =>
        line.IsEmpty || (line[0] is (byte)' ' or (byte)'\t' || line[0] == _separator) && line.IndexOfAnyExcept(_separator, (byte)' ', (byte)'\t') < 0;

    /// <summary>
    /// Counts the separators of a line and finds where the first <paramref name="needed"/> are (at least),
    /// in order, into <see cref="_separatorAt"/>: 32 or 16 bytes compared at once, each match taken from
    /// the bit mask of the comparison, and only counted once enough are found (the first pass wants
    /// three fields). One search per field costs more: fields are a few bytes long.
    /// </summary>
    private int Separators(ReadOnlySpan<byte> line, int needed)
    {
        // Room for the separators wanted and a vector's worth more: those past it are only counted (a line of
        // megabytes makes no array of its length).
        if (_separatorAt.Length < needed + 64) _separatorAt = new int[Math.Max(needed + 64, _separatorAt.Length * 2)];
        var found = _separatorAt;
        var count = 0;
        var i = 0;
        ref var first = ref MemoryMarshal.GetReference(line);
        if (Vector256.IsHardwareAccelerated)
        {
            var separator = Vector256.Create(_separator);
            for (; i + Vector256<byte>.Count <= line.Length; i += Vector256<byte>.Count)
            {
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), separator).ExtractMostSignificantBits();
                if (count >= needed) count += BitOperations.PopCount(mask);
                else for (; mask != 0; mask &= mask - 1) found[count++] = i + BitOperations.TrailingZeroCount(mask);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var separator = Vector128.Create(_separator);
            for (; i + Vector128<byte>.Count <= line.Length; i += Vector128<byte>.Count)
            {
                var mask = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), separator).ExtractMostSignificantBits();
                if (count >= needed) count += BitOperations.PopCount(mask);
                else for (; mask != 0; mask &= mask - 1) found[count++] = i + BitOperations.TrailingZeroCount(mask);
            }
        }
        for (; i < line.Length; i++)
            if (line[i] == _separator)
            {
                if (count < needed) found[count] = i;
                count++;
            }
        return count;
    }

    private enum Line { None, Plain, NeedsCsvHelper }

    /// <summary>The next line without its line break, and the file offset where it starts.</summary>
    private Line NextLine(out ReadOnlySpan<byte> line, out long offset)
    {
        while (true)
        {
            var unread = _buffer.AsSpan(_start, _end - _start);
            offset = _bufferOffset + _start;
            line = default;
            var at = unread.IndexOfAny((byte)'\n', (byte)'\r', (byte)'"');
            if (at < 0 || (unread[at] == '\r' && at + 1 == unread.Length && !_endOfFile))
            {
                if (!_endOfFile)
                {
                    Refill();
                    continue;
                }
                if (unread.IsEmpty) return Line.None;
                line = unread;      // the last line, without a line break
                _start = _end;
                return Line.Plain;
            }
            if (unread[at] == '"' || (unread[at] == '\r' && (at + 1 == unread.Length || unread[at + 1] != '\n'))) return Line.NeedsCsvHelper;
            line = unread[..at];
            _start += at + (unread[at] == '\r' ? 2 : 1);
            return Line.Plain;
        }
    }

    /// <summary>Keeps the unread bytes, at the start of the buffer (grown if they fill it), and reads more after them.</summary>
    private void Refill()
    {
        var unread = _end - _start;
        if (unread == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        _bufferOffset += _start;
        _start = 0;
        _end = unread;
        var read = _stream.ReadAtLeast(_buffer.AsSpan(_end), _buffer.Length - _end, throwOnEndOfStream: false);
        _end += read;
        _endOfFile = _end < _buffer.Length;
    }

    /// <summary>
    /// CsvHelper reads the rest of the file from the line at <paramref name="offset"/> (the header's, after
    /// a byte order mark, or a data row's): the bytes of the buffer from there on, then the rest of the
    /// same stream, so that no byte is read twice.
    /// </summary>
    private void HandOver(long offset, long rowsBefore, bool hasHeader)
    {
        var from = (int)(offset - _bufferOffset);
        var unread = _buffer.AsMemory(from, _end - from);
        _rest = new CsvSurveyReader(_input, _dialect, _layout, new PrefixedStream(unread, _stream), _stream, hasHeader, rowsBefore);
    }

    public void Dispose()
    {
        _stream.Dispose();
        _rest?.Dispose();
    }
}
