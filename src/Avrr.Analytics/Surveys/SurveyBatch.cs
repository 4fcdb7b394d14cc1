using System.Text;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Surveys;

/// <summary>
/// A block of consecutive rows of one input, as they flow through the pipeline: the readers fill the
/// raw UTF-8 text of every column (<c>SetField</c>), <see cref="SurveyProcessor"/> validates,
/// decodes and scores them, and the writers and estimators read the results. Columnar and reused from
/// block to block, so that streaming a file allocates per block, not per row.
/// </summary>
public sealed class SurveyBatch
{
    public SurveyLayout Layout { get; }
    public int Capacity { get; }
    public int Count { get; private set; }

    /// <summary>The input the rows came from, as rejects name it.</summary>
    public string Source { get; private set; } = "";
    /// <summary>Index of the input among the run's inputs.</summary>
    public int SourceIndex { get; private set; }

    /// <summary>Row number as a spreadsheet shows it (the header is row 1).</summary>
    public long[] RowNumber { get; }
    /// <summary>Position of the row among all rows of the run, from 0: the key of run-wide facts about it (duplicates).</summary>
    public long[] Sequence { get; }

    /// <summary>
    /// Blank rows the reader passed over while filling this batch: rows whose every field is empty or
    /// spaces (a blank line, a line of separators, a formatted but empty spreadsheet row). They hold no
    /// survey, so they are neither scored nor rejected; the manifest counts them.
    /// </summary>
    public int BlankRows { get; set; }

    private byte[] _text;
    private int _textUsed;
    private readonly int[] _fieldStart;
    private readonly int[] _fieldLength;
    private readonly int _columns;

    // Filled by SurveyProcessor.
    public DateOnly[] SurveyDate { get; }
    public double[] Weight { get; }
    /// <summary>Decoded answers, <see cref="SurveyLayout.QuestionCount"/> per row.</summary>
    public byte[] Answers { get; }
    /// <summary>Indicator scores, then dimension scores, then the composite: <see cref="ScoreStride"/> per row, NaN when missing.</summary>
    public double[] Scores { get; }
    public Band[] Band { get; }
    public sbyte[] WeakestDimension { get; }
    public short[] Answered { get; }
    /// <summary>True when the row goes to rejects instead of the scores.</summary>
    public bool[] Rejected { get; }
    /// <summary>True when the row's survey date is outside the run's period: neither scored nor rejected.</summary>
    public bool[] OutsidePeriod { get; }

    /// <summary>Whether the row goes to the scores: not rejected, and inside the period.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool IsScored(int row) => !Rejected[row] && !OutsidePeriod[row];
    /// <summary>The problems of rejected rows, with the index of their row in this batch, in row order.</summary>
    public List<(int Row, Reject Reject)> Rejects { get; } = [];

    public int IndicatorCount { get; }
    public int DimensionCount { get; }
    public int ScoreStride => IndicatorCount + DimensionCount + 1;

    public SurveyBatch(SurveyLayout layout, int capacity = 4096)
    {
        Layout = layout;
        Capacity = capacity;
        _columns = layout.ColumnCount;
        RowNumber = new long[capacity];
        Sequence = new long[capacity];
        _fieldStart = new int[capacity * _columns];
        _fieldLength = new int[capacity * _columns];
        _text = new byte[capacity * 64];
        IndicatorCount = layout.Scheme.Indicators.Count;
        DimensionCount = layout.Scheme.Dimensions.Count;
        SurveyDate = new DateOnly[capacity];
        Weight = new double[capacity];
        Answers = new byte[capacity * layout.QuestionCount];
        Scores = new double[capacity * ScoreStride];
        Band = new Band[capacity];
        WeakestDimension = new sbyte[capacity];
        Answered = new short[capacity];
        Rejected = new bool[capacity];
        OutsidePeriod = new bool[capacity];
    }

    public bool IsFull => Count == Capacity;

    /// <summary>
    /// The longest field read, in characters: the most a cell of Excel holds. A longer one is not copied into the batch
    /// (its row is rejected as <see cref="RejectReason.FieldTooLong"/> once the batch is filled), so that no stage
    /// after the reader ever holds such a value (docs/inputs.md, "Limits").
    /// </summary>
    public const int MaxFieldChars = 32_767;

    /// <summary>The fields found too long while the batch was filled: the row, the column, its characters and its start (to show).</summary>
    private readonly List<(int Row, int Column, long Characters, string Start)> _tooLong = [];

    /// <summary>Empties the batch for rows of the given input.</summary>
    public void Reset(string source, int sourceIndex)
    {
        Source = source;
        SourceIndex = sourceIndex;
        Count = 0;
        BlankRows = 0;
        _textUsed = 0;
        Rejects.Clear();
        _tooLong.Clear();
    }

    /// <summary>Starts a new row with every field empty; returns its index in the batch.</summary>
    public int AddRow(long rowNumber, long sequence)
    {
        if (IsFull) throw new InvalidOperationException("The batch is full.");
        var row = Count++;
        RowNumber[row] = rowNumber;
        Sequence[row] = sequence;
        Rejected[row] = false;
        OutsidePeriod[row] = false;
        Array.Clear(_fieldLength, row * _columns, _columns);
        return row;
    }

    public void SetField(int row, int column, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty || TooLong(row, column, utf8)) { _fieldLength[row * _columns + column] = 0; return; }
        _fieldStart[row * _columns + column] = AddText(utf8);
        _fieldLength[row * _columns + column] = utf8.Length;
    }

    public void SetField(int row, int column, string text)
    {
        if (text.Length > MaxFieldChars)
        {
            NoteTooLong(row, column, text.Length, text[..Surveys.Reject.MaxValueLength]);
            _fieldLength[row * _columns + column] = 0;
        }
        else SetField(row, column, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Whether a field has more than <see cref="MaxFieldChars"/> characters (noted for its row's reject); counted only past that many bytes.</summary>
    private bool TooLong(int row, int column, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= MaxFieldChars) return false;
        var characters = Encoding.UTF8.GetCharCount(utf8);
        if (characters <= MaxFieldChars) return false;
        var start = utf8[..Math.Min(utf8.Length, 4 * Surveys.Reject.MaxValueLength)];
        var text = Encoding.UTF8.GetString(start);
        NoteTooLong(row, column, characters, text.Length > Surveys.Reject.MaxValueLength ? text[..Surveys.Reject.MaxValueLength] : text);
        return true;
    }

    private void NoteTooLong(int row, int column, long characters, string start)
    {
        Rejected[row] = true;
        _tooLong.Add((row, column, characters, start));
    }

    /// <summary>
    /// Rejects each row with a field too long to read (<see cref="MaxFieldChars"/>), with the field's column and start:
    /// a reader calls it once the batch is filled, when every other field of those rows (their keys) is in.
    /// </summary>
    public void RejectTooLongFields()
    {
        foreach (var (row, column, characters, start) in _tooLong)
        {
            var name = Layout.NameOf(column);
            Reject(row, name, $"{(start.Length > 150 ? start[..150] : start)}… ({characters:N0} characters)", RejectReason.FieldTooLong,
                RejectMessages.Format(Layout.Messages.FieldTooLong, name, characters, MaxFieldChars));
        }
        _tooLong.Clear();
    }

    /// <summary>
    /// Copies a whole line of text into the batch at once and returns where it starts, so that a reader
    /// can then set the row's fields as slices of it (<see cref="SetFieldAt"/>) instead of copying each.
    /// </summary>
    public int AddText(ReadOnlySpan<byte> utf8)
    {
        if (_textUsed + utf8.Length > _text.Length)
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textUsed + utf8.Length));
        utf8.CopyTo(_text.AsSpan(_textUsed));
        var start = _textUsed;
        _textUsed += utf8.Length;
        return start;
    }

    /// <summary>Sets a field to the bytes at <paramref name="start"/> of what <see cref="AddText"/> copied.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void SetFieldAt(int row, int column, int start, int length)
    {
        if ((uint)start > (uint)_textUsed || (uint)length > (uint)(_textUsed - start)) NotInText(start, length);
        if (length > MaxFieldChars && TooLong(row, column, _text.AsSpan(start, length))) length = 0;
        _fieldStart[row * _columns + column] = start;
        _fieldLength[row * _columns + column] = length;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void NotInText(int start, int length) =>
        throw new ArgumentOutOfRangeException(nameof(start), $"bytes {start}..{start + length} are not in the {_textUsed} bytes of text added to the batch");

    /// <summary>The UTF-8 text of a field as read (quotes removed), valid until the batch is reset.</summary>
    public ReadOnlySpan<byte> Field(int row, int column)
    {
        var i = row * _columns + column;
        return _text.AsSpan(_fieldStart[i], _fieldLength[i]);
    }

    /// <summary>Whether the text copied into the batch (every field, and what lies between them) holds the byte.</summary>
    public bool TextContains(byte value) => _text.AsSpan(0, _textUsed).Contains(value);

    /// <summary>The buffer that holds the text of every field, valid until the batch is reset or a field is added.</summary>
    internal byte[] Text => _text;

    /// <summary>Where a field's text lies in <see cref="Text"/>.</summary>
    internal (int Start, int Length) FieldAt(int row, int column)
    {
        var i = row * _columns + column;
        return (_fieldStart[i], _fieldLength[i]);
    }

    /// <summary>The text of a field with surrounding spaces and tabs removed.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> TrimmedField(int row, int column)
    {
        var field = Field(row, column);
        // Nearly every field has nothing to trim: two byte tests, inlined at every caller, and the
        // general trim out of line.
        return field.IsEmpty || (!IsBlank(field[0]) && !IsBlank(field[^1])) ? field : Trim(field);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field) => field.Trim(" \t"u8);

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';

    private static readonly byte[] UnknownCommunity = Encoding.UTF8.GetBytes(SurveyColumns.UnknownCommunity);

    /// <summary>The community of a row as outputs write it: trimmed, <see cref="SurveyColumns.UnknownCommunity"/> when empty.</summary>
    public ReadOnlySpan<byte> Community(int row)
    {
        var community = TrimmedField(row, SurveyLayout.Community);
        return community.IsEmpty ? UnknownCommunity : community;
    }

    public string FieldString(int row, int column) => Encoding.UTF8.GetString(TrimmedField(row, column));

    /// <summary>Adds a problem to a row and marks it rejected.</summary>
    public void Reject(int row, string column, string value, RejectReason reason, string message)
    {
        Rejected[row] = true;
        // A row whose fields cannot be trusted (a wrong field count, a broken quote) has no trustworthy keys either.
        var keys = reason is not (RejectReason.FieldCount or RejectReason.MalformedRow);
        string Key(string id) => keys ? Surveys.Reject.Cut(FieldString(row, Layout.SubmissionColumn(id))) : "";
        Rejects.Add((row, new Reject(Source, RowNumber[row], Surveys.Reject.Cut(FieldString(row, SurveyLayout.ReturneeId)), column, Surveys.Reject.Cut(value), reason, message)
        {
            SubmissionId = Key(SubmissionColumns.Id),
            SubmissionUuid = Key(SubmissionColumns.Uuid),
            SubmissionTime = Key(SubmissionColumns.Time),
        }));
    }

    public ReadOnlySpan<double> RowScores(int row) => Scores.AsSpan(row * ScoreStride, ScoreStride);
    public double Composite(int row) => Scores[row * ScoreStride + ScoreStride - 1];
}
