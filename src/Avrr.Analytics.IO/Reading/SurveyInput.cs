using Avrr.Analytics.Wording;
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

    /// <summary><see cref="Description"/> in a language, for validate's report (the manifest keeps the English).</summary>
    public string DescriptionIn(Catalogue words) => Format switch
    {
        InputFormat.Csv when _csv is not null => _csv.Describe(words),
        InputFormat.Xlsx => words.Format(words.Refusals.Xlsx, _sheet),
        InputFormat.Parquet => words.Refusals.Parquet,
        _ => Description,
    };
    public HeaderMap Header { get; }
    /// <summary>The file as the run found it when it opened it: compared after each pass (<see cref="ConfirmUnchanged"/>).</summary>
    public FileStamp Stamp { get; }

    private CsvDialect? _csv;
    private readonly string? _sheet;

    private SurveyInput(string path, int index, InputFormat format, string sha256, string description, HeaderMap header, CsvDialect? csv, string? sheet, FileStamp stamp)
    {
        Stamp = stamp;
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
        // Before the first byte is read: what the file is now, to compare with what it is after each pass.
        var stamp = FileStamp.Of(path) ?? throw new InputRefusedException(path, Said.Of(t => t.Refusals.NoSuchFileOrFolder));
        InputFiles.RefuseIrregular(path, stamp);
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
                var map = HeaderMap.Create(path, headers, known, required, options.ColumnMapping, texts, options.Unweighted ? [SurveyColumns.Weight] : null);
                return new SurveyInput(path, index, format, dialect.Sha256, dialect.Describe(), map, dialect, null, stamp);
            }
            case InputFormat.Xlsx:
            {
                var (sheet, headers, sha) = XlsxSurveyReader.Probe(path, options.Sheet);
                var map = HeaderMap.Create(path, headers, known, required, options.ColumnMapping, texts, options.Unweighted ? [SurveyColumns.Weight] : null);
                return new SurveyInput(path, index, format, sha, Catalogue.English.Format(RefusalText.English.Xlsx, sheet), map, null, sheet, stamp);
            }
            default:
            {
                var (headers, sha) = ParquetSurveyReader.Probe(path);
                var map = HeaderMap.Create(path, headers, known, required, options.ColumnMapping, texts, options.Unweighted ? [SurveyColumns.Weight] : null);
                return new SurveyInput(path, index, format, sha, RefusalText.English.Parquet, map, null, null, stamp);
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
    public bool Verify(CancellationToken cancel = default)
    {
        if (_csv is null || _csv.Sha256.Length > 0) return false;
        var probed = CsvDialect.Probe(Path, cancel);
        var changed = probed.Encoding.CodePage != _csv.Encoding.CodePage;
        _csv = probed;
        Sha256 = probed.Sha256;
        Description = probed.Describe();
        return changed;
    }

    /// <summary>
    /// A reader of the rows: for a UTF-8 CSV file, <see cref="QuoteFreeCsvReader"/>, which splits lines
    /// without quotes itself and hands the rest of the file to CsvHelper at the first quote. A CSV file
    /// is read once from start to end, and at its end the reader confirms that it read as many bytes as
    /// the file had when it was opened and, with <paramref name="hash"/> (the second pass), that their
    /// SHA-256 is the one the first pass found (<see cref="ConfirmRead"/>).
    /// </summary>
    public ISurveyRowReader OpenReader(SurveyLayout layout, bool hash = false) => Format switch
    {
        InputFormat.Csv when QuoteFreeCsvReader.Handles(_csv!) => new QuoteFreeCsvReader(this, _csv!, layout, OpenCounted(hash)),
        InputFormat.Csv => new CsvSurveyReader(this, _csv!, layout, OpenCounted(hash)),
        InputFormat.Xlsx => new XlsxSurveyReader(this, _sheet!, layout),
        _ => new ParquetSurveyReader(this, layout),
    };

    /// <summary>CsvHelper for every line of a CSV file: what the quote-free reader is held to (tests, benchmarks).</summary>
    internal ISurveyRowReader OpenCsvHelperReader(SurveyLayout layout) => new CsvSurveyReader(this, _csv!, layout, OpenCounted(hash: false));

    private CountingReadStream OpenCounted(bool hash) => new(CsvDialect.OpenRead(Path), hash && Sha256.Length > 0);

    /// <summary>
    /// At the end of a CSV file: refuses the input when the bytes read are not those of the file the run
    /// opened (fewer or more of them, or another SHA-256), since the rows would not be the ones the
    /// manifest describes.
    /// </summary>
    internal void ConfirmRead(CountingReadStream read)
    {
        if (!read.FirstEnd()) return;
        if (read.BytesRead != Stamp.Size)
            throw Changed(string.Create(Invariant, $"it had {Stamp.Size:N0} bytes when the run opened it and {read.BytesRead:N0} when it was read to its end"));
        if (read.Sha256 is { } sha && sha != Sha256)
            throw Changed("its content is not the one the first pass read (another SHA-256)");
    }

    /// <summary>
    /// Refuses the input when the file is not the one the run opened: another size, modification or
    /// change time, or another file now under its name. Called after each pass, before anything is kept.
    /// </summary>
    public void ConfirmUnchanged()
    {
        var now = FileStamp.Of(Path);
        if (now is null) throw Changed("it was deleted or moved");
        var was = Stamp;
        if (now.Value.Size != was.Size) throw Changed(string.Create(Invariant, $"its size went from {was.Size:N0} to {now.Value.Size:N0} bytes"));
        if (was.HasIdentity && !now.Value.SameFile(was)) throw Changed("another file has taken its name");
        if (now.Value.ModifiedTicks != was.ModifiedTicks || now.Value.ChangedTicks != was.ChangedTicks) throw Changed("it was modified");
    }

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    private InputRefusedException Changed(string how) => new(Path,
        $"the file changed while the run was reading it ({how}): the results would not describe one version of it. Run again once nothing is writing to it");
}
