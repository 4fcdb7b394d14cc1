using System.Globalization;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Spreadsheet safety of the CSV outputs: a text cell that starts with = + - @ (a formula for Excel) is
/// written with a leading apostrophe and in quotes, so a spreadsheet shows it as text; numbers are never
/// touched. Parquet is not a spreadsheet: it keeps the text as it was read.
/// </summary>
public sealed class RunSpreadsheetSafetyTests
{
    private static readonly string[] FormulaIds = ["=SUM(A1)", "+33 6 12 34 56 78", "-5", "@cmd"];
    private static readonly string[] FormulaCommunities = ["=SUM(A1)", "+33", "-5", "@cmd"];

    /// <summary>
    /// A run (CSV and Parquet, tables only) of the clean sample with formula-looking returnee ids and communities
    /// in its first rows, and one more row (id "@rejected") whose answer "=1+1" is invalid, so that it goes to
    /// rejects.csv. Made once: the tests only read it.
    /// </summary>
    private static readonly Lazy<(string Out, string Input)> Formulas = new(() => RunOnFormulas());

    private static (string Out, string Input) RunOnFormulas()
    {
        var folder = TestFiles.TempFolder();
        var (header, rows) = Samples.Fields(Samples.Clean);
        int id = Array.IndexOf(header, "returnee_id"), community = Array.IndexOf(header, "community"), round = Array.IndexOf(header, "round");
        var baselines = rows.Where(r => r[round] == "baseline").Take(FormulaIds.Length + 1).ToArray();
        var edited = new List<string[]>();
        for (var i = 0; i < FormulaIds.Length; i++)
        {
            var row = (string[])baselines[i].Clone();
            row[id] = FormulaIds[i];
            row[community] = FormulaCommunities[i];
            edited.Add(row);
        }
        var rejected = (string[])baselines[^1].Clone();
        rejected[id] = "@rejected";
        rejected[Array.IndexOf(header, "econ_satisfaction")] = "=1+1";
        edited.Add(rejected);
        var input = Samples.Write(Path.Combine(folder, "formulas.csv"), header, edited.Concat(rows));
        var out_ = Path.Combine(folder, "results");
        Avrr.Expect(0, ["run", input, "--out", out_, "--quiet", "--min-cell", "1", .. SampleResults.TablesOnly]);
        return (out_, input);
    }

    [Fact]
    public void Formula_looking_ids_and_communities_get_a_leading_apostrophe_and_quotes_in_returnee_scores_csv()
    {
        var (out_, _) = Formulas.Value;
        var scores = CsvFile.Read(Path.Combine(out_, "returnee_scores.csv"));

        for (var i = 0; i < FormulaIds.Length; i++)
        {
            var row = scores.Rows[i];
            Assert.Equal("'" + FormulaIds[i], row[scores.Index("returnee_id")]);
            Assert.True(scores.Quoted[i][scores.Index("returnee_id")], $"{FormulaIds[i]} is not quoted");
            Assert.Equal("'" + FormulaCommunities[i], row[scores.Index("community")]);
        }
        // And in the raw bytes, as a spreadsheet sees them.
        var text = File.ReadAllText(Path.Combine(out_, "returnee_scores.csv"));
        Assert.Contains("\r\n\"'=SUM(A1)\",baseline,", text);
        Assert.Contains("\r\n\"'-5\",baseline,", text);
        foreach (var line in text.Split("\r\n").Skip(1).Where(l => l.Length > 0))
            Assert.DoesNotMatch(@"(^|,)[=+\-@]", line);
    }

    [Fact]
    public void Numbers_in_returnee_scores_csv_stay_plain_numbers()
    {
        var (out_, _) = Formulas.Value;
        var scores = CsvFile.Read(Path.Combine(out_, "returnee_scores.csv"));

        var numeric = scores.Header.Where(h => h is "weight" or "answered" || h.StartsWith("indicator_", StringComparison.Ordinal) || h.EndsWith("_score", StringComparison.Ordinal)).ToArray();
        Assert.Equal(OutputContract.Indicators.Length + 4 + 2, numeric.Length);
        for (var r = 0; r < scores.Rows.Count; r++)
            foreach (var column in numeric)
            {
                var c = scores.Index(column);
                var text = scores.Rows[r][c];
                Assert.False(scores.Quoted[r][c], $"{column} = '{text}' is quoted");
                Assert.True(text.Length == 0 || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{column} = '{text}'");
            }
    }

    [Fact]
    public void Formula_looking_ids_and_values_are_neutralised_in_rejects_csv()
    {
        var (out_, _) = Formulas.Value;
        var rejects = CsvFile.Read(Path.Combine(out_, "rejects.csv"));

        var row = Assert.Single(rejects.Rows);
        Assert.Equal("'@rejected", row[rejects.Index("returnee_id")]);
        Assert.Equal("'=1+1", row[rejects.Index("value")]);
        Assert.Equal("econ_satisfaction", row[rejects.Index("column")]);
        Assert.Equal("invalid_answer", row[rejects.Index("reason")]);
        Assert.Equal("6", row[rejects.Index("row")]);   // the header is row 1, four edited rows come first
        Assert.True(rejects.Quoted[0][rejects.Index("value")]);
    }

    [Fact]
    public void Formula_looking_community_names_are_neutralised_in_aggregates_csv_and_its_numbers_are_not()
    {
        var (out_, _) = Formulas.Value;
        var aggregates = CsvFile.Read(Path.Combine(out_, "aggregates.csv"));

        var communities = aggregates.Column("community").Where(c => c.Length > 0).ToHashSet();
        foreach (var name in FormulaCommunities)
        {
            Assert.Contains("'" + name, communities);
            Assert.DoesNotContain(name, communities);
        }
        foreach (var statistic in OutputContract.AggregateNumbers)
            foreach (var text in aggregates.Column(statistic).Where(t => t.Length > 0))
                Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{statistic} = '{text}'");
    }

    [Fact]
    public void Parquet_keeps_the_text_as_it_was_read()
    {
        var (out_, _) = Formulas.Value;
        var scores = ParquetTables.Read(Path.Combine(out_, "returnee_scores.parquet"));

        Assert.Equal(FormulaIds, scores.Take(FormulaIds.Length).Select(r => (string)r["returnee_id"]!));
        Assert.Equal(FormulaCommunities, scores.Take(FormulaIds.Length).Select(r => (string)r["community"]!));
    }
}
