namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// A Parquet file may hold row groups of no rows (writers that flush on a timer leave them, and Spark
/// writes one for an empty partition): such a group is passed over, and the rows of the others are read
/// with their row numbers, as if it were not there.
/// </summary>
public sealed class ParquetEmptyRowGroupTests
{
    [Fact]
    public async Task A_row_group_of_no_rows_is_passed_over_and_every_other_row_is_read()
    {
        // plain.csv's 8 rows in row groups of 0, 3, 0, 5 and 0 rows, every column text.
        var rows = File.ReadAllLines(TestFiles.Data("plain.csv")).Select(l => l.Split(',')).ToArray();
        var header = rows[0];
        var path = Path.Combine(TestFiles.TempFolder(), "empty-row-groups.parquet");
        var fields = header.Select(h => new Parquet.Schema.DataField<string>(h, true)).ToArray();
        await using (var stream = File.Create(path))
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream))
        {
            foreach (var (start, count) in new[] { (1, 0), (1, 3), (4, 0), (4, 5), (9, 0) })
            {
                using var group = writer.CreateRowGroup();
                for (var c = 0; c < header.Length; c++)
                {
                    var column = rows.Skip(start).Take(count).Select(r => r[c].Length == 0 ? null : r[c]).ToArray();
                    await group.WriteAsync(fields[c], column, null);
                }
                group.CompleteValidate();
            }
        }

        var run = FixtureRuns.Evaluate(path);

        Assert.Equal((8L, 8L, 0L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var plain = FixtureRuns.Evaluate("plain.csv").Scores;
        Assert.Equal(plain.Select(s => string.Join(',', s.Values)), run.Scores.Select(s => string.Join(',', s.Values)));
    }
}
