using System.Security.Cryptography;
using Avrr.Analytics.Surveys;
using Parquet;
using Parquet.Schema;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// Reads a Parquet file with Parquet.Net, row group by row group: text or numeric columns (and dates)
/// become text as <see cref="CellText"/> writes them, so every format goes through the same decoding.
/// Memory holds one row group at a time.
/// </summary>
public sealed class ParquetSurveyReader : ISurveyRowReader
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = true };

    private readonly SurveyInput _input;
    private readonly ParquetReader _parquet;
    private readonly DataField[] _fields;
    private readonly int[] _runColumn;
    private int _nextGroup;
    private string?[][] _group = [];
    private int _groupRows, _groupPosition;
    private long _rowsBefore;
    private readonly long _length;

    internal ParquetSurveyReader(SurveyInput input, SurveyLayout layout)
    {
        _input = input;
        _parquet = Open(input.Path);
        _length = new FileInfo(input.Path).Length;
        _fields = DataFields(input.Path, _parquet.Schema);
        _runColumn = input.Header.RunColumns(layout);
    }

    internal static (IReadOnlyList<string> Headers, string Sha256) Probe(string path)
    {
        string sha;
        using (var stream = CsvDialect.OpenRead(path)) sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        var parquet = Open(path);
        try
        {
            return (DataFields(path, parquet.Schema).Select(f => f.Name).ToArray(), sha);
        }
        finally
        {
            parquet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static ParquetReader Open(string path) =>
        ParquetGuard.Open(path, Options, (why, e) => e as InputRefusedException ?? new InputRefusedException(path, $"the Parquet file cannot be read: {why}"));

    private static DataField[] DataFields(string path, ParquetSchema schema)
    {
        var fields = schema.Fields.ToArray();
        var nested = fields.FirstOrDefault(f => f is not DataField || ((DataField)f).IsArray);
        if (nested is not null)
            throw new InputRefusedException(path, $"the column '{nested.Name}' is nested (a list, map or struct); only flat columns of text, numbers or dates are read");
        return fields.Cast<DataField>().ToArray();
    }

    public bool Fill(SurveyBatch batch, ReadOnlySpan<bool> wanted, ref long sequence)
    {
        batch.Reset(_input.Path, _input.Index);
        while (!batch.IsFull)
        {
            if (_groupPosition == _groupRows && !NextGroupWithRows()) break;
            var r = _groupPosition++;
            var blank = true;
            for (var j = 0; j < _fields.Length && blank; j++)
                blank = string.IsNullOrWhiteSpace(_group[j][r]);
            if (blank)
            {
                batch.BlankRows++;
                continue;
            }
            // Row 1 is the header in every format's numbering, so the first data row is 2.
            var row = batch.AddRow(_rowsBefore + r + 2, sequence++);
            for (var j = 0; j < _fields.Length; j++)
            {
                var column = _runColumn[j];
                if (column < 0 || !wanted[column]) continue;
                var text = _group[j][r];
                if (!string.IsNullOrEmpty(text)) batch.SetField(row, column, text);
            }
        }
        batch.RejectTooLongFields();
        return batch.Count > 0 || batch.BlankRows > 0;
    }

    /// <summary>The next row group that holds rows: a group of none (Spark writes one for an empty partition) is passed over.</summary>
    private bool NextGroupWithRows()
    {
        while (NextGroup())
            if (_groupRows > 0) return true;
        return false;
    }

    private bool NextGroup()
    {
        _rowsBefore += _groupRows;
        _groupRows = _groupPosition = 0;
        if (_nextGroup >= _parquet.RowGroupCount) return false;
        // Within the Parquet library's time limit (ParquetGuard): a damaged page can make it loop forever.
        try { (_group, _groupRows) = ParquetGuard.Bounded(ParquetGuard.Limit(_length), () => ReadGroup(_nextGroup++)); }
        catch (TimeoutException e) { throw new InputRefusedException(_input.Path, $"the Parquet file is damaged: {e.Message}"); }
        return true;
    }

    private (string?[][] Group, int Rows) ReadGroup(int index)
    {
        using var groupReader = OpenGroup(index);
        var rows = checked((int)groupReader.RowCount);
        if (rows == 0) return ([], 0);
        var group = new string?[_fields.Length][];
        for (var j = 0; j < _fields.Length; j++)
            // Every column, wanted or not: whether a row is blank must not depend on the pass reading it.
            group[j] = ReadText(groupReader, _fields[j], rows);
        return (group, rows);
    }

    private ParquetRowGroupReader OpenGroup(int index)
    {
        try { return _parquet.OpenRowGroupReader(index); }
        catch (Exception e) { throw new InputRefusedException(_input.Path, $"its row group {index + 1} cannot be read: {e.Message}"); }
    }

    private string?[] ReadText(ParquetRowGroupReader group, DataField field, int rows)
    {
        try
        {
            return field.ClrType switch
            {
                // Parquet.Net gives text columns read from a file the type ReadOnlyMemory<char>, not string.
                var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => ReadStrings(group, field, rows),
                var t when t == typeof(double) => Read<double>(group, field, rows),
                var t when t == typeof(float) => Read<float>(group, field, rows),
                var t when t == typeof(decimal) => Read<decimal>(group, field, rows),
                var t when t == typeof(long) => Read<long>(group, field, rows),
                var t when t == typeof(int) => Read<int>(group, field, rows),
                var t when t == typeof(short) => Read<short>(group, field, rows),
                var t when t == typeof(sbyte) => Read<sbyte>(group, field, rows),
                var t when t == typeof(byte) => Read<byte>(group, field, rows),
                var t when t == typeof(ushort) => Read<ushort>(group, field, rows),
                var t when t == typeof(uint) => Read<uint>(group, field, rows),
                var t when t == typeof(ulong) => Read<ulong>(group, field, rows),
                var t when t == typeof(bool) => Read<bool>(group, field, rows),
                var t when t == typeof(DateOnly) => Read<DateOnly>(group, field, rows),
                var t when t == typeof(DateTime) => Read<DateTime>(group, field, rows),
                var t when t == typeof(TimeSpan) => Read<TimeSpan>(group, field, rows),
                _ => throw new InputRefusedException(_input.Path, $"the column '{field.Name}' has the type {field.ClrType.Name}, which is not read"),
            };
        }
        catch (Exception e) when (e is not InputRefusedException)
        {
            throw new InputRefusedException(_input.Path, $"the column '{field.Name}' cannot be read: {e.Message}");
        }
    }

    private static string?[] ReadStrings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        group.ReadAsync(field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
        return values;
    }

    private static string?[] Read<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[rows];
            group.ReadAsync(field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
            return Array.ConvertAll(values, v => v is null ? null : CellText.Of(v.Value));
        }
        var plain = new T[rows];
        group.ReadAsync(field, plain.AsMemory(), null).AsTask().GetAwaiter().GetResult();
        return Array.ConvertAll(plain, v => (string?)CellText.Of(v));
    }

    public long BytesRead
    {
        get
        {
            var total = _parquet.Metadata?.NumRows ?? 0;
            return total <= 0 ? 0 : (long)((double)(_rowsBefore + _groupPosition) / total * _length);
        }
    }

    public void Dispose() => _parquet.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
