using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.IO.Writing.Parquet;
using Parquet;
using Parquet.Schema;

namespace Avrr.Analytics.IO.Partials;

/// <summary>
/// Reads a table of a partial, a row group at a time: the file <c>NAME.parquet</c>, or a folder <c>NAME/</c> of
/// Parquet parts as Spark writes them (read in name order; files starting with <c>_</c> or <c>.</c>, such as
/// <c>_SUCCESS</c>, are not data). Columns are found by name, in any order, whatever integer or floating type the
/// writer chose (DuckDB's BIGINT, Spark's INT, DOUBLE); other columns are ignored. Memory holds one row group.
/// </summary>
internal static class PartialTableReader
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = true };

    /// <summary>
    /// The most rows of a row group, and bytes of one column of it once decompressed, that are read: what one row group
    /// may take in memory, whatever a file claims (the engine writes groups of thousands of rows, DuckDB 122,880, Spark a
    /// 128 MB block). A partial's file is checked against its SHA-256 first, but whoever edits it can hash it again.
    /// </summary>
    public const long MaxGroupRows = 1 << 24, MaxColumnBytes = 512L << 20;

    /// <summary>The data files of a table, relative to the partial's folder, in reading order; empty when it has none.</summary>
    public static IReadOnlyList<string> Files(string folder, PartialTable table)
    {
        if (File.Exists(Path.Combine(folder, table.File))) return [table.File];
        var parts = Path.Combine(folder, table.Name);
        if (!Directory.Exists(parts)) return [];
        return Directory.EnumerateFiles(parts, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith('.'))
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static bool Exists(string folder, PartialTable table) => Files(folder, table).Count > 0;

    /// <summary>
    /// Calls <paramref name="each"/> with every row group of the table's <paramref name="files"/> (relative to
    /// <paramref name="folder"/>), in order. Throws <see cref="InvalidDataException"/> naming what is wrong.
    /// </summary>
    public static void Read(string folder, IReadOnlyList<string> files, PartialTable table, Action<PartialRows> each)
    {
        foreach (var file in files)
        {
            var limit = ParquetGuard.Limit(new FileInfo(Path.Combine(folder, file)).Length);
            var reader = ParquetGuard.Open(Path.Combine(folder, file), Options, (why, e) => new InvalidDataException($"{file} is not a Parquet file that can be read ({why})", e));
            try
            {
                var fields = Damaged(file, () => table.Columns.Select(c => Field(file, reader.Schema, c)).ToArray());
                for (var g = 0; g < reader.RowGroupCount; g++)
                    // What the file says is read inside the guards; what the caller does with the rows, outside them.
                    each(Bounded(file, limit, () => ReadGroup(file, reader, g, fields, table)));
            }
            finally
            {
                try { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
                catch (Exception e) when (e is not InvalidDataException) { }
            }
        }
    }

    private static PartialRows ReadGroup(string file, ParquetReader reader, int g, DataField[] fields, PartialTable table)
    {
        using var group = reader.OpenRowGroupReader(g);
        if (group.RowCount is < 0 or > MaxGroupRows)
            throw new InvalidDataException($"{file} has a row group of {group.RowCount:N0} rows, more than the {MaxGroupRows:N0} a partial's table may have in one");
        foreach (var field in fields)
            if (group.GetMetadata(field)?.MetaData?.TotalUncompressedSize is { } bytes && (bytes < 0 || bytes > MaxColumnBytes))
                throw new InvalidDataException($"{file}: the column {field.Name} takes {bytes:N0} bytes in one row group, more than the {MaxColumnBytes:N0} read at once");
        var rows = (int)group.RowCount;
        var columns = new object[fields.Length];
        for (var c = 0; c < fields.Length; c++) columns[c] = ReadColumn(file, group, fields[c], table.Columns[c], rows);
        return new PartialRows(rows, columns);
    }

    /// <summary>A read of the Parquet library within its time limit (<see cref="ParquetGuard"/>), its errors worded as the file's.</summary>
    private static T Bounded<T>(string file, TimeSpan limit, Func<T> read)
    {
        try { return ParquetGuard.Bounded(limit, () => Damaged(file, read)); }
        catch (TimeoutException e) { throw new InvalidDataException($"{file} is damaged: {e.Message}", e); }
    }

    /// <summary>
    /// Runs a read of a file's structure: whatever a damaged file makes the Parquet library throw (an unknown type, an
    /// index out of range, a page that does not decompress) is an <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    private static T Damaged<T>(string file, Func<T> read)
    {
        try { return read(); }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"{file} is damaged: its Parquet cannot be read ({e.Message})", e);
        }
    }

    private static DataField Field(string file, ParquetSchema schema, PartialColumn column)
    {
        var field = schema.Fields.FirstOrDefault(f => f.Name == column.Name);
        if (field is not DataField data || data.IsArray)
            throw new InvalidDataException(field is null ? $"{file} has no column {column.Name}" : $"{file}: the column {column.Name} is nested");
        return data;
    }

    private static object ReadColumn(string file, ParquetRowGroupReader group, DataField field, PartialColumn column, int rows)
    {
        var type = field.ClrType;
        try
        {
            return column.Kind switch
            {
                ParquetKind.Text when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => Strings(group, field, rows),
                ParquetKind.Int64 or ParquetKind.Int32 => type switch
                {
                    _ when type == typeof(long) => Wholes<long>(group, field, rows, v => v),
                    _ when type == typeof(int) => Wholes<int>(group, field, rows, v => v),
                    _ when type == typeof(short) => Wholes<short>(group, field, rows, v => v),
                    _ when type == typeof(sbyte) => Wholes<sbyte>(group, field, rows, v => v),
                    _ when type == typeof(byte) => Wholes<byte>(group, field, rows, v => v),
                    _ when type == typeof(uint) => Wholes<uint>(group, field, rows, v => v),
                    _ => throw Wrong(),
                },
                ParquetKind.Number => type switch
                {
                    _ when type == typeof(double) => Numbers<double>(group, field, rows, v => v),
                    _ when type == typeof(float) => Numbers<float>(group, field, rows, v => v),
                    _ when type == typeof(long) => Numbers<long>(group, field, rows, v => v),
                    _ when type == typeof(int) => Numbers<int>(group, field, rows, v => v),
                    _ => throw Wrong(),
                },
                ParquetKind.Date when type == typeof(DateOnly) => Values<DateOnly>(group, field, rows),
                ParquetKind.Date when type == typeof(DateTime) => Array.ConvertAll(Values<DateTime>(group, field, rows), d => d is null ? (DateOnly?)null : DateOnly.FromDateTime(d.Value)),
                _ => throw Wrong(),
            };
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"{file}: the column {column.Name} cannot be read ({e.Message})", e);
        }

        InvalidDataException Wrong() => new($"{file}: the column {column.Name} holds {type.Name}, not {KindWords(column.Kind)}");
    }

    private static string KindWords(ParquetKind kind) => kind switch
    {
        ParquetKind.Text => "text",
        ParquetKind.Number => "a floating-point number (DOUBLE)",
        ParquetKind.Date => "a date",
        _ => "a whole number",
    };

    private static string?[] Strings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        group.ReadAsync(field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
        return values;
    }

    private static T?[] Values<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        var values = new T?[rows];
        if (field.IsNullable)
        {
            group.ReadAsync(field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
            return values;
        }
        var plain = new T[rows];
        group.ReadAsync(field, plain.AsMemory(), null).AsTask().GetAwaiter().GetResult();
        for (var i = 0; i < rows; i++) values[i] = plain[i];
        return values;
    }

    private static long?[] Wholes<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, long> convert) where T : struct =>
        Array.ConvertAll(Values<T>(group, field, rows), v => v is null ? (long?)null : convert(v.Value));

    private static double[] Numbers<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, double> convert) where T : struct =>
        Array.ConvertAll(Values<T>(group, field, rows), v => v is null ? double.NaN : convert(v.Value));
}
