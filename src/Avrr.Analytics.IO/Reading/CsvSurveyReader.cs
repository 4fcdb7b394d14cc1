using System.Text;
using Avrr.Analytics.Surveys;
using CsvHelper;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// Reads the rows of a CSV export with CsvHelper (SIMD UTF-8 scanning, RFC 4180 quoting with separators
/// and line breaks inside quoted fields). Fields are copied as UTF-8 spans into the batch: no string
/// is made per field. A row with a quote that is never closed, or with another number of fields than
/// the header, is rejected for that reason alone, since its columns cannot be trusted.
/// </summary>
public sealed class CsvSurveyReader : ISurveyRowReader
{
    private readonly SurveyInput _input;
    private readonly CsvReader _csv;
    private readonly int[] _runColumn;     // for each file column, its position in the run layout, or -1
    private readonly int _headerCount;
    private readonly long _rowsBefore;
    private readonly CountingReadStream _file;
    private long _malformedRow = -1;

    /// <summary>Reads the whole file, through <paramref name="file"/> (which counts, and maybe hashes, what is read).</summary>
    internal CsvSurveyReader(SurveyInput input, CsvDialect dialect, SurveyLayout layout, CountingReadStream file)
        : this(input, dialect, layout, file, file, hasHeader: true, rowsBefore: 0)
    {
    }

    /// <summary>
    /// Reads <paramref name="stream"/>: the whole file (<paramref name="hasHeader"/>), or the rest of it
    /// from the start of the line after the header and <paramref name="rowsBefore"/> data rows, where
    /// <see cref="QuoteFreeCsvReader"/> hands over. <paramref name="file"/> is the file's own stream
    /// beneath it, whose count of bytes read is confirmed at the end.
    /// </summary>
    internal CsvSurveyReader(SurveyInput input, CsvDialect dialect, SurveyLayout layout, Stream stream, CountingReadStream file, bool hasHeader, long rowsBefore)
    {
        _input = input;
        _file = file;
        _rowsBefore = rowsBefore;
        _csv = Open(stream, dialect, record =>
        {
            // Record numbers count the header when there is one; row numbers always do.
            if (record.Reason == CsvMalformedReason.UnterminatedQuote) _malformedRow = rowsBefore + record.RecordNumber + (hasHeader ? 0 : 1);
        }, hasHeader);
        if (hasHeader)
        {
            _csv.ReadHeader();
            _headerCount = _csv.Headers.Count;
        }
        else _headerCount = input.Header.Headers.Count;
        _runColumn = input.Header.RunColumns(layout);
    }

    internal static CsvReader Open(Stream stream, CsvDialect dialect, Action<CsvMalformedRecord>? onMalformed = null, bool hasHeader = true)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = dialect.Separator,
            Encoding = dialect.Encoding is UTF8Encoding ? null : dialect.Encoding,
            HasHeader = hasHeader,
            AllowLineBreaksInQuotes = true,
            // Blank lines come through as records, so that row numbers stay those a spreadsheet shows.
            SkipEmptyLines = false,
            OnMalformedRecord = onMalformed,
            BufferSize = 1 << 20,
        };
        return CsvReader.Create(stream, options, leaveOpen: false);
    }

    /// <summary>The header of the file, read with its dialect.</summary>
    internal static IReadOnlyList<string> ReadHeader(string path, CsvDialect dialect)
    {
        using var csv = Open(CsvDialect.OpenRead(path), dialect);
        csv.ReadHeader();
        return csv.Headers.ToArray();
    }

    public bool Fill(SurveyBatch batch, ReadOnlySpan<bool> wanted, ref long sequence)
    {
        batch.Reset(_input.Path, _input.Index);
        return FillMore(batch, wanted, ref sequence);
    }

    /// <summary><see cref="Fill"/> without emptying the batch first.</summary>
    internal bool FillMore(SurveyBatch batch, ReadOnlySpan<bool> wanted, ref long sequence)
    {
        while (!batch.IsFull && _csv.Read())
        {
            var rowNumber = _rowsBefore + _csv.RowNumber + 1;      // the header is row 1
            var fields = _csv.FieldCount;
            if (rowNumber != _malformedRow && IsBlank(fields))
            {
                batch.BlankRows++;
                continue;
            }
            var row = batch.AddRow(rowNumber, sequence++);
            for (var j = 0; j < Math.Min(fields, _runColumn.Length); j++)
            {
                var column = _runColumn[j];
                if (column >= 0 && wanted[column]) batch.SetField(row, column, _csv.GetSpan(j));
            }
            if (rowNumber == _malformedRow)
                batch.Reject(row, "", "", RejectReason.MalformedRow, batch.Layout.Messages.MalformedRow);
            else if (fields != _headerCount) RejectFieldCount(batch, row, _csv.RawRecord, fields, _headerCount);
        }
        if (!batch.IsFull) _input.ConfirmRead(_file);     // the end of the file
        batch.RejectTooLongFields();
        return batch.Count > 0 || batch.BlankRows > 0;
    }

    /// <summary>Rejects a row whose number of fields is not the header's (both CSV readers say it alike).</summary>
    internal static void RejectFieldCount(SurveyBatch batch, int row, ReadOnlySpan<byte> line, int fields, int headerCount) =>
        batch.Reject(row, "", Encoding.UTF8.GetString(line), RejectReason.FieldCount, RejectMessages.Format(batch.Layout.Messages.FieldCount, fields, headerCount));

    private bool IsBlank(int fields)
    {
        // Nearly every row has a first field (the returnee id), which settles it at once.
        if (fields > 0 && !_csv.GetSpan(0).IsEmpty && _csv.GetSpan(0)[0] is not ((byte)' ' or (byte)'\t')) return false;
        for (var j = 0; j < fields; j++)
            if (!_csv.GetSpan(j).Trim(" \t"u8).IsEmpty) return false;
        return true;
    }

    public void Dispose() => _csv.Dispose();

    // The file's count runs ahead of the rows by CsvHelper's buffer (1 MB): near enough for a percentage.
    public long BytesRead => _file.BytesRead;
}
