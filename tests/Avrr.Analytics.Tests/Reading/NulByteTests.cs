using System.Text;
using Avrr.Analytics.IO.Reading;
using CliSamples = Avrr.Analytics.Tests.Cli.Samples;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// A NUL byte inside one field of a text export rejects that row, as nul_byte, wherever it is in the
/// file (not only in its first 64 KiB), and is never copied into an output; only a file that is not text
/// is refused: NUL bytes in its first line (a binary file, UTF-16 without a byte order mark), or more
/// than one byte in a thousand anywhere (docs/inputs.md).
/// </summary>
public sealed class NulByteTests
{
    /// <summary>The clean sample with a NUL put into the sex attribute of the given data rows (1 = the first).</summary>
    private static (string Path, string[] Ids) CleanWithNuls(params int[] rows)
    {
        var lines = File.ReadAllLines(CliSamples.Clean);
        var sex = Array.IndexOf(lines[0].Split(','), "sex");
        var ids = new List<string>();
        foreach (var row in rows)
        {
            var fields = lines[row].Split(',');
            fields[sex] = fields[sex][..1] + "\0" + fields[sex][1..];
            lines[row] = string.Join(',', fields);
            ids.Add(fields[0]);
        }
        var path = Path.Combine(TestFiles.TempFolder(), "nul.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return (path, ids.ToArray());
    }

    private static void AssertNoNulIn(string folder)
    {
        // Parquet and the workbook (a zip) are binary: their text is checked through the CSV twins and the report.
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".parquet", StringComparison.Ordinal) && !f.EndsWith(".xlsx", StringComparison.Ordinal)))
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf((byte)0) < 0, $"{file} holds a NUL byte");
    }

    [Fact]
    public void A_nul_byte_in_a_field_after_the_first_64_KiB_rejects_that_row_alone_and_is_never_copied_into_an_output()
    {
        var lines = File.ReadAllLines(CliSamples.Clean);
        var late = Enumerable.Range(1, lines.Length - 1).First(i => lines.Take(i).Sum(l => l.Length + 1) > 100_000);
        var (path, ids) = CleanWithNuls(late);

        var run = FixtureRuns.Evaluate(path);

        Assert.Equal((long)lines.Length - 1, run.Result.RowsRead);
        Assert.Equal(1L, run.Result.RowsRejected);
        var reject = Assert.Single(run.Rejects);
        Assert.Equal(("nul_byte", "sex", ids[0], (late + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (reject["reason"], reject["column"], reject["returnee_id"], reject["row"]));
        Assert.Contains('\u2400', reject["value"]);
        Assert.Equal(lines.Length - 2, run.Scores.Count);
        AssertNoNulIn(run.Folder);
    }

    [Fact]
    public void A_nul_byte_in_the_first_rows_rejects_the_row_where_it_used_to_refuse_the_whole_file()
    {
        var (path, ids) = CleanWithNuls(2, 5);

        var run = FixtureRuns.Evaluate(path);

        Assert.Equal(ids, run.Rejects.Select(r => r["returnee_id"]));
        Assert.All(run.Rejects, r => Assert.Equal("nul_byte", r["reason"]));
        AssertNoNulIn(run.Folder);
    }

    [Fact]
    public void A_nul_byte_in_a_quoted_field_read_by_CsvHelper_rejects_the_row_too()
    {
        var row = PlainRows.Row(3);
        row[6] = "\"fe\0male, quoted\"";
        var run = FixtureRuns.Evaluate(PlainRows.Write("nul-quoted.csv", PlainRows.Row(1), PlainRows.Row(2), row, PlainRows.Row(4)));

        var reject = Assert.Single(run.Rejects);
        Assert.Equal(("nul_byte", "sex", "4"), (reject["reason"], reject["column"], reject["row"]));
        Assert.Equal(3, run.Scores.Count);
    }

    [Fact]
    public async Task A_nul_character_in_a_parquet_text_cell_rejects_the_row()
    {
        var rows = PlainRows.All().ToArray();
        rows[1][0] = "R0\u00002";
        var header = PlainRows.Header.Split(',');
        var path = Path.Combine(TestFiles.TempFolder(), "nul.parquet");
        var fields = header.Select(h => new Parquet.Schema.DataField<string>(h, true)).ToArray();
        await using (var stream = File.Create(path))
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream))
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < header.Length; c++)
                await group.WriteAsync(fields[c], rows.Select(r => r[c].Length == 0 ? null : r[c]).ToArray(), null);
        }

        var run = FixtureRuns.Evaluate(path);

        var reject = Assert.Single(run.Rejects);
        Assert.Equal(("nul_byte", "returnee_id", "R0\u24002"), (reject["reason"], reject["column"], reject["returnee_id"]));
        AssertNoNulIn(run.Folder);
    }

    [Fact]
    public void A_utf16_file_without_byte_order_mark_is_refused_as_not_text()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "utf16-no-bom.csv");
        File.WriteAllBytes(path, new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(File.ReadAllText(TestFiles.Data("plain.csv"))));

        var e = Assert.Throws<InputRefusedException>(() => FixtureRuns.Evaluate(path));

        Assert.Contains("the file is not text (it holds NUL bytes in its first line", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_turns_binary_after_its_first_64_KiB_is_refused_as_not_text()
    {
        // A clean start, then a zip-like tail: one byte in 256 is a NUL there, far more than one in a thousand overall.
        var path = Path.Combine(TestFiles.TempFolder(), "binary-tail.csv");
        var tail = new byte[File.ReadAllBytes(CliSamples.Clean).Length];
        new Random(17).NextBytes(tail);
        File.WriteAllBytes(path, [.. File.ReadAllBytes(CliSamples.Clean), .. tail]);

        var e = Assert.Throws<InputRefusedException>(() => FixtureRuns.Evaluate(path));

        Assert.Contains("the file is not text (it holds NUL bytes:", e.Problem, StringComparison.Ordinal);
    }
}
