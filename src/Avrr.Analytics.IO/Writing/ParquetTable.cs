using Parquet;
using Parquet.Schema;

namespace Avrr.Analytics.IO.Writing;

/// <summary>
/// A Parquet file written row group by row group with plain logical types that DuckDB, pandas/pyarrow
/// and Spark read alike: UTF-8 strings, DATE for dates, INT32/INT64 for counts, DOUBLE for scores and
/// estimates (nulls where missing), BOOLEAN for flags. Columns are buffered for one row group.
/// </summary>
internal sealed class ParquetTable : IDisposable
{
    public const int RowGroupSize = 65_536;

    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly Array[] _columns;
    private int _rows;

    public ParquetTable(string path, IReadOnlyList<DataField> fields)
    {
        _fields = fields.ToArray();
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy })
            .GetAwaiter().GetResult();
        _columns = _fields.Select(f => Array.CreateInstance(ElementType(f), RowGroupSize)).ToArray();
    }

    public static DataField Text(string name) => new DataField<string>(name, true);
    public static DataField Number(string name) => new DataField<double?>(name);
    public static DataField Date(string name) => new DataField<DateOnly>(name);
    public static DataField Int32(string name) => new DataField<int>(name);
    public static DataField Int64(string name) => new DataField<long?>(name);
    public static DataField Flag(string name) => new DataField<bool>(name);

    /// <summary>The buffer element of a field made by the factories above (Parquet.Net's own ClrType of text is a char memory).</summary>
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

    /// <summary>The column buffers of the current row: write values at <see cref="Row"/>, then call <see cref="EndRow"/>.</summary>
    public T[] Column<T>(int index) => (T[])_columns[index];

    public int Row => _rows;

    public void EndRow()
    {
        if (++_rows == RowGroupSize) Flush();
    }

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
        switch (column)
        {
            case string?[] text: group.WriteAsync(field, text.Take(rows).ToArray(), null).GetAwaiter().GetResult(); break;
            case double?[] numbers: group.WriteAsync<double>(field, numbers.AsMemory(0, rows), null, null, default).GetAwaiter().GetResult(); break;
            case long?[] counts: group.WriteAsync<long>(field, counts.AsMemory(0, rows), null, null, default).GetAwaiter().GetResult(); break;
            case int[] ints: group.WriteAsync<int>(field, (ReadOnlyMemory<int>)ints.AsMemory(0, rows), null, null, default).GetAwaiter().GetResult(); break;
            case DateOnly[] dates: group.WriteAsync<DateOnly>(field, (ReadOnlyMemory<DateOnly>)dates.AsMemory(0, rows), null, null, default).GetAwaiter().GetResult(); break;
            case bool[] flags: group.WriteAsync<bool>(field, (ReadOnlyMemory<bool>)flags.AsMemory(0, rows), null, null, default).GetAwaiter().GetResult(); break;
            default: throw new InvalidOperationException($"No Parquet writer for {column.GetType()}");
        }
    }

    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
