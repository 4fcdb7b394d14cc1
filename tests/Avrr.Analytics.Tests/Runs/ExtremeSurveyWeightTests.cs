using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Survey weights are relative (docs/methodology.md, "The survey design"): an export whose weights are all equal gives
/// the estimates of weights of 1 whatever their scale (1e160, whose squares overflow; 1e-320, a subnormal whose
/// square is 0; 1e308, whose sum overflows), in aggregates, panel_change and comparisons; only weight_sum scales,
/// and where it cannot be represented it is empty with a note. No data file ever holds Infinity or NaN.
/// </summary>
public sealed class ExtremeSurveyWeightTests
{
    private static readonly string[] Tables = ["aggregates.csv", "panel_change.csv", "comparisons.csv"];

    /// <summary>Reference/panel-fixture.csv with every weight replaced by one value, run with --min-cell 1.</summary>
    private static string Run(string weight, bool design)
    {
        var folder = TestFiles.TempFolder();
        var lines = File.ReadAllLines(TestFiles.Reference("panel-fixture.csv"));
        var column = Array.IndexOf(lines[0].Split(','), "weight");
        var input = Path.Combine(folder, "weights.csv");
        File.WriteAllLines(input, lines.Take(1).Concat(lines.Skip(1).Select(l =>
        {
            var fields = l.Split(',');
            fields[column] = weight;
            return string.Join(',', fields);
        })));
        var results = Path.Combine(folder, "results");
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [input], OutputFolder = results, MinCell = 1, Formats = OutputFormats.Csv | OutputFormats.Parquet, Threads = 1,
            ClusterColumn = design ? "psu" : null, StrataColumn = design ? "stratum" : null,
        });
        Assert.Equal(120, result.RowsScored);
        return results;
    }

    [Theory]
    [InlineData("1e160", false)]
    [InlineData("1e160", true)]
    [InlineData("1e-320", false)]
    [InlineData("1e-320", true)]
    [InlineData("1e308", false)]
    [InlineData("1e308", true)]
    public void Equal_extreme_weights_give_the_estimates_of_weights_of_1(string weight, bool design)
    {
        var ones = Run("1", design);
        var extreme = Run(weight, design);
        var w = double.Parse(weight, CultureInfo.InvariantCulture);
        foreach (var file in Tables)
        {
            var expected = OutputTable.Read(Path.Combine(ones, file));
            var actual = OutputTable.Read(Path.Combine(extreme, file));
            Assert.Equal(expected.Header, actual.Header);
            Assert.Equal(expected.Rows.Count, actual.Rows.Count);
            for (var r = 0; r < expected.Rows.Count; r++)
                for (var c = 0; c < expected.Header.Count; c++)
                {
                    var (e, a, name) = (expected.Rows[r][c], actual.Rows[r][c], expected.Header[c]);
                    var what = $"{file} row {r + 1} {name}";
                    if (name == "weight_sum" && e == "") Assert.True(a == "", $"{what}: '{a}' for a withheld group");
                    else if (name == "weight_sum")
                    {
                        // n surveys of weight w: n·w, or nothing when n·w is beyond the largest double.
                        var sum = double.Parse(e, CultureInfo.InvariantCulture) * w;
                        Assert.True(double.IsFinite(sum) ? a == sum.ToString("R", CultureInfo.InvariantCulture) : a == "", $"{what}: {a} for {e} surveys of {weight}");
                    }
                    else if (name == "note" && file == "aggregates.csv")
                    {
                        var surveys = expected.Rows[r][expected.Column("weight_sum")];
                        var tooLarge = surveys != "" && double.IsInfinity(double.Parse(surveys, CultureInfo.InvariantCulture) * w);
                        Assert.True(a == (tooLarge ? (e == "" ? "" : e + "; ") + EstimateNotes.WeightSumTooLarge : e), $"{what}: '{a}'");
                    }
                    else Assert.True(e == a, $"{what}: '{a}' with weights {weight}, '{e}' with weights 1");
                }
        }
        AssertNoNonFiniteNumber(extreme);
    }

    [Fact]
    public void Weights_too_far_apart_leave_what_cannot_be_computed_empty_with_a_note()
    {
        // 1 and 1e200 in one export: the squares of the larger weights (1e400) cannot be represented, so the effective
        // n and the standard errors cannot be computed; the means can, and are given.
        var folder = TestFiles.TempFolder();
        var lines = File.ReadAllLines(TestFiles.Reference("panel-fixture.csv"));
        var column = Array.IndexOf(lines[0].Split(','), "weight");
        var input = Path.Combine(folder, "mixed.csv");
        File.WriteAllLines(input, lines.Take(1).Concat(lines.Skip(1).Select((l, i) =>
        {
            var fields = l.Split(',');
            fields[column] = i % 2 == 0 ? "1" : "1e200";
            return string.Join(',', fields);
        })));
        var results = Path.Combine(folder, "results");
        EvaluationRun.Execute(new RunSettings { Inputs = [input], OutputFolder = results, MinCell = 5, Formats = OutputFormats.Csv, Threads = 1 });
        var all = OutputTable.Read(Path.Combine(results, "aggregates.csv")).Single(("level", "all"), ("measure", "composite"));
        Assert.Equal("false", all["suppressed"]);
        Assert.True(all.Number("mean") is > 0 and < 1);
        Assert.Equal(("", "", "", ""), (all["se"], all["ci_low"], all["ci_high"], all["n_eff"]));
        Assert.Equal(EstimateNotes.WeightsTooFarApart, all["note"]);
        AssertNoNonFiniteNumber(results);
    }

    [Theory]
    [InlineData("1e-320")]
    [InlineData("1e-30")]
    [InlineData("1e300")]
    public void Equal_extreme_weights_give_the_audit_of_weights_of_1_and_weighted_correlations_equal_to_the_unweighted(string weight)
    {
        // Issue 23 §10: with every weight 1e-320, audit/correlations.csv held Infinity in 66 weighted correlations and left
        // the others empty; reliability, alpha if dropped and the rank uncertainty moved. Every number of audit/ must be
        // that of weights of 1 (to 1e-12: the weights are divided by a power of two near them, which rounds otherwise).
        var ones = Run("1", design: false);
        var extreme = Run(weight, design: false);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ones, "audit"), "*.csv").Select(Path.GetFileName))
        {
            var expected = Cli.CsvFile.Read(Path.Combine(ones, "audit", file!));
            var actual = Cli.CsvFile.Read(Path.Combine(extreme, "audit", file!));
            Assert.Equal(expected.Header, actual.Header);
            Assert.Equal(expected.Rows.Count, actual.Rows.Count);
            for (var r = 0; r < expected.Rows.Count; r++)
                for (var c = 0; c < expected.Header.Count; c++)
                {
                    var (e, a) = (expected.Rows[r][c], actual.Rows[r][c]);
                    var what = $"audit/{file} row {r + 1} {expected.Header[c]}: '{a}' with weights {weight}, '{e}' with weights 1";
                    if (double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && e.Contains('.'))
                    {
                        Assert.True(double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var y), what);
                        Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), what);
                    }
                    else Assert.True(e == a, what);
                }
        }
        var correlations = Cli.CsvFile.Read(Path.Combine(extreme, "audit", "correlations.csv"));
        int Column(string name) => correlations.Header.ToList().IndexOf(name);
        var (a_, b_, method, weighted, value) = (Column("a"), Column("b"), Column("method"), Column("weighted"), Column("r"));
        var unweighted = correlations.Rows.Where(r => r[weighted] == "false").ToDictionary(r => (r[a_], r[b_], r[method]), r => r[value]);
        var weightedRows = correlations.Rows.Where(r => r[weighted] == "true").ToArray();
        Assert.NotEmpty(weightedRows);
        foreach (var row in weightedRows)
        {
            var plain = unweighted[(row[a_], row[b_], row[method])];
            Assert.True(plain == "" ? row[value] == "" : Math.Abs(double.Parse(plain, CultureInfo.InvariantCulture) - double.Parse(row[value], CultureInfo.InvariantCulture)) <= 1e-12,
                $"{row[a_]} and {row[b_]} ({row[method]}): weighted {row[value]}, unweighted {plain}");
        }
        AssertNoNonFiniteNumber(Path.Combine(extreme, "audit"));
    }

    [Fact]
    public void A_first_survey_of_a_tiny_weight_among_weights_of_1_weighs_nothing_in_the_audits_weighted_correlations()
    {
        // The audit's weight scale comes from the weights' median binary exponent, not from the first survey's weight:
        // scaled by 1e-30, the weights of 1 would pass the 2^44 its exact pair tables hold.
        var folder = TestFiles.TempFolder();
        var lines = File.ReadAllLines(TestFiles.Reference("panel-fixture.csv"));
        var column = Array.IndexOf(lines[0].Split(','), "weight");
        string Write(string name, IEnumerable<string> rows)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllLines(path, rows.Prepend(lines[0]).Select((l, i) =>
            {
                if (i == 0) return l;
                var fields = l.Split(',');
                fields[column] = i == 1 && name == "outlier.csv" ? "1e-30" : "1";
                return string.Join(',', fields);
            }));
            return path;
        }
        string Correlations(string input)
        {
            var results = Path.Combine(folder, Path.GetFileNameWithoutExtension(input));
            EvaluationRun.Execute(new RunSettings { Inputs = [input], OutputFolder = results, MinCell = 1, Formats = OutputFormats.Csv, Report = false, Insights = false, Threads = 1 });
            return Path.Combine(results, "audit", "correlations.csv");
        }
        var outlier = Cli.CsvFile.Read(Correlations(Write("outlier.csv", lines.Skip(1))));
        var without = Cli.CsvFile.Read(Correlations(Write("without.csv", lines.Skip(2))));
        var r = outlier.Header.ToList().IndexOf("r");
        var weighted = outlier.Header.ToList().IndexOf("weighted");
        Assert.Equal(without.Rows.Count, outlier.Rows.Count);
        for (var i = 0; i < outlier.Rows.Count; i++)
        {
            if (outlier.Rows[i][weighted] != "true" || outlier.Rows[i][r] == "") continue;
            var (x, y) = (double.Parse(without.Rows[i][r], CultureInfo.InvariantCulture), double.Parse(outlier.Rows[i][r], CultureInfo.InvariantCulture));
            Assert.True(Math.Abs(x - y) <= 1e-9, $"{string.Join(",", outlier.Rows[i].Take(3))}: {y} with the first survey weighing 1e-30, {x} without it");
        }
    }

    private static void AssertNoNonFiniteNumber(string results)
    {
        foreach (var file in Directory.EnumerateFiles(results, "*.csv"))
        {
            var text = File.ReadAllText(file);
            foreach (var word in new[] { "Infinity", "NaN", "∞" })
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} holds {word}");
        }
    }
}
