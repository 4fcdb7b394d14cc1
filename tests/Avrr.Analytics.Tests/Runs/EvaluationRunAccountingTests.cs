using System.Text.Json;
using Avrr.Analytics.Runs;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Every row read ends in exactly one place (docs/inputs.md, "Rejected rows"): rows_read = rows_scored + rows_rejected in
/// the result and in manifest.json, returnee_scores.csv has rows_scored lines and rejects.csv names
/// rows_rejected distinct rows.
/// </summary>
[Collection(SampleRunCollection.Name)]
public sealed class EvaluationRunAccountingTests(SampleRunFixture run)
{
    [Fact]
    public void Every_row_of_the_sample_is_read_and_is_either_scored_or_rejected()
    {
        var r = run.Result;
        Assert.Equal(SampleRunFixture.Rows, r.RowsRead);
        Assert.Equal(r.RowsRead, r.RowsScored + r.RowsRejected);
        Assert.True(r.RowsRejected > 0, "the sample carries a few invalid and duplicated rows");
        Assert.True(r.RowsScored > SampleRunFixture.Rows * 9 / 10);
        var input = Assert.Single(r.Inputs);
        Assert.Equal(r.RowsRead, input.RowsRead);
        Assert.Equal(input.RowsRead, input.RowsScored + input.RowsRejected);
    }

    [Fact]
    public void The_manifest_gives_the_same_accounting_and_it_adds_up()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(run.Output(EvaluationRun.ManifestFile)));
        var root = manifest.RootElement;
        var read = root.GetProperty("rows_read").GetInt64();
        var scored = root.GetProperty("rows_scored").GetInt64();
        var rejected = root.GetProperty("rows_rejected").GetInt64();
        Assert.Equal(read, scored + rejected);
        Assert.Equal((run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected), (read, scored, rejected));

        var input = Assert.Single(root.GetProperty("inputs").EnumerateArray().ToArray());
        Assert.Equal(read, input.GetProperty("rows_read").GetInt64());
        Assert.Equal(scored, input.GetProperty("rows_scored").GetInt64());
        Assert.Equal(rejected, input.GetProperty("rows_rejected").GetInt64());
    }

    [Fact]
    public void Returnee_scores_csv_has_one_data_line_per_scored_row()
    {
        var path = run.Output("returnee_scores.csv");
        var records = CsvRecords.Read(path);
        Assert.Equal(run.Result.RowsScored, records.Count - 1);
        // Also counted as raw lines: no field of this sample holds a line break.
        var lines = File.ReadAllText(path).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(run.Result.RowsScored, lines.Length - 1);
    }

    [Fact]
    public void Rejects_csv_names_as_many_distinct_source_and_row_pairs_as_rows_rejected()
    {
        var rejects = CsvRecords.ReadTable(run.Output("rejects.csv"));
        Assert.NotEmpty(rejects);
        var rows = rejects.Select(r => (r["source"], r["row"])).Distinct().Count();
        Assert.Equal(run.Result.RowsRejected, rows);
        Assert.All(rejects, r => Assert.EndsWith("sample.csv", r["source"]));
        // Rows are numbered as a spreadsheet shows them: the header is row 1.
        Assert.All(rejects, r => Assert.InRange(long.Parse(r["row"], System.Globalization.CultureInfo.InvariantCulture), 2, SampleRunFixture.Rows + 1));
    }

    [Fact]
    public void The_reasons_of_the_manifest_count_the_lines_of_rejects_csv()
    {
        var rejects = CsvRecords.ReadTable(run.Output("rejects.csv"));
        var expected = rejects.GroupBy(r => r["reason"]).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), run.Result.RejectsByReason.OrderBy(p => p.Key));
    }
}
