using System.Text;
using Avrr.Analytics.Scoring;
using Parquet;
using Parquet.Schema;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// A Parquet file written row group by row group with plain logical types that DuckDB, pandas/pyarrow
/// and Spark read alike: UTF-8 strings, DATE for dates, INT32/INT64 for counts, DOUBLE for scores and
/// estimates (nulls where missing), BOOLEAN for flags. Columns are buffered for one row group; a
/// repeated text value (country, band, …) is decoded once and shared (<see cref="TextCache"/>), so only
/// unique texts (returnee ids) make a string per row. (Parquet.Net's char-memory columns would avoid
/// even those, but they write a null as an empty string when the column is dictionary-encoded.)
/// </summary>
internal sealed class ParquetTable : IDisposable
{
    /// <summary>Rows per row group: large enough for readers to scan well, small enough to keep the writer's memory low.</summary>
    public const int RowGroupSize = 32_768;

    private static readonly ParquetOptions Options = new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        // Parquet.Net pools its page buffers; without a bound the pool keeps every buffer it ever made.
        MaximumSmallPoolFreeBytes = 8 << 20,
        MaximumLargePoolFreeBytes = 32 << 20,
    };

    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly Array[] _columns;
    private int _rows;

    public ParquetTable(string path, IReadOnlyList<DataField> fields)
    {
        _fields = fields.ToArray();
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, Options).GetAwaiter().GetResult();
        _columns = _fields.Select(f => Array.CreateInstance(ElementType(f), RowGroupSize)).ToArray();
    }

    public static DataField Text(string name) => new DataField<string>(name, true);
    public static DataField Number(string name) => new DataField<double?>(name);
    public static DataField Date(string name) => new DataField<DateOnly>(name);
    public static DataField Int32(string name) => new DataField<int>(name);
    public static DataField Int64(string name) => new DataField<long?>(name);
    public static DataField Flag(string name) => new DataField<bool>(name);

    /// <summary>The buffer element of a field made by the factories above.</summary>
    private static Type ElementType(DataField field) => field switch
    {
        DataField<string> => typeof(string),
        DataField<double?> => typeof(double?),
        DataField<long?> => typeof(long?),
        DataField<int> => typeof(int),
        DataField<DateOnly> => typeof(DateOnly),
        DataField<bool> => typeof(bool),
        _ => throw new ArgumentException($"No buffer for the Parquet field {field.Name}"),
    };

    /// <summary>The buffer of a non-text column: write the value at <see cref="Row"/>, then call <see cref="EndRow"/>.</summary>
    public T[] Column<T>(int index) => (T[])_columns[index];

    public int Row => _rows;

    /// <summary>The text of a repeated value (UTF-8), decoded once per distinct value and column.</summary>
    internal sealed class TextCache
    {
        private readonly Utf8Table _table = new();
        private readonly List<string> _texts = [];

        public string? Of(ReadOnlySpan<byte> utf8)
        {
            if (utf8.IsEmpty) return null;
            if (_table.TryGet(utf8, out var id)) return _texts[id];
            id = _texts.Count;
            _table.TryAdd(utf8, id);
            _texts.Add(Encoding.UTF8.GetString(utf8));
            return _texts[id];
        }
    }

    /// <summary>Sets a text cell of the current row; null (or empty, when <paramref name="emptyIsNull"/>) is a null cell.</summary>
    public void SetText(int column, string? text, bool emptyIsNull = true) =>
        ((string?[])_columns[column])[_rows] = emptyIsNull && text?.Length == 0 ? null : text;

    public void EndRow()
    {
        if (++_rows == RowGroupSize) Flush();
    }

    /// <summary>
    /// Appends rows prepared elsewhere: one array per column, in the element types of the buffers
    /// (string for text), <paramref name="count"/> rows from the start of each.
    /// </summary>
    public void AppendRows(Array[] columns, int count)
    {
        var done = 0;
        while (done < count)
        {
            var take = Math.Min(count - done, RowGroupSize - _rows);
            for (var c = 0; c < _columns.Length; c++) Array.Copy(columns[c], done, _columns[c], _rows, take);
            _rows += take;
            done += take;
            if (_rows == RowGroupSize) Flush();
        }
    }

    /// <summary>Buffers for <see cref="AppendRows"/>: one array per column of the table's element types.</summary>
    public static Array[] ColumnBuffers(IReadOnlyList<DataField> fields, int rows) =>
        fields.Select(f => Array.CreateInstance(ElementType(f), rows)).ToArray();

    private void Flush()
    {
        if (_rows == 0) return;
        using (var group = _writer.CreateRowGroup())
        {
            for (var c = 0; c < _fields.Length; c++)
                WriteColumn(group, _fields[c], _columns[c], _rows);
            group.CompleteValidate();
        }
        _rows = 0;
    }

    private static void WriteColumn(ParquetRowGroupWriter group, DataField field, Array column, int rows)
    {
        var done = column switch
        {
            string?[] text => group.WriteAsync(field, rows == text.Length ? text : text[..rows], null),
            double?[] numbers => group.WriteAsync<double>(field, numbers.AsMemory(0, rows), null, null, default),
            long?[] counts => group.WriteAsync<long>(field, counts.AsMemory(0, rows), null, null, default),
            int[] ints => group.WriteAsync<int>(field, (ReadOnlyMemory<int>)ints.AsMemory(0, rows), null, null, default),
            DateOnly[] dates => group.WriteAsync<DateOnly>(field, (ReadOnlyMemory<DateOnly>)dates.AsMemory(0, rows), null, null, default),
            bool[] flags => group.WriteAsync<bool>(field, (ReadOnlyMemory<bool>)flags.AsMemory(0, rows), null, null, default),
            _ => throw new InvalidOperationException($"No Parquet writer for {column.GetType()}"),
        };
        done.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
