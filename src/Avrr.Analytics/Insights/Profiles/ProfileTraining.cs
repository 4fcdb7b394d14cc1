namespace Avrr.Analytics.Insights.Profiles;

/// <summary>
/// Finds the returnee profiles (docs/insights.md, "Returnee profiles"): the number of profiles k, from 1 to
/// <see cref="MaxK"/>, by the gap statistic (<see cref="GapStatistic"/>, Tibshirani, Walther and Hastie 2001)
/// on a seeded subsample of the points, where k = 1 says that the points hold no distinct profiles; then
/// k-means of every point with that k (<see cref="SmallKMeans"/>: the best of <see cref="Starts"/> seeded k-means++
/// starts; k = 1: the points' mean), the profiles
/// numbered by their centroid's mean score (highest first) and named from their dimension scores.
/// </summary>
public static class ProfileTraining
{
    public const int MaxK = 8;

    /// <summary>The k-means++ starts of the profiles' fit, the best kept (R's kmeans uses 1 by default; 25 is common).</summary>
    public const int Starts = 5;

    /// <summary>Fewer training surveys than this give no profiles: a clustering of a handful of surveys describes no one.</summary>
    public const int MinimumSurveys = 100;

    /// <summary>Surveys the gap statistic is computed on: its cost grows with this times the reference sets.</summary>
    public const int GapSurveys = 500;

    /// <summary>
    /// The profiles of the training points (given in an order that favours no part of the data, the seeded
    /// sample's), named in <paramref name="language"/>; null with fewer than <see cref="MinimumSurveys"/> points,
    /// or fewer than two distinct ones. k stops below the number of distinct points. Seeded: the gap's reference
    /// sets are fitted on up to <paramref name="threads"/> threads (0: one per core), each with its own seeded
    /// stream, so the result does not depend on it.
    /// </summary>
    public static ProfileModel? Train(IReadOnlyList<float[]> points, ProfileFeatures features, IReadOnlyList<string> dimensionLabels, string language, int seed,
        int threads = 0)
    {
        var distinct = points.Select(p => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(p.AsSpan()))).Distinct(StringComparer.Ordinal).Count();
        var maxK = Math.Min(MaxK, distinct - 1);
        if (points.Count < MinimumSurveys || maxK < 1) return null;
        var random = new Random(seed);
        var check = points.Count <= GapSurveys
            ? points.ToArray()
            : points.Select((p, i) => (p, key: random.NextDouble())).OrderBy(x => x.key).Take(GapSurveys).Select(x => x.p).ToArray();
        var (gaps, chosen) = GapStatistic.Of(check, maxK, seed, threads);
        var centroids = SmallKMeans.Fit(points.Select(p => p.Select(v => (double)v).ToArray()).ToArray(), chosen, Starts, new Random(seed))
            .Centroids.Select(c => c.Select(v => (float)v).ToArray()).ToArray();
        var ordered = centroids.OrderByDescending(c => c.Average(v => (double)v)).ToArray();
        var dimensions = ordered.Select(c => (IReadOnlyList<double>)features.DimensionsOf(c)).ToArray();
        var pointDimensions = points.Select(p => features.DimensionsOf(p)).ToArray();
        var means = Enumerable.Range(0, dimensionLabels.Count).Select(d => pointDimensions.Average(p => p[d])).ToArray();
        var deviations = Enumerable.Range(0, dimensionLabels.Count)
            .Select(d => Math.Sqrt(pointDimensions.Sum(p => (p[d] - means[d]) * (p[d] - means[d])) / Math.Max(1, points.Count - 1))).ToArray();
        var names = ProfileNames.Name(dimensions, means, deviations, dimensionLabels, language);
        var profiles = ordered.Select((c, i) => new ReturneeProfile($"P{i + 1}", names[i], c, dimensions[i])).ToArray();
        return new ProfileModel(profiles, gaps, points.Count, check.Length);
    }
}
