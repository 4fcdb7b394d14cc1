namespace Avrr.Analytics.Audit;

/// <summary>
/// The Monte Carlo design of a variance-based sensitivity analysis (Saltelli et al. 2010, as COINr's
/// <c>SA_sample</c>): two independent N × k matrices A and B of uniform draws in [0, 1), then for each
/// input i the matrix AB_i, which is A with column i taken from B. Rows in order A, B, AB_1, …, AB_k:
/// N × (k + 2) points. Seeded: the same seed gives the same design on every machine.
/// </summary>
public sealed class SaltelliDesign
{
    public int N { get; }
    public int K { get; }

    /// <summary>The points, [row][input].</summary>
    public double[][] Points { get; }

    public SaltelliDesign(int n, int k, int seed)
    {
        if (n < 1 || k < 0) throw new ArgumentOutOfRangeException(nameof(n), "A design needs N ≥ 1 and k ≥ 0.");
        N = n;
        K = k;
        var random = new Random(seed);
        var a = new double[n][];
        var b = new double[n][];
        for (var r = 0; r < n; r++)
        {
            a[r] = new double[k];
            b[r] = new double[k];
            for (var c = 0; c < k; c++) a[r][c] = random.NextDouble();
            for (var c = 0; c < k; c++) b[r][c] = random.NextDouble();
        }
        var points = new List<double[]>(n * (k + 2));
        points.AddRange(a);
        points.AddRange(b);
        for (var i = 0; i < k; i++)
            for (var r = 0; r < n; r++)
            {
                var row = (double[])a[r].Clone();
                row[i] = b[r][i];
                points.Add(row);
            }
        Points = [.. points];
    }

    public int Runs => Points.Length;
}
