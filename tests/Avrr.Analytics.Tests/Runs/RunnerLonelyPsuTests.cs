using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs;
using static Avrr.Analytics.Tests.Runs.DimensionAnswers;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// A stratum with a single cluster (lonely PSU, survey.lonely.psu = "adjust") end to end: EvaluationRun with
/// --cluster psu --strata stratum on a five-survey export, standard errors in aggregates.csv against a hand
/// calculation.
/// </summary>
public sealed class RunnerLonelyPsuTests
{
    // survey  country  stratum  psu  answers  composite  weight
    // 1       X        A        a1   WWW      0          1
    // 2       Y        A        a1   BWW      1/3        1
    // 3       X        A        a2   BBW      2/3        2
    // 4       X        B        b1   BBB      1          1
    // 5       Y        B        b1   BWW      1/3        1
    // Stratum A has two PSUs (a1, a2); stratum B one (b1): lonely.
    private static OutputTable Run()
    {
        var folder = TestFiles.TempFolder();
        var export = new SurveyExport("stratum", "psu");
        export.Add("L1", "X", "C", "2025-01-10", "r1", 1, Worst, Worst, Worst, "A", "a1");
        export.Add("L2", "Y", "C", "2025-01-10", "r1", 1, Best, Worst, Worst, "A", "a1");
        export.Add("L3", "X", "C", "2025-01-10", "r1", 2, Best, Best, Worst, "A", "a2");
        export.Add("L4", "X", "C", "2025-01-10", "r1", 1, Best, Best, Best, "B", "b1");
        export.Add("L5", "Y", "C", "2025-01-10", "r1", 1, Best, Worst, Worst, "B", "b1");
        var results = Path.Combine(folder, "results");
        EvaluationRun.Execute(new RunSettings
        {
            Inputs = [export.Write(folder)], OutputFolder = results, ClusterColumn = "psu", StrataColumn = "stratum",
            MinCell = 1, Formats = OutputFormats.Csv, Threads = 1,
        });
        return OutputTable.Read(Path.Combine(results, "aggregates.csv"));
    }

    [Fact]
    public void Standard_errors_with_a_lonely_PSU_equal_the_hand_calculation()
    {
        var aggregates = Run();

        // All: W = 6; Σwy = 0 + 1/3 + 4/3 + 1 + 1/3 = 3; ȳ = 1/2.
        //   z = w (y − ȳ)/W: −1/12, −1/36, 2(1/6)/6 = 1/18, 1/12, −1/36.
        //   t_a1 = −1/12 − 1/36 = −1/9; t_a2 = 1/18; t_b1 = 1/12 − 1/36 = 1/18.
        //   Stratum A: t̄ = −1/36; deviations ∓1/12; Σ = 2/144 = 1/72; × 2/(2 − 1) = 1/36.
        //   Stratum B (lonely, adjust): t_b1² = 1/324 (not centred on its own mean, which would give 0).
        //   V = 1/36 + 1/324 = 10/324 = 5/162; se = √(5/162) = 0.1756820922…
        var all = aggregates.Single(("level", "all"), ("measure", "composite"));
        Assert.Equal(0.5, all.Number("mean"), 12);
        Assert.Equal(Math.Sqrt(5.0 / 162), all.Number("se"), 12);

        // Country X (surveys 1, 3, 4): W = 4; Σwy = 0 + 4/3 + 1 = 7/3; ȳ = 7/12.
        //   z: (0 − 7/12)/4 = −7/48; 2(8/12 − 7/12)/4 = 2/48; (12/12 − 7/12)/4 = 5/48; 0 for surveys 2 and 5.
        //   t_a1 = −7/48, t_a2 = 2/48, t_b1 = 5/48.
        //   Stratum A: t̄ = −5/96; deviations ∓9/96; Σ = 162/9216; × 2 = 324/9216.
        //   Stratum B (lonely): (5/48)² = 100/9216.
        //   V = 424/9216 = 53/1152; se = √(53/1152) = 0.2144922946…
        var x = aggregates.Single(("level", "country"), ("country", "X"), ("measure", "composite"));
        Assert.Equal(7.0 / 12, x.Number("mean"), 12);
        Assert.Equal(Math.Sqrt(53.0 / 1152), x.Number("se"), 12);

        // Country Y (surveys 2 and 5, both 1/3): every z is 0, so se = 0, written "0".
        var y = aggregates.Single(("level", "country"), ("country", "Y"), ("measure", "composite"));
        Assert.Equal(1.0 / 3, y.Number("mean"));
        Assert.Equal("0", y["se"]);
    }
}
