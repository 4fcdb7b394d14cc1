using System.Buffers;
using System.Buffers.Binary;
using Snappier;

namespace Avrr.Analytics.IO.Writing.Parquet;

/// <summary>
/// A Parquet file written row by row, with plain logical types that DuckDB, pandas/pyarrow and Spark
/// read alike: UTF-8 strings, DATE for dates, INT32/INT64 for counts, DOUBLE for scores and estimates
/// (nulls where missing), BOOLEAN for flags. Each row group of <see cref="RowGroupSize"/> rows has,
/// per column, a dictionary page and one data page (v1), Snappy-compressed, and min/max/null-count
/// statistics; the footer is Thrift compact.
/// <para>
/// Written here rather than with a library because it was the slowest stage of a run: cells go straight
/// from the scored batches into dictionaries (no string or boxed value per cell), which costs about a
/// third of the CPU of the managed library used before (Parquet.Net) and less than Apache Arrow's C++
/// writer through ParquetSharp (benchmarks/README.md). Its files are read back in tests with Parquet.Net, and with
/// DuckDB and Apache Arrow in tests/interop.
/// (https://parquet.apache.org/docs/file-format/, https://github.com/apache/parquet-format/blob/master/src/main/thrift/parquet.thrift)
/// </para>
/// </summary>
internal sealed class ParquetTable : IDisposable
{
    /// <summary>Rows per row group: large enough for readers to scan well, small enough to keep the writer's memory low.</summary>
    public const int RowGroupSize = 32_768;

    private const string CreatedBy = "Avrr.Analytics";
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly Stream _stream;
    private readonly IReadOnlyList<ParquetField> _fields;
    private readonly ColumnChunk[] _chunks;
    private readonly List<RowGroupMetadata> _rowGroups = [];
    private readonly ArrayBufferWriter<byte> _page = new(1 << 16);
    private readonly ArrayBufferWriter<byte> _header = new(256);
    private byte[] _compressed = new byte[1 << 16];
    private long _position;
    private int _rows;

    public ParquetTable(string path, IReadOnlyList<ParquetField> fields)
    {
        _fields = fields;
        _chunks = fields.Select(ColumnChunk.For).ToArray();
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Write(Magic);
    }

    /// <summary>A text cell; empty text is a null.</summary>
    public void Text(int column, ReadOnlySpan<byte> utf8) => ((ITextChunk)_chunks[column]).Add(utf8, !utf8.IsEmpty);

    /// <summary>A text cell; only null is a null, "" stays an empty string.</summary>
    public void Text(int column, string? text) =>
        ((ITextChunk)_chunks[column]).Add(text is null ? [] : System.Text.Encoding.UTF8.GetBytes(text), text is not null);

    /// <summary>A number; NaN is a null.</summary>
    public void Number(int column, double value) => ((NumberDictionaryChunk)_chunks[column]).Add(value);

    public void Date(int column, DateOnly date) => ((NumberDictionaryChunk)_chunks[column]).Add(DaysSinceEpoch(date), true);
    public void Int32(int column, int value) => ((NumberDictionaryChunk)_chunks[column]).Add(value, true);
    public void Int64(int column, long? value) => ((NumberDictionaryChunk)_chunks[column]).Add(value ?? 0, value.HasValue);
    public void Flag(int column, bool? value) => ((FlagChunk)_chunks[column]).Add(value);

    /// <summary>Parquet's DATE counts days from 1970-01-01.</summary>
    public static int DaysSinceEpoch(DateOnly date) => date.DayNumber - EpochDay;

    private static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Ends a row whose every cell was added; a full row group is written out.</summary>
    public void EndRow() => EndRows(1);

    /// <summary>Rows that can still be added, column by column, before <see cref="EndRows"/> must be called.</summary>
    public int RowsLeftInGroup => RowGroupSize - _rows;

    /// <summary>
    /// Ends <paramref name="count"/> rows (at most <see cref="RowsLeftInGroup"/>) whose cells were added
    /// column by column through the typed columns (<see cref="TextColumn"/>, …): a full row group is written out.
    /// </summary>
    public void EndRows(int count)
    {
        _rows += count;
        if (_rows == RowGroupSize) WriteRowGroup();
    }

    /// <summary>Rows added since the last row group was written: what the table holds in memory.</summary>
    public int BufferedRows => _rows;

    /// <summary>Writes the rows added so far as a row group of their own (a smaller one): frees the memory they hold.</summary>
    public void Flush() => WriteRowGroup();

    /// <summary>The chunk of a dictionary text column, to add many cells of one column at once.</summary>
    public TextDictionaryChunk TextColumn(int column) => (TextDictionaryChunk)_chunks[column];
    public PlainTextChunk UniqueTextColumn(int column) => (PlainTextChunk)_chunks[column];
    public NumberDictionaryChunk NumberColumn(int column) => (NumberDictionaryChunk)_chunks[column];

    private void WriteRowGroup()
    {
        if (_rows == 0) return;
        var start = _position;
        var columns = new ColumnMetadata[_chunks.Length];
        long uncompressed = 0;
        for (var c = 0; c < _chunks.Length; c++)
        {
            var chunk = _chunks[c];
            if (chunk.Rows != _rows) throw new InvalidOperationException($"Column {chunk.Field.Name} has {chunk.Rows} cells in a row group of {_rows} rows.");
            var column = new ColumnMetadata { ChunkStart = _position, Statistics = chunk.MinMax(), Nulls = chunk.Nulls };
            _page.ResetWrittenCount();
            if (chunk.WriteDictionary(_page, out var distinct))
            {
                column.DictionaryOffset = _position;
                WritePage(column, dictionary: true, distinct, ColumnChunk.Plain);
            }
            column.DataOffset = _position;
            _page.ResetWrittenCount();
            chunk.WriteDataPage(_page);
            WritePage(column, dictionary: false, _rows, chunk.DataEncoding);
            uncompressed += column.Uncompressed;
            columns[c] = column;
            chunk.Clear();
        }
        _rowGroups.Add(new RowGroupMetadata(columns, _rows, start, _position - start, uncompressed));
        _rows = 0;
    }

    /// <summary>Compresses the page in <see cref="_page"/> and writes it with its header.</summary>
    private void WritePage(ColumnMetadata column, bool dictionary, int values, int encoding)
    {
        var body = _page.WrittenSpan;
        var bound = Snappy.GetMaxCompressedLength(body.Length);
        if (_compressed.Length < bound) _compressed = new byte[bound];
        var compressed = Snappy.Compress(body, _compressed);

        _header.ResetWrittenCount();
        var thrift = new ThriftCompactWriter(_header);
        thrift.BeginStruct();
        thrift.Field(1, dictionary ? 2 : 0);             // type: DICTIONARY_PAGE or DATA_PAGE
        thrift.Field(2, body.Length);                     // uncompressed_page_size
        thrift.Field(3, compressed);                      // compressed_page_size
        thrift.StructField(dictionary ? (short)7 : (short)5);
        thrift.Field(1, values);                          // num_values
        thrift.Field(2, encoding);
        if (!dictionary)
        {
            thrift.Field(3, ColumnChunk.Rle);             // definition_level_encoding
            thrift.Field(4, ColumnChunk.Rle);             // repetition_level_encoding
        }
        thrift.EndStruct();
        thrift.EndStruct();

        Write(_header.WrittenSpan);
        Write(_compressed.AsSpan(0, compressed));
        column.Uncompressed += _header.WrittenCount + body.Length;
        column.Compressed += _header.WrittenCount + compressed;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        _position += bytes.Length;
    }

    public void Dispose()
    {
        try
        {
            WriteRowGroup();
            var footer = new ArrayBufferWriter<byte>(4096);
            WriteFileMetadata(new ThriftCompactWriter(footer));
            Write(footer.WrittenSpan);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, footer.WrittenCount);
            Write(length);
            Write(Magic);
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private void WriteFileMetadata(ThriftCompactWriter thrift)
    {
        thrift.BeginStruct();
        thrift.Field(1, 1);                                               // version
        thrift.StructListField(2, _fields.Count + 1);                     // schema: the root, then one leaf per column
        thrift.BeginStruct();
        thrift.Field(4, "schema");
        thrift.Field(5, _fields.Count);                                   // num_children
        thrift.EndStruct();
        foreach (var field in _fields) WriteSchemaElement(thrift, field);
        thrift.Field(3, _rowGroups.Sum(g => (long)g.Rows));               // num_rows
        thrift.StructListField(4, _rowGroups.Count);
        for (var g = 0; g < _rowGroups.Count; g++) WriteRowGroupMetadata(thrift, _rowGroups[g], (short)g);
        thrift.Field(6, CreatedBy);
        thrift.StructListField(7, _fields.Count);                         // column_orders: min/max in each type's order
        foreach (var _ in _fields)
        {
            thrift.BeginStruct();
            thrift.StructField(1);                                        // TYPE_ORDER
            thrift.EndStruct();
            thrift.EndStruct();
        }
        thrift.EndStruct();
    }

    private static void WriteSchemaElement(ThriftCompactWriter thrift, ParquetField field)
    {
        thrift.BeginStruct();
        thrift.Field(1, field.PhysicalType);
        thrift.Field(3, field.Optional ? 1 : 0);                         // repetition_type: OPTIONAL or REQUIRED
        thrift.Field(4, field.Name);
        // The annotation, both ways readers look for it: converted_type (UTF8 = 0, DATE = 6) and the
        // logicalType union's member (STRING = 1, DATE = 6, each an empty struct).
        var (converted, logical) = field.Kind switch
        {
            ParquetKind.Text => (0, (short)1),
            ParquetKind.Date => (6, (short)6),
            _ => (-1, (short)-1),
        };
        if (converted >= 0)
        {
            thrift.Field(6, converted);
            thrift.StructField(10);
            thrift.StructField(logical);
            thrift.EndStruct();
            thrift.EndStruct();
        }
        thrift.EndStruct();
    }

    private void WriteRowGroupMetadata(ThriftCompactWriter thrift, RowGroupMetadata group, short ordinal)
    {
        thrift.BeginStruct();
        thrift.StructListField(1, group.Columns.Length);
        for (var c = 0; c < group.Columns.Length; c++)
        {
            var field = _fields[c];
            var column = group.Columns[c];
            thrift.BeginStruct();                                         // ColumnChunk
            thrift.Field(2, column.ChunkStart);                           // file_offset
            thrift.StructField(3);                                        // meta_data
            thrift.Field(1, field.PhysicalType);
            List<int> encodings = column.DictionaryOffset is null ? [ColumnChunk.Plain] : [ColumnChunk.Plain, ColumnChunk.RleDictionary];
            if (field.Optional) encodings.Add(ColumnChunk.Rle);
            thrift.Field(2, encodings);
            thrift.Field(3, [field.Name]);                                // path_in_schema
            thrift.Field(4, 1);                                           // codec: SNAPPY
            thrift.Field(5, (long)group.Rows);                            // num_values, nulls included
            thrift.Field(6, column.Uncompressed);
            thrift.Field(7, column.Compressed);
            thrift.Field(9, column.DataOffset);
            if (column.DictionaryOffset is { } dictionary) thrift.Field(11, dictionary);
            thrift.StructField(12);                                       // statistics
            thrift.Field(3, (long)column.Nulls);
            if (column.Statistics is var (min, max))
            {
                thrift.Field(5, max);                                     // max_value
                thrift.Field(6, min);                                     // min_value
            }
            thrift.EndStruct();
            thrift.EndStruct();
            thrift.EndStruct();
        }
        thrift.Field(2, group.Uncompressed);                              // total_byte_size
        thrift.Field(3, (long)group.Rows);
        thrift.Field(5, group.Start);                                     // file_offset
        thrift.Field(6, group.Compressed);                                // total_compressed_size
        thrift.Field(7, ordinal);
        thrift.EndStruct();
    }

    private sealed class ColumnMetadata
    {
        public long ChunkStart, DataOffset, Uncompressed, Compressed;
        public long? DictionaryOffset;
        public int Nulls;
        public (byte[] Min, byte[] Max)? Statistics;
    }

    private sealed record RowGroupMetadata(ColumnMetadata[] Columns, int Rows, long Start, long Compressed, long Uncompressed);
}
