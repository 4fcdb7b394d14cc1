namespace Avrr.Analytics.Insights.Profiles;

/// <summary>
/// Lloyd's k-means with k-means++ starts (Arthur and Vassilvitskii 2007), the best of several seeded starts
/// (the lowest within-cluster sum of squares, as R's <c>kmeans(x, k, nstart)</c> keeps, with Hartigan–Wong's
/// steps there): the profiles' centroids, and the gap statistic's many small fits. One start of k-means++ can
/// stop in a poor local optimum (it merged two planted profiles and split another in 5 of 24 planted data sets
/// where R's kmeans with 25 starts recovers them); the best of several rarely does.
/// </summary>
public static class SmallKMeans
{
    public const int MaxIterations = 100;

    /// <summary>The best of <paramref name="starts"/> fits: its centroids and within-cluster sum of squares.</summary>
    public static (double[][] Centroids, double Within) Fit(IReadOnlyList<double[]> points, int k, int starts, Random random)
    {
        if (k == 1)
        {
            var mean = new double[points[0].Length];
            foreach (var p in points) for (var j = 0; j < mean.Length; j++) mean[j] += p[j];
            for (var j = 0; j < mean.Length; j++) mean[j] /= points.Count;
            return ([mean], points.Sum(p => Squared(p, mean)));
        }
        (double[][] Centroids, double Within) best = ([], double.PositiveInfinity);
        for (var start = 0; start < starts; start++)
        {
            var fit = Lloyd(points, PlusPlus(points, k, random));
            if (fit.Within < best.Within) best = fit;
        }
        return best;
    }

    private static (double[][] Centroids, double Within) Lloyd(IReadOnlyList<double[]> points, double[][] centroids)
    {
        int n = points.Count, k = centroids.Length, width = points[0].Length;
        var cluster = new int[n];
        Array.Fill(cluster, -1);
        var sums = new double[k, width];
        var sizes = new int[k];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var nearest = Nearest(points[i], centroids).Index;
                if (nearest != cluster[i]) (cluster[i], changed) = (nearest, true);
            }
            if (!changed) break;
            Array.Clear(sums);
            Array.Clear(sizes);
            for (var i = 0; i < n; i++)
            {
                sizes[cluster[i]]++;
                for (var j = 0; j < width; j++) sums[cluster[i], j] += points[i][j];
            }
            // An emptied cluster keeps its centroid (it takes no point, and adds nothing to W).
            for (var c = 0; c < k; c++)
                if (sizes[c] > 0)
                    for (var j = 0; j < width; j++) centroids[c][j] = sums[c, j] / sizes[c];
        }
        var within = 0.0;
        for (var i = 0; i < n; i++) within += Nearest(points[i], centroids).Distance;
        return (centroids, within);
    }

    /// <summary>k-means++: the first centre a random point, each next one a point drawn with chance proportional to its squared distance to the nearest centre so far.</summary>
    private static double[][] PlusPlus(IReadOnlyList<double[]> points, int k, Random random)
    {
        var centroids = new List<double[]> { (double[])points[random.Next(points.Count)].Clone() };
        var distance = points.Select(p => Squared(p, centroids[0])).ToArray();
        while (centroids.Count < k)
        {
            var total = distance.Sum();
            var next = 0;
            if (total > 0)
            {
                var target = random.NextDouble() * total;
                for (var acc = 0.0; next < points.Count - 1 && (acc += distance[next]) < target; next++) { }
            }
            centroids.Add((double[])points[next].Clone());
            for (var i = 0; i < points.Count; i++) distance[i] = Math.Min(distance[i], Squared(points[i], centroids[^1]));
        }
        return [.. centroids];
    }

    private static (int Index, double Distance) Nearest(double[] point, double[][] centroids)
    {
        var best = (Index: 0, Distance: double.PositiveInfinity);
        for (var c = 0; c < centroids.Length; c++)
        {
            var d = Squared(point, centroids[c]);
            if (d < best.Distance) best = (c, d);
        }
        return best;
    }

    internal static double Squared(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            var d = x[j] - y[j];
            sum += d * d;
        }
        return sum;
    }
}
