using Avrr.Analytics.Insights.Learning;

namespace Avrr.Analytics.Insights.Profiles;

/// <summary>
/// Finds the returnee profiles (docs/insights.md, "Returnee profiles"): k-means (k-means++ start, seeded)
/// of the training points for every k from <see cref="MinK"/> to <see cref="MaxK"/>, the k with the largest
/// mean silhouette (Rousseeuw 1987) on a seeded subsample of the points (the smaller k on a tie), the
/// profiles numbered by their centroid's mean score (highest first) and named from their dimension scores.
/// </summary>
public static class ProfileTraining
{
    public const int MinK = 2, MaxK = 8;

    /// <summary>Fewer training surveys than this give no profiles: a clustering of a handful of surveys describes no one.</summary>
    public const int MinimumSurveys = 100;

    /// <summary>Surveys the silhouettes are computed on: the cost grows with the square of this.</summary>
    public const int SilhouetteSurveys = 1000;

    /// <summary>
    /// The profiles of the training points (given in an order that favours no part of the data, the seeded
    /// sample's), named in <paramref name="language"/>; null with fewer than <see cref="MinimumSurveys"/> points.
    /// k stops below the number of distinct points. The k are fitted in parallel on up to
    /// <paramref name="threads"/> threads (0: one per core); each fit is seeded and single-threaded, so the
    /// result does not depend on it.
    /// </summary>
    public static ProfileModel? Train(IReadOnlyList<float[]> points, ProfileFeatures features, IReadOnlyList<string> dimensionLabels, string language,
        IMachineLearning learning, int seed, int threads = 0)
    {
        var distinct = points.Select(p => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(p.AsSpan()))).Distinct(StringComparer.Ordinal).Count();
        var maxK = Math.Min(MaxK, distinct - 1);
        if (points.Count < MinimumSurveys || maxK < MinK) return null;
        var random = new Random(seed);
        var check = points.Count <= SilhouetteSurveys
            ? points.ToArray()
            : points.Select((p, i) => (p, key: random.NextDouble())).OrderBy(x => x.key).Take(SilhouetteSurveys).Select(x => x.p).ToArray();
        var fits = new (float[][] Centroids, double Silhouette)[maxK + 1];
        Parallel.For(MinK, maxK + 1, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : -1 }, k =>
        {
            var centroids = learning.KMeans(points, k, seed);
            fits[k] = (centroids, Silhouette(check, centroids));
        });
        var selection = new List<(int K, double Silhouette)>();
        float[][]? best = null;
        var bestScore = double.NegativeInfinity;
        for (var k = MinK; k <= maxK; k++)
        {
            selection.Add((k, fits[k].Silhouette));
            if (fits[k].Silhouette > bestScore) (best, bestScore) = fits[k];
        }
        var ordered = best!.OrderByDescending(c => c.Average(v => (double)v)).ToArray();
        var dimensions = ordered.Select(c => (IReadOnlyList<double>)features.DimensionsOf(c)).ToArray();
        var pointDimensions = points.Select(p => features.DimensionsOf(p)).ToArray();
        var means = Enumerable.Range(0, dimensionLabels.Count).Select(d => pointDimensions.Average(p => p[d])).ToArray();
        var deviations = Enumerable.Range(0, dimensionLabels.Count)
            .Select(d => Math.Sqrt(pointDimensions.Sum(p => (p[d] - means[d]) * (p[d] - means[d])) / Math.Max(1, points.Count - 1))).ToArray();
        var names = ProfileNames.Name(dimensions, means, deviations, dimensionLabels, language);
        var profiles = ordered.Select((c, i) => new ReturneeProfile($"P{i + 1}", names[i], c, dimensions[i])).ToArray();
        return new ProfileModel(profiles, selection, points.Count, check.Length);
    }

    /// <summary>
    /// The mean silhouette of the points' clustering by nearest centroid: for each point, (b − a) / max(a, b)
    /// with a its mean Euclidean distance to the other points of its cluster and b the smallest mean distance
    /// to the points of another cluster; 0 for a point alone in its cluster.
    /// </summary>
    public static double Silhouette(IReadOnlyList<float[]> points, IReadOnlyList<float[]> centroids)
    {
        var model = new ProfileModel(centroids.Select((c, i) => new ReturneeProfile("", "", c, [])).ToArray(), [], 0, 0);
        var cluster = points.Select(p => model.Assign(p)).ToArray();
        var sizes = new int[centroids.Count];
        foreach (var c in cluster) sizes[c]++;
        var total = 0.0;
        var sums = new double[centroids.Count];
        for (var i = 0; i < points.Count; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < points.Count; j++)
                if (j != i) sums[cluster[j]] += Distance(points[i], points[j]);
            if (sizes[cluster[i]] < 2) continue;
            var a = sums[cluster[i]] / (sizes[cluster[i]] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < centroids.Count; c++)
                if (c != cluster[i] && sizes[c] > 0) b = Math.Min(b, sums[c] / sizes[c]);
            if (double.IsPositiveInfinity(b)) continue;
            var denominator = Math.Max(a, b);
            total += denominator > 0 ? (b - a) / denominator : 0;
        }
        return total / points.Count;
    }

    private static double Distance(float[] x, float[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = (double)x[i] - y[i];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }
}
