using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// An input file checked and ready to read: its format, SHA-256 and header mapping are known. Opening
/// one reads the whole file once (hash, encoding) and refuses it with <see cref="InputRefusedException"/>
/// when it cannot be used, before any output is written.
/// </summary>
public sealed class SurveyInput
{
    public string Path { get; }
    /// <summary>Position of the input in the run.</summary>
    public int Index { get; }
    public InputFormat Format { get; }
    /// <summary>SHA-256 of the file; for a CSV file, known once <see cref="Verify"/> has read it in full.</summary>
    public string Sha256 { get; private set; }
    /// <summary>A phrase for people: "CSV, ';' separated, UTF-8 with byte order mark".</summary>
    public string Description { get; private set; }
    public HeaderMap Header { get; }

    private CsvDialect? _csv;
    private readonly string? _sheet;

    private SurveyInput(string path, int index, InputFormat format, string sha256, string description, HeaderMap header, CsvDialect? csv, string? sheet)
    {
        Path = path;
        Index = index;
        Format = format;
        Sha256 = sha256;
        Description = description;
        Header = header;
        _csv = csv;
        _sheet = sheet;
    }

    public static SurveyInput Open(string path, int index, Schemes.Scheme scheme, ReadOptions options)
    {
        var known = SurveyColumns.Record.Concat(scheme.Questions.Select(q => q.Id)).ToArray();
        var required = SurveyColumns.Required.Concat(scheme.Questions.Select(q => q.Id)).ToArray();
        var texts = scheme.Questions.SelectMany(q => q.Text.Values);
        byte[] head;
        using (var stream = CsvDialect.OpenRead(path))
        {
            head = new byte[8];
            head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        }
        var format = InputFiles.Detect(path, head);
        switch (format)
        {
            case InputFormat.Csv:
            {
                var dialect = CsvDialect.Sniff(path);
                var headers = CsvSurveyReader.ReadHeader(path, dialect);
                var map = HeaderMap.Create(path, headers, known, required, options.ColumnMapping, texts);
                return new SurveyInput(path, index, format, dialect.Sha256, dialect.Describe(), map, dialect, null);
            }
            case InputFormat.Xlsx:
            {
                var (sheet, headers, sha) = XlsxSurveyReader.Probe(path, options.Sheet);
                var map = HeaderMap.Create(path, headers, known, required, options.ColumnMapping, texts);
                return new SurveyInput(path, index, format, sha, $"XLSX, sheet '{sheet}'", map, null, sheet);
            }
            default:
            {
                var (headers, sha) = ParquetSurveyReader.Probe(path);
                var map = HeaderMap.Create(path, headers, known, required, options.ColumnMapping, texts);
                return new SurveyInput(path, index, format, sha, "Parquet", map, null, null);
            }
        }
    }

    /// <summary>The header of an export as it is (<c>avrr init</c> maps it without refusing the file): format detected, then its first row.</summary>
    public static IReadOnlyList<string> ReadHeaders(string path, string? sheet)
    {
        byte[] head;
        using (var stream = CsvDialect.OpenRead(path))
        {
            head = new byte[8];
            head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        }
        return InputFiles.Detect(path, head) switch
        {
            InputFormat.Csv => CsvSurveyReader.ReadHeader(path, CsvDialect.Sniff(path)),
            InputFormat.Xlsx => XlsxSurveyReader.Probe(path, sheet).Headers,
            _ => ParquetSurveyReader.Probe(path).Headers,
        };
    }

    /// <summary>
    /// Reads a CSV file in full (SHA-256, encoding): its start decided the encoding, but a bad byte can
    /// come late. Returns true when the file must be read again, with another encoding; throws
    /// <see cref="InputRefusedException"/> when it cannot be used. Other formats were read in full when opened.
    /// </summary>
    public bool Verify()
    {
        if (_csv is null || _csv.Sha256.Length > 0) return false;
        var probed = CsvDialect.Probe(Path);
        var changed = probed.Encoding.CodePage != _csv.Encoding.CodePage;
        _csv = probed;
        Sha256 = probed.Sha256;
        Description = probed.Describe();
        return changed;
    }

    /// <summary>
    /// A reader of the rows: for a UTF-8 CSV file, <see cref="QuoteFreeCsvReader"/>, which splits lines
    /// without quotes itself and hands the rest of the file to CsvHelper at the first quote.
    /// </summary>
    public ISurveyRowReader OpenReader(SurveyLayout layout) => Format switch
    {
        InputFormat.Csv when QuoteFreeCsvReader.Handles(_csv!) => new QuoteFreeCsvReader(this, _csv!, layout),
        InputFormat.Csv => new CsvSurveyReader(this, _csv!, layout),
        InputFormat.Xlsx => new XlsxSurveyReader(this, _sheet!, layout),
        _ => new ParquetSurveyReader(this, layout),
    };

    /// <summary>CsvHelper for every line of a CSV file: what the quote-free reader is held to (tests, benchmarks).</summary>
    internal ISurveyRowReader OpenCsvHelperReader(SurveyLayout layout) => new CsvSurveyReader(this, _csv!, layout);
}
