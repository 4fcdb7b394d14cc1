using System.Globalization;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// A calibrated run through the whole runner against R (Reference/calibration-runner.R): runner-fixture.csv raked to
/// margins of country and stratum, weights only and strata with clusters; every aggregate's n, psus, mean, se, df and
/// t interval equals R's calibrated design to 1e-7 (the library's arithmetic is checked to the same in
/// CalibrationReferenceTests; this checks that the run gives each survey its calibrated weight and its calibration cell).
/// </summary>
public sealed class CalibratedRunReferenceTests
{
    [Theory]
    [InlineData("weights", 1)]
    [InlineData("strata_clusters", 1)]
    [InlineData("strata_clusters", 3)]
    public void Aggregates_of_a_raked_run_equal_R_calibrate_to_1e7(string design, int threads)
    {
        var folder = TestFiles.TempFolder();
        var country = Path.Combine(folder, "country.csv");
        var stratum = Path.Combine(folder, "stratum.csv");
        File.WriteAllText(country, "country,total\nSEN,40\nGIN,30.5\nMLI,20\n");
        File.WriteAllText(stratum, "stratum,total\nS1,38.5\nS2,32\nS3,15\nS4,5\n");
        var results = Path.Combine(folder, "results");
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [TestFiles.Reference("runner-fixture.csv")],
            OutputFolder = results,
            ClusterColumn = design == "strata_clusters" ? "psu" : null,
            StrataColumn = design == "strata_clusters" ? "stratum" : null,
            MinCell = 1,
            Formats = OutputFormats.Csv,
            Threads = threads,
            Insights = false,
            Audit = false,
            Report = false,
            Calibrate = [country, stratum],
            CalibrateMethod = Analytics.Calibration.CalibrationMethod.Rake,
        });
        Assert.Equal(43, result.RowsScored);
        Assert.NotNull(result.Calibration);
        var aggregates = OutputTable.Read(Path.Combine(results, "aggregates.csv"));
        var expected = CsvRecords.Read(TestFiles.Reference("calibration-runner-expected.csv")).Skip(1).Where(f => f[0] == design).ToList();
        Assert.Equal(aggregates.Rows.Count, expected.Count);
        var compared = 0;
        foreach (var f in expected)
        {
            var what = $"{design} {f[1]} {f[2]} {f[3]} {f[4]}";
            var row = aggregates.Single(("level", f[1]), ("country", f[2]), ("community", f[3]), ("measure", f[4]));
            Assert.True(f[5] == row["n"], $"{what} n: R {f[5]}, engine {row["n"]}");
            Assert.True(f[6] == row["psus"], $"{what} psus: R {f[6]}, engine {row["psus"]}");
            RunnerDesignReferenceTests.AssertClose(f[7], row.Number("mean"), what + " mean", 1e-7);
            if (int.Parse(f[6], CultureInfo.InvariantCulture) < 2)
            {
                Assert.Equal("", row["se"]);   // the engine's rule: a group in one PSU has no standard error
                continue;
            }
            RunnerDesignReferenceTests.AssertClose(f[8], row.Number("se"), what + " se", 1e-7);
            Assert.True(f[9] == row["df"], $"{what} df: R {f[9]}, engine {row["df"]}");
            RunnerDesignReferenceTests.AssertClose(f[10], row.Number("ci_low"), what + " ci_low", 1e-7);
            RunnerDesignReferenceTests.AssertClose(f[11], row.Number("ci_high"), what + " ci_high", 1e-7);
            compared++;
        }
        Assert.True(compared >= 16, $"{compared} standard errors compared");
    }
}
