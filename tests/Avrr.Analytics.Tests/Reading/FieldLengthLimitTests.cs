using System.Text;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Tests.Runs.Partials;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// Issue 23 §11: no field longer than <see cref="SurveyBatch.MaxFieldChars"/> characters (the most a cell of Excel holds)
/// is read, in any format or reader: CSV split by the engine (a line of megabytes included) or by CsvHelper (quoted),
/// Parquet; its row is rejected as field_too_long with its keys, takes no part in the duplicate check, and the run's
/// other rows are scored. A header of such a length is refused. The fixture of every reader case is reject-field-too-long.csv.
/// </summary>
public sealed class FieldLengthLimitTests
{
    private static readonly string[] Header = File.ReadLines(TestFiles.Data("plain.csv")).First().Split(',');

    /// <summary>plain.csv's rows with one field of the third data row replaced.</summary>
    private static List<string[]> Rows(string column, string value)
    {
        var rows = File.ReadLines(TestFiles.Data("plain.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        rows[2][Array.IndexOf(Header, column)] = value;
        return rows;
    }

    private static string Quoted(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";

    [Theory]
    [InlineData("sex", false)]
    [InlineData("sex", true)]
    [InlineData("econ_satisfaction", false)]
    [InlineData("econ_satisfaction", true)]
    [InlineData("returnee_id", true)]
    public void A_field_of_a_megabyte_in_csv_rejects_its_row_whichever_reader_splits_it(string column, bool quoted)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "export.csv");
        var lines = Rows(column, new string('z', 1 << 20)).Prepend(Header).Select(r => string.Join(',', quoted ? r.Select(Quoted) : r));
        File.WriteAllLines(path, lines, new UTF8Encoding(false));

        var result = FixtureRuns.Validate(path);

        Assert.Equal(1, result.RowsRejected);
        var reject = Assert.Single(result.AllRejects());
        Assert.Equal((4L, column, RejectReason.FieldTooLong), (reject.Row, reject.Column, reject.Reason));
        Assert.Equal(new string('z', 150) + "… (1,048,576 characters)", reject.Value);
        Assert.Equal(column == "returnee_id" ? "" : Rows("sex", "")[2][0], reject.ReturneeId);
    }

    [Fact]
    public void A_long_text_in_a_parquet_export_rejects_its_row()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "export.parquet");
        using (var db = new DuckDb())
            db.Execute($"COPY (SELECT * REPLACE (CASE WHEN returnee_id = {DuckDb.Quote(Rows("sex", "")[2][0])} THEN repeat('w', 40000) ELSE sex END AS sex) " +
                $"FROM read_csv({DuckDb.Quote(TestFiles.Data("plain.csv"))}, all_varchar = true)) TO {DuckDb.Quote(path)} (FORMAT parquet)");

        var result = FixtureRuns.Validate(path);

        var reject = Assert.Single(result.AllRejects());
        Assert.Equal(("sex", RejectReason.FieldTooLong), (reject.Column, reject.Reason));
        Assert.Contains("sex holds 40,000 characters", reject.Message);
    }

    [Fact]
    public void A_header_longer_than_a_field_may_be_is_refused()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "export.csv");
        File.WriteAllLines(path, File.ReadLines(TestFiles.Data("plain.csv")).Select((l, i) => i == 0 ? l + "," + new string('h', 40000) : l + ",x"));
        var e = Assert.Throws<InputRefusedException>(() => FixtureRuns.Validate(path));
        Assert.Contains($"the name of its column {Header.Length + 1} has 40,000 characters, more than the 32,767 a field may have", e.Problem);
    }
}
