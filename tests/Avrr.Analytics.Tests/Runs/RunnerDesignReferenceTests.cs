using System.Globalization;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// The whole runner against R: <see cref="EvaluationRun.Execute"/> on Reference/runner-fixture.csv (an rss-15
/// export with a psu and a stratum column) with no design columns, --cluster psu, --strata stratum, and both;
/// every statistic of aggregates.csv for every level, group and measure equals Reference/runner-design.R (which
/// scores the export itself and estimates with R's survey package) to 1e-9.
/// </summary>
public sealed class RunnerDesignReferenceTests
{
    private static readonly string[] Statistics =
        ["weight_sum", "mean", "se", "ci_low", "ci_high", "n_eff", "median", "p25", "p75", "share_low", "share_medium", "share_high"];

    public static TheoryData<string> Designs => new() { "weights", "clusters", "strata", "strata_clusters" };

    [Theory]
    [MemberData(nameof(Designs))]
    public void Aggregates_of_a_run_equal_R_survey_to_1e9(string design)
    {
        var folder = TestFiles.TempFolder();
        var results = Path.Combine(folder, "results");
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [TestFiles.Reference("runner-fixture.csv")],
            OutputFolder = results,
            ClusterColumn = design is "clusters" or "strata_clusters" ? "psu" : null,
            StrataColumn = design is "strata" or "strata_clusters" ? "stratum" : null,
            MinCell = 1,                     // compare every group, the one-survey community too
            Formats = OutputFormats.Csv,
            Threads = 1,
        });
        Assert.Equal(43, result.RowsScored);
        Assert.Equal(0, result.RowsRejected);

        var aggregates = OutputTable.Read(Path.Combine(results, "aggregates.csv"));
        var lines = File.ReadAllLines(TestFiles.Reference("runner-design-expected.csv"));
        var header = lines[0].Split(',');
        var expected = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[0] == design).ToList();
        Assert.Equal(4 * (1 + 3 + 7), expected.Count);               // 4 measures × (all + 3 countries + 7 communities)
        // Every line of aggregates.csv is one R row: nothing the engine estimates goes unchecked.
        Assert.Equal(expected.Count, aggregates.Rows.Count);

        string E(string[] f, string column) => f[Array.IndexOf(header, column)];
        foreach (var f in expected)
        {
            var what = $"{design} {E(f, "level")} {E(f, "country")} {E(f, "community")} {E(f, "measure")}";
            var row = aggregates.Single(("level", E(f, "level")), ("country", E(f, "country")), ("community", E(f, "community")),
                ("measure", E(f, "measure")));
            Assert.Equal("false", row["suppressed"]);
            Assert.True(E(f, "n_rows") == row["n_rows"], $"{what} n_rows: R {E(f, "n_rows")}, engine {row["n_rows"]}");
            Assert.True(E(f, "n") == row["n"], $"{what} n: R {E(f, "n")}, engine {row["n"]}");
            foreach (var statistic in Statistics)
            {
                var r = double.Parse(E(f, statistic), CultureInfo.InvariantCulture);
                var engine = row.Number(statistic);
                Assert.True(Math.Abs(r - engine) <= 1e-9, $"{what} {statistic}: R gives {r:R}, the engine {engine:R}");
            }
        }
    }
}
