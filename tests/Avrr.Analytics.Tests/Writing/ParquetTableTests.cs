using Avrr.Analytics.IO.Writing.Parquet;
using Avrr.Analytics.Tests.Cli;
using Parquet;

namespace Avrr.Analytics.Tests.Writing;

/// <summary>
/// The Parquet writer read back by another implementation (Parquet.Net): every cell of every kind,
/// nulls, empty strings, signed zeros, two row groups (one where a column is all null), and the
/// statistics readers use to skip row groups. (DuckDB and Apache Arrow read the run outputs in tests/interop.)
/// </summary>
public class ParquetTableTests : IDisposable
{
    private const int Rows = ParquetTable.RowGroupSize + 7_232;
    private readonly string _folder = Directory.CreateTempSubdirectory("avrr-parquet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly ParquetField[] Fields =
    [
        new("id", ParquetKind.Text, Unique: true), new("label", ParquetKind.Text), new("note", ParquetKind.Text),
        new("late", ParquetKind.Text), new("score", ParquetKind.Number), new("day", ParquetKind.Date),
        new("count", ParquetKind.Int32), new("total", ParquetKind.Int64), new("flag", ParquetKind.Flag),
    ];

    private static readonly string[] Labels = ["Mopti", "Kédougou", "Abidjan"];

    private static string Id(int i) => $"R{i:D6}";
    private static string? Label(int i) => i % 7 == 0 ? null : Labels[i % 3];
    private static string? Note(int i) => (i % 3) switch { 0 => null, 1 => "", _ => "n" };
    private static string? Late(int i) => i >= ParquetTable.RowGroupSize ? "x" : null;
    private static double Score(int i) => i % 5 == 0 ? double.NaN : i % 13 == 0 ? -0.0 : i % 4 / 4.0;
    private static DateOnly Day(int i) => new DateOnly(2025, 1, 1).AddDays(i % 100);
    private static long? Total(int i) => i % 11 == 0 ? null : i * 1_000L;

    private string WriteTable()
    {
        var path = Path.Combine(_folder, "table.parquet");
        using var table = new ParquetTable(path, Fields);
        for (var i = 0; i < Rows; i++)
        {
            table.Text(0, System.Text.Encoding.UTF8.GetBytes(Id(i)));
            table.Text(1, System.Text.Encoding.UTF8.GetBytes(Label(i) ?? ""));   // the span form: empty is null
            table.Text(2, Note(i));                                              // the string form: "" stays ""
            table.Text(3, Late(i));
            table.Number(4, Score(i));
            table.Date(5, Day(i));
            table.Int32(6, i % 30 - 3);
            table.Int64(7, Total(i));
            table.Flag(8, i % 3 == 0);
            table.EndRow();
        }
        return path;
    }

    [Fact]
    public void Every_cell_reads_back_as_written()
    {
        var rows = ParquetTables.Read(WriteTable());
        Assert.Equal(Rows, rows.Count);
        for (var i = 0; i < Rows; i++)
        {
            var row = rows[i];
            Assert.Equal(Id(i), row["id"]);
            Assert.Equal(Label(i), row["label"]);
            Assert.Equal(Note(i), row["note"]);
            Assert.Equal(Late(i), row["late"]);
            var score = Score(i);
            if (double.IsNaN(score)) Assert.Null(row["score"]);
            else Assert.Equal(BitConverter.DoubleToInt64Bits(score), BitConverter.DoubleToInt64Bits((double)row["score"]!));
            Assert.Equal(Day(i), row["day"]);
            Assert.Equal(i % 30 - 3, row["count"]);
            Assert.Equal(Total(i), (long?)row["total"]);
            Assert.Equal(i % 3 == 0, row["flag"]);
        }
    }

    [Fact]
    public async Task Types_row_groups_and_statistics_are_those_readers_rely_on()
    {
        var path = WriteTable();
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var metadata = reader.Metadata!;

        var schema = metadata.Schema.Skip(1).ToList();
        Assert.Equal(Fields.Select(f => f.Name), schema.Select(s => s.Name));
        Assert.Equal(Parquet.Meta.Type.BYTE_ARRAY, schema[0].Type);
        Assert.NotNull(schema[0].LogicalType!.STRING);
        Assert.Equal(Parquet.Meta.FieldRepetitionType.OPTIONAL, schema[0].RepetitionType);
        Assert.Equal(Parquet.Meta.Type.DOUBLE, schema[4].Type);
        Assert.Equal(Parquet.Meta.Type.INT32, schema[5].Type);
        Assert.NotNull(schema[5].LogicalType!.DATE);
        Assert.Equal(Parquet.Meta.FieldRepetitionType.REQUIRED, schema[5].RepetitionType);
        Assert.Equal(Parquet.Meta.Type.INT64, schema[7].Type);
        Assert.Equal(Parquet.Meta.Type.BOOLEAN, schema[8].Type);

        Assert.Equal([ParquetTable.RowGroupSize, 7_232L], metadata.RowGroups.Select(g => g.NumRows));
        Assert.Equal(Rows, metadata.NumRows);
        var first = metadata.RowGroups[0].Columns;
        var second = metadata.RowGroups[1].Columns;

        // Ids are plain; everything else has a dictionary page before its data page.
        Assert.Null(first[0].MetaData!.DictionaryPageOffset);
        Assert.NotNull(first[1].MetaData!.DictionaryPageOffset);

        // id: byte order of "R000000" … "R032767" in the first group, no nulls.
        var id = first[0].MetaData!.Statistics!;
        Assert.Equal("R000000"u8.ToArray(), id.MinValue);
        Assert.Equal("R032767"u8.ToArray(), id.MaxValue);
        Assert.Equal(0, id.NullCount);

        // label: null every 7th row (0, 7, …, 32767 = 7 × 4681: 4,682 rows); "Abidjan" < "Kédougou" < "Mopti" in bytes.
        var label = first[1].MetaData!.Statistics!;
        Assert.Equal(4_682, label.NullCount);
        Assert.Equal("Abidjan"u8.ToArray(), label.MinValue);
        Assert.Equal("Mopti"u8.ToArray(), label.MaxValue);

        // late: all null in the first group (no min or max), never null in the second.
        Assert.Equal(ParquetTable.RowGroupSize, first[3].MetaData!.Statistics!.NullCount);
        Assert.Null(first[3].MetaData!.Statistics!.MinValue);
        Assert.Equal(0, second[3].MetaData!.Statistics!.NullCount);

        // score: NaN (null) every 5th row: 6,554 of 32,768; a zero minimum is written -0.0, the maximum is 0.75.
        var score = first[4].MetaData!.Statistics!;
        Assert.Equal(6_554, score.NullCount);
        Assert.Equal(BitConverter.GetBytes(-0.0), score.MinValue);
        Assert.Equal(BitConverter.GetBytes(0.75), score.MaxValue);

        // count: i % 30 - 3 runs from -3 to 26 (signed order), 4-byte little-endian.
        Assert.Equal(BitConverter.GetBytes(-3), first[6].MetaData!.Statistics!.MinValue);
        Assert.Equal(BitConverter.GetBytes(26), first[6].MetaData!.Statistics!.MaxValue);

        // day: 2025-01-01 … 2025-04-10 as days since 1970-01-01 (20089 … 20188).
        Assert.Equal(BitConverter.GetBytes(20_089), first[5].MetaData!.Statistics!.MinValue);
        Assert.Equal(BitConverter.GetBytes(20_188), first[5].MetaData!.Statistics!.MaxValue);
    }

    [Fact]
    public void A_table_without_rows_is_a_valid_empty_file()
    {
        var path = Path.Combine(_folder, "empty.parquet");
        new ParquetTable(path, Fields).Dispose();
        Assert.Empty(ParquetTables.Read(path));
        Assert.Equal(Fields.Select(f => f.Name), ParquetTables.Columns(path).Select(c => c.Name));
    }

    [Fact]
    public void A_dictionary_past_256_values_needs_more_than_8_bits_per_index()
    {
        var path = Path.Combine(_folder, "wide.parquet");
        using (var table = new ParquetTable(path, [new ParquetField("x", ParquetKind.Number)]))
            for (var i = 0; i < 1_000; i++)
            {
                table.Number(0, i % 300 * 0.5);
                table.EndRow();
            }
        var rows = ParquetTables.Read(path);
        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => (double?)(i % 300 * 0.5)), rows.Select(r => (double?)r["x"]));
    }
}
