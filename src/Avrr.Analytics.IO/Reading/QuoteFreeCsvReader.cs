using System.Text;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// The first pass's reader of a UTF-8 CSV file. That pass wants three columns of each row (the survey
/// key), and most lines hold no quote, so such a line is split here: the line break found with one
/// vectorised search, the fields counted with another, only the fields up to the last wanted one cut
/// out. That costs a fraction of a full parse of every field.
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
    private readonly FileStream _stream;
    private readonly byte _separator;
    private readonly int _headerCount;
    private readonly int[] _runColumn;    // for each file column, its position in the run layout, or -1
    private byte[] _buffer = new byte[1 << 20];
    private int _start, _end;             // unread bytes of the buffer
    private long _bufferOffset;           // file offset of _buffer[0]
    private bool _endOfFile;
    private long _rows;                   // data rows (blank ones too) read so far
    private CsvSurveyReader? _rest;

    internal QuoteFreeCsvReader(SurveyInput input, CsvDialect dialect, SurveyLayout layout)
    {
        _input = input;
        _dialect = dialect;
        _layout = layout;
        _separator = (byte)dialect.Separator;
        _headerCount = input.Header.Headers.Count;
        _runColumn = input.Header.Ids.Select(id => id is null ? -1 : layout.IndexOf(id) ?? -1).ToArray();
        _stream = CsvDialect.OpenRead(input.Path);
        Refill();
        if (_buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _start += 3;
        // The header: when it is quoted (as Kobo writes every field), CsvHelper reads the whole file.
        if (NextLine(out _, out _) != Line.Plain) HandOver(0, 0);
    }

    /// <summary>Whether the file can be read here: UTF-8 (with or without byte order mark); other encodings go to CsvHelper.</summary>
    internal static bool Handles(CsvDialect dialect) => dialect.Encoding is UTF8Encoding;

    public bool Fill(SurveyBatch batch, ReadOnlySpan<bool> wanted, ref long sequence)
    {
        if (_rest is not null) return _rest.Fill(batch, wanted, ref sequence);
        batch.Reset(_input.Path, _input.Index);
        var lastWanted = -1;
        for (var j = 0; j < _runColumn.Length; j++)
            if (_runColumn[j] >= 0 && wanted[_runColumn[j]]) lastWanted = j;
        while (!batch.IsFull)
        {
            var kind = NextLine(out var line, out var lineOffset);
            if (kind == Line.None) break;
            if (kind == Line.NeedsCsvHelper)
            {
                HandOver(lineOffset, _rows);
                _rest!.FillMore(batch, wanted, ref sequence);
                break;
            }
            var rowNumber = ++_rows + 1;    // the header is row 1
            if (line.IndexOfAnyExcept(_separator, (byte)' ', (byte)'\t') < 0)
            {
                batch.BlankRows++;
                continue;
            }
            var row = batch.AddRow(rowNumber, sequence++);
            var fields = line.Count(_separator) + 1;
            var rest = line;
            for (var j = 0; j <= lastWanted && j < fields; j++)
            {
                var end = rest.IndexOf(_separator);
                var field = end < 0 ? rest : rest[..end];
                if (_runColumn[j] >= 0 && wanted[_runColumn[j]]) batch.SetField(row, _runColumn[j], field);
                rest = end < 0 ? [] : rest[(end + 1)..];
            }
            if (fields != _headerCount) CsvSurveyReader.RejectFieldCount(batch, row, line, fields, _headerCount);
        }
        return batch.Count > 0 || batch.BlankRows > 0;
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

    private void HandOver(long offset, long rowsBefore)
    {
        _stream.Dispose();
        _rest = new CsvSurveyReader(_input, _dialect, _layout, offset, rowsBefore);
    }

    public void Dispose()
    {
        _stream.Dispose();
        _rest?.Dispose();
    }
}
