using System.Text;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>--date-format, the column mapping and --weight, huge values, XLSX sheets, Parquet row groups.</summary>
public sealed class ReadOptionsTests
{
    [Fact]
    public void Date_format_reads_day_month_year_and_iso_dates_in_one_run()
    {
        var run = FixtureRuns.Evaluate(FixtureRuns.Settings("date-format-dmy.csv") with { DateFormat = "dd/MM/yyyy" });
        Assert.Equal((3L, 3L, 0L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        Assert.Equal([("R411", "2026-07-14", "2026-Q3"), ("R412", "2026-10-01", "2026-Q4"), ("R413", "2026-07-14", "2026-Q3")],
            run.Scores.Select(s => (s["returnee_id"], s["survey_date"], s["quarter"])));
    }

    [Fact]
    public void Without_date_format_day_month_year_dates_are_rejected_and_say_how_to_fix_it()
    {
        var result = FixtureRuns.Validate("date-format-dmy.csv");
        Assert.Equal((3L, 1L, 2L), (result.RowsRead, result.RowsScored, result.RowsRejected));
        Assert.All(result.FirstRejects["invalid_date"], r => Assert.Contains("another form needs the run's date format", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_with_a_time_part_is_accepted_and_written_as_its_date()
    {
        var run = FixtureRuns.Evaluate("odk-en-comma.csv");
        Assert.Equal(["2026-07-14", "2026-07-15"], run.Scores.Take(2).Select(s => s["survey_date"]));
        var dates = FixtureRuns.Evaluate("reject-invalid-date.csv").Scores;
        Assert.Equal([("R314", "2026-07-14"), ("R316", "2026-07-14")], dates.Select(s => (s["returnee_id"], s["survey_date"])));
    }

    [Fact]
    public void A_column_mapping_and_weight_column_read_exports_with_other_names()
    {
        var settings = FixtureRuns.Settings("column-mapping.csv") with
        {
            ColumnMapping = new Dictionary<string, string> { ["returnee_id"] = "case_number" },
            WeightColumn = "poids",
        };
        var run = FixtureRuns.Evaluate(settings);
        Assert.Equal((2L, 2L, 0L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        // The weights are those of 'poids'; the export's own 'weight' column (9) is set aside, and is no attribute.
        Assert.Equal([("R421", "1.5"), ("R422", "0.5")], run.Scores.Select(s => (s["returnee_id"], s["weight"])));
        Assert.Equal(["sex"], run.Result.Inputs.Single().Attributes);
        var recorded = run.Manifest.GetProperty("settings");
        Assert.Equal("case_number", recorded.GetProperty("columns").GetProperty("returnee_id").GetString());
        Assert.Equal("poids", recorded.GetProperty("weight").GetString());
    }

    /// <summary>A CSV of the plain header and the given rows (each a full list of fields) in a temp folder.</summary>
    private static string WriteCsv(string name, params string[][] rows)
    {
        var lines = File.ReadAllLines(TestFiles.Data("plain.csv"));
        var text = new StringBuilder(lines[0]).Append('\n');
        foreach (var row in rows) text.Append(string.Join(',', row)).Append('\n');
        var path = Path.Combine(TestFiles.TempFolder(), name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string[] PlainRow(int index) => File.ReadAllLines(TestFiles.Data("plain.csv"))[index].Split(',');

    [Fact]
    public void A_huge_value_is_cut_in_the_reject_but_the_row_counts_once()
    {
        var huge = new string('x', 10_000);
        var answer = PlainRow(1);
        answer[7 + 6] = huge;                          // job_access
        var weight = PlainRow(2);
        weight[5] = "9" + new string('9', 9_999);      // a 10,000-digit weight: too large to be finite
        var path = WriteCsv("huge-values.csv", answer, weight, PlainRow(3));

        var run = FixtureRuns.Evaluate(path);
        Assert.Equal((3L, 1L, 2L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var rejects = run.Rejects;
        Assert.Equal(2, rejects.Count);
        Assert.Equal(("job_access", "invalid_answer"), (rejects[0]["column"], rejects[0]["reason"]));
        Assert.Equal(new string('x', Reject.MaxValueLength) + "… (10000 characters)", rejects[0]["value"]);
        Assert.Contains("'" + new string('x', Reject.MaxValueLength) + "… (10000 characters)' is not an answer of job_access", rejects[0]["message"], StringComparison.Ordinal);
        Assert.True(rejects[0]["message"].Length < 1_000, "the message holds the whole value");
        Assert.Equal(("weight", "invalid_weight"), (rejects[1]["column"], rejects[1]["reason"]));
        Assert.EndsWith("… (10000 characters)", rejects[1]["value"], StringComparison.Ordinal);
        Assert.True(rejects[1]["message"].Length < 1_000, "the message holds the whole value");
    }

    [Fact]
    public void A_huge_returnee_id_is_cut_in_rejects_and_messages()
    {
        // The longest id a survey may have (SurveyKeys.MaxLength): longer ones are rejected (LongKeyTests).
        var id = "R" + new string('7', SurveyKeys.MaxLength - 1);
        var first = PlainRow(1);
        first[0] = id;
        var again = PlainRow(1);
        again[0] = id;
        var run = FixtureRuns.Evaluate(WriteCsv("huge-id.csv", first, again));
        Assert.Equal((2L, 1L, 1L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var reject = Assert.Single(run.Rejects);
        Assert.Equal("duplicate_survey", reject["reason"]);
        Assert.Equal(Reject.Cut(id), reject["returnee_id"]);
        Assert.Equal(Reject.Cut(id), reject["value"]);
        Assert.True(reject["message"].Length < 1_000, "the message holds the whole id");
    }

    [Fact]
    public void A_sheet_is_chosen_by_name_ignoring_case()
    {
        var plain = FixtureRuns.Evaluate("plain.csv");
        var second = FixtureRuns.Evaluate(FixtureRuns.Settings("xlsx-data-on-second-sheet.xlsx") with { Sheet = "DONNÉES" });
        Assert.Equal((8L, 8L, 0L), (second.Result.RowsRead, second.Result.RowsScored, second.Result.RowsRejected));
        Assert.Equal(plain.ScoresText, second.ScoresText);
        var first = FixtureRuns.Evaluate(FixtureRuns.Settings("kobo-export.xlsx") with { Sheet = "rss retour 2026" });
        Assert.Equal(plain.ScoresText, first.ScoresText);
    }

    [Fact]
    public void Xlsx_rows_are_numbered_as_the_sheet_shows_them_and_a_value_past_the_header_is_a_field_count_reject()
    {
        var run = FixtureRuns.Evaluate("xlsx-blank-and-extra-cells.xlsx");
        Assert.Equal(["R001", "R003"], run.Scores.Select(s => s["returnee_id"]));
        var rejects = run.Rejects;
        var extra = Assert.Single(rejects, r => r["reason"] == "field_count");
        Assert.Equal(("4", "R002", "oops"), (extra["row"], extra["returnee_id"], extra["value"]));
        Assert.Contains("a value in column 37, past the 36 columns of the header", extra["message"], StringComparison.Ordinal);
        // The blank row 3 between surveys (and any formatted empty row below the data) is passed over and
        // counted, like a CSV line of separators, not rejected.
        Assert.All(rejects, r => Assert.Equal("field_count", r["reason"]));
        Assert.True(run.Result.Inputs.Single().BlankRowsSkipped >= 1);
    }

    [Fact]
    public async Task Parquet_row_groups_are_read_one_after_another_with_continuous_row_numbers()
    {
        // plain.csv's rows in row groups of 3, 3 and 2, every column text (written here with Parquet.Net, since
        // DuckDB does not write row groups this small); S7 gets an invalid answer to check its row number.
        var rows = File.ReadAllLines(TestFiles.Data("plain.csv")).Select(l => l.Split(',')).ToArray();
        var header = rows[0];
        rows[7][7] = "6";
        var path = Path.Combine(TestFiles.TempFolder(), "row-groups.parquet");
        var fields = header.Select(h => new Parquet.Schema.DataField<string>(h, true)).ToArray();
        await using (var stream = File.Create(path))
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream))
        {
            foreach (var (start, count) in new[] { (1, 3), (4, 3), (7, 2) })
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
        Assert.Equal((8L, 7L, 1L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var reject = Assert.Single(run.Rejects);
        Assert.Equal(("8", "R001", "econ_satisfaction", "6"), (reject["row"], reject["returnee_id"], reject["column"], reject["value"]));
        var plain = FixtureRuns.Evaluate("plain.csv").Scores.Where((_, i) => i != 6);
        Assert.Equal(plain.Select(s => string.Join(',', s.Values)), run.Scores.Select(s => string.Join(',', s.Values)));
    }
}
