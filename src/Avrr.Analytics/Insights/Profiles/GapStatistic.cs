namespace Avrr.Analytics.Insights.Profiles;

/// <summary>
/// The gap statistic of Tibshirani, Walther and Hastie (2001, "Estimating the number of clusters in a data set
/// via the gap statistic", JRSS B 63:411–423), which chooses the number of profiles, 1 included (docs/insights.md):
/// for k = 1..K, W_k is the within-cluster sum of squares of k-means of the points, and W*_kb that of each of B
/// reference sets drawn uniformly in the box of the points' principal axes (the paper's reference (b), as R's
/// <c>cluster::clusGap(spaceH0 = "original")</c> does); Gap(k) = mean_b log W*_kb − log W_k and
/// s_k = sd_b(log W*_kb)·√(1 + 1/B). The chosen k is the smallest with Gap(k) ≥ Gap(k+1) − s_{k+1} (the paper's
/// rule, R's <c>maxSE(method = "Tibs2001SEmax")</c>); the largest k when none is. Profiles are taken as roughly
/// round: a profile spread along a direction (returnees of one kind at every overall level) can be split.
/// </summary>
public static class GapStatistic
{
    public const int References = 10, Starts = 3;


    public sealed record Point(int K, double Gap, double StandardError);

    /// <summary>The gap of each k from 1 to <paramref name="maxK"/>, and the chosen k; the reference sets on up to <paramref name="threads"/> threads (0: one per core).</summary>
    public static (IReadOnlyList<Point> Gaps, int Chosen) Of(IReadOnlyList<float[]> points, int maxK, int seed, int threads = 0)
    {
        var x = points.Select(p => p.Select(v => (double)v).ToArray()).ToArray();
        var width = x[0].Length;
        var random = new Random(seed);
        var logW = Enumerable.Range(1, maxK).Select(k => Math.Log(SmallKMeans.Fit(x, k, Starts, random).Within)).ToArray();

        // The principal axes: the eigenvectors of the points' covariance; the box, the range of the points along each.
        var mean = Enumerable.Range(0, width).Select(j => x.Average(p => p[j])).ToArray();
        var covariance = new double[width, width];
        foreach (var p in x)
            for (var a = 0; a < width; a++)
                for (var b = 0; b < width; b++) covariance[a, b] += (p[a] - mean[a]) * (p[b] - mean[b]);
        var axes = Jacobi.Eigenvectors(covariance);
        var low = Enumerable.Repeat(double.PositiveInfinity, width).ToArray();
        var high = Enumerable.Repeat(double.NegativeInfinity, width).ToArray();
        foreach (var p in x)
            for (var a = 0; a < width; a++)
            {
                var coordinate = 0.0;
                for (var j = 0; j < width; j++) coordinate += (p[j] - mean[j]) * axes[j, a];
                (low[a], high[a]) = (Math.Min(low[a], coordinate), Math.Max(high[a], coordinate));
            }

        // Each reference set has its own seeded stream, so that they can be drawn and fitted on several threads
        // and give the same numbers on any number of them.
        var reference = new double[References, maxK];
        Parallel.For(0, References, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : -1 }, b =>
        {
            var stream = new Random(unchecked(seed * 7919 + b + 1));
            var z = new double[x.Length][];
            for (var i = 0; i < x.Length; i++)
            {
                var rotated = Enumerable.Range(0, width).Select(a => low[a] + stream.NextDouble() * (high[a] - low[a])).ToArray();
                z[i] = new double[width];
                for (var j = 0; j < width; j++)
                {
                    var value = mean[j];
                    for (var a = 0; a < width; a++) value += rotated[a] * axes[j, a];
                    z[i][j] = value;
                }
            }
            for (var k = 1; k <= maxK; k++) reference[b, k - 1] = Math.Log(SmallKMeans.Fit(z, k, Starts, stream).Within);
        });

        var gaps = new Point[maxK];
        for (var k = 1; k <= maxK; k++)
        {
            var values = Enumerable.Range(0, References).Select(b => reference[b, k - 1]).ToArray();
            var average = values.Average();
            // The paper's sd_k divides by B; s_k widens it for the simulation error of the reference mean.
            var sd = Math.Sqrt(values.Sum(v => (v - average) * (v - average)) / References);
            gaps[k - 1] = new Point(k, average - logW[k - 1], sd * Math.Sqrt(1 + 1.0 / References));
        }
        var chosen = maxK;
        for (var k = 1; k < maxK; k++)
            if (gaps[k - 1].Gap >= gaps[k].Gap - gaps[k].StandardError) { chosen = k; break; }
        return (gaps, chosen);
    }
}
