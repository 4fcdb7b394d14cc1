using Avrr.Analytics.Wording;
using System.Data;
using System.Security.Cryptography;
using System.Text;
using Avrr.Analytics.Surveys;
using ExcelDataReader;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// Reads one sheet of an XLSX workbook (KoboToolbox's default export) with ExcelDataReader, streaming
/// row by row: the first row is the header, typed cells become text as <see cref="CellText"/> writes them.
/// Row numbers are the sheet's own, so a reject points at the row Excel shows.
/// </summary>
public sealed class XlsxSurveyReader : ISurveyRowReader
{
    private readonly SurveyInput _input;
    private readonly Stream _stream;
    private readonly IExcelDataReader _excel;
    private readonly int[] _runColumn;
    private readonly int _headerCount;
    private readonly bool[] _dateColumn;

    static XlsxSurveyReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal XlsxSurveyReader(SurveyInput input, string sheet, SurveyLayout layout)
    {
        _input = input;
        _stream = CsvDialect.OpenRead(input.Path);
        _excel = OpenSheet(input.Path, _stream, sheet);
        if (!_excel.Read()) throw new InputRefusedException(input.Path, Said.Of(t => t.Refusals.SheetEmpty, sheet));
        _headerCount = input.Header.Headers.Count;
        _runColumn = input.Header.RunColumns(layout);
        // Excel keeps a date as a number (days since 1899-12-30); a cell without a date style shows it as one.
        _dateColumn = _runColumn.Select(c => c == SurveyLayout.SurveyDate
            || (c >= layout.FirstSubmissionColumn && layout.NameOf(c) is Vocabulary.SubmissionColumns.Start or Vocabulary.SubmissionColumns.End)).ToArray();
    }

    /// <summary>The sheet to read (the first, or the one asked for), its header and the file's SHA-256.</summary>
    internal static (string Sheet, IReadOnlyList<string> Headers, string Sha256) Probe(string path, string? sheet)
    {
        string sha;
        using (var hashStream = CsvDialect.OpenRead(path)) sha = Convert.ToHexStringLower(SHA256.HashData(hashStream));
        using var stream = CsvDialect.OpenRead(path);
        using var excel = OpenSheet(path, stream, sheet);
        if (!excel.Read()) throw new InputRefusedException(path, Said.Of(t => t.Refusals.SheetNoHeader, excel.Name));
        var headers = Enumerable.Range(0, excel.FieldCount).Select(i => CellText.Of(excel.GetValue(i))).ToList();
        // Trailing columns without a header are formatting left by Excel, not data.
        while (headers.Count > 0 && headers[^1].Trim().Length == 0) headers.RemoveAt(headers.Count - 1);
        return (excel.Name, headers, sha);
    }

    private static IExcelDataReader OpenSheet(string path, Stream stream, string? sheet)
    {
        // Before anything is unpacked: a small file can unpack into gigabytes.
        WorkbookSizeLimits.Check(path, stream);
        IExcelDataReader excel;
        try
        {
            excel = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception e) when (e is not InputRefusedException)
        {
            throw new InputRefusedException(path, $"the workbook cannot be read: {e.Message}");
        }
        if (sheet is null) return excel;
        var names = new List<string>();
        do
        {
            if (string.Equals(excel.Name, sheet, StringComparison.OrdinalIgnoreCase)) return excel;
            names.Add(excel.Name);
        } while (excel.NextResult());
        excel.Dispose();
        throw new InputRefusedException(path, Said.Of(t => t.Refusals.NoSheet, sheet, string.Join(", ", names)));
    }

    public bool Fill(SurveyBatch batch, ReadOnlySpan<bool> wanted, ref long sequence)
    {
        batch.Reset(_input.Path, _input.Index);
        while (!batch.IsFull && _excel.Read())
        {
            var fields = _excel.FieldCount;
            // Excel keeps formatted but empty cells past the last column; only cells with a value count.
            var lastFilled = -1;
            for (var j = 0; j < fields; j++)
                if (CellText.Of(_excel.GetValue(j)).Trim().Length > 0) lastFilled = j;
            if (lastFilled < 0)
            {
                batch.BlankRows++;
                continue;
            }
            var row = batch.AddRow(_excel.Depth + 1, sequence++);
            for (var j = 0; j <= lastFilled && j < _runColumn.Length; j++)
            {
                var column = _runColumn[j];
                if (column >= 0 && wanted[column])
                    batch.SetField(row, column, _dateColumn[j] ? CellText.OfDateCell(_excel.GetValue(j)) : CellText.Of(_excel.GetValue(j)));
            }
            if (lastFilled >= _headerCount)
                batch.Reject(row, "", CellText.Of(_excel.GetValue(lastFilled)), RejectReason.FieldCount,
                    RejectMessages.Format(batch.Layout.Messages.ValuePastHeader, lastFilled + 1, _headerCount));
        }
        batch.RejectTooLongFields();
        return batch.Count > 0 || batch.BlankRows > 0;
    }

    public long BytesRead => _stream.CanSeek ? _stream.Position : 0;

    public void Dispose()
    {
        _excel.Dispose();
        _stream.Dispose();
    }
}
