using Avrr.Analytics.Audit;

namespace Avrr.Analytics.Tests.Audit;

/// <summary>
/// The Saltelli design and the Saltelli 2010 / Jansen 1999 estimators recover the known Sobol indices of the
/// Ishigami function f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³ with a = 7, b = 0.1 (Ishigami and
/// Homma 1990; the values as in Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer", §4.8):
/// S1 = 0.3139, S2 = 0.4424, S3 = 0, ST1 = 0.5576, ST2 = 0.4424, ST3 = 0.2437, each within its Monte Carlo
/// error (four standard errors of the bootstrap, which COINr's 5–95% interval spans 3.29 of).
/// </summary>
public sealed class SobolIndicesTests
{
    private static double Ishigami(double[] u)
    {
        var x = u.Select(v => -Math.PI + 2 * Math.PI * v).ToArray();
        return Math.Sin(x[0]) + 7 * Math.Pow(Math.Sin(x[1]), 2) + 0.1 * Math.Pow(x[2], 4) * Math.Sin(x[0]);
    }

    private static SobolIndices Estimate(int n, int seed)
    {
        var design = new SaltelliDesign(n, 3, seed);
        return SobolIndices.Estimate(design.Points.Select(Ishigami).ToArray(), n, 3, bootstrap: 500, seed: seed + 1);
    }

    [Fact]
    public void First_order_and_total_indices_of_the_Ishigami_function_are_recovered_within_their_Monte_Carlo_error()
    {
        var indices = Estimate(8192, seed: 11);
        double[] first = [0.3139, 0.4424, 0], total = [0.5576, 0.4424, 0.2437];
        for (var i = 0; i < 3; i++)
        {
            var firstError = (indices.FirstOrderHigh[i] - indices.FirstOrderLow[i]) / 3.29;
            var totalError = (indices.TotalHigh[i] - indices.TotalLow[i]) / 3.29;
            Assert.True(firstError is > 0 and < 0.05, $"S{i + 1}: standard error {firstError}");
            Assert.True(Math.Abs(indices.FirstOrder[i] - first[i]) <= 4 * firstError, $"S{i + 1} = {indices.FirstOrder[i]:F4} ± {firstError:F4}, expected {first[i]}");
            Assert.True(Math.Abs(indices.Total[i] - total[i]) <= 4 * totalError, $"ST{i + 1} = {indices.Total[i]:F4} ± {totalError:F4}, expected {total[i]}");
        }
    }

    [Fact]
    public void The_design_has_A_then_B_then_each_AB_i_with_column_i_from_B()
    {
        var design = new SaltelliDesign(4, 3, seed: 5);
        Assert.Equal(4 * 5, design.Runs);
        for (var r = 0; r < 4; r++)
            for (var i = 0; i < 3; i++)
                for (var c = 0; c < 3; c++)
                    Assert.Equal(c == i ? design.Points[4 + r][c] : design.Points[r][c], design.Points[(2 + i) * 4 + r][c]);
        Assert.All(design.Points.SelectMany(p => p), u => Assert.InRange(u, 0, 1));
    }

    [Fact]
    public void The_same_seed_gives_the_same_design_and_indices_and_another_seed_another()
    {
        Assert.Equal(Estimate(256, seed: 3).FirstOrder, Estimate(256, seed: 3).FirstOrder);
        Assert.NotEqual(Estimate(256, seed: 3).FirstOrder, Estimate(256, seed: 4).FirstOrder);
    }

    [Fact]
    public void An_output_that_does_not_vary_has_no_indices()
    {
        var design = new SaltelliDesign(16, 2, seed: 1);
        var indices = SobolIndices.Estimate(design.Points.Select(_ => 1.0).ToArray(), 16, 2, bootstrap: 10, seed: 1);
        Assert.All(indices.FirstOrder.Concat(indices.Total), s => Assert.True(double.IsNaN(s)));
    }
}
