using Avrr.Analytics.Insights.Learning;

namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// What goes with an outcome when interactions and non-linear patterns are allowed (docs/insights.md,
/// "The tree model"): gradient-boosted trees of the outcome on the attributes (one-hot coded), trained on a
/// seeded 80% of the surveys, and the permutation importance of each attribute on the other 20%: the fall
/// of R² when the attribute's raw values are shuffled among the held-out surveys (all its levels at once, so
/// that an attribute with many levels is not split into small parts), repeated with seeded shuffles.
/// </summary>
public static class TreeImportance
{
    public const int DefaultRepeats = 5;

    /// <summary>Below this many surveys with the outcome, no tree model is trained.</summary>
    public const int MinimumRows = 100;

    /// <summary>
    /// The tree model of <paramref name="outcome"/> (one value per survey, none missing) on the terms, given per
    /// survey as its level number in each term; null with fewer than <see cref="MinimumRows"/> surveys.
    /// </summary>
    public static TreeDrivers? Estimate(IReadOnlyList<FactorTerm> terms, IReadOnlyList<int[]> levels, IReadOnlyList<double> outcome,
        IMachineLearning learning, int seed, int repeats = DefaultRepeats)
    {
        if (levels.Count < MinimumRows || terms.Count == 0) return null;
        var random = new Random(seed);
        var order = Enumerable.Range(0, levels.Count).Select(i => (i, key: random.NextDouble())).OrderBy(x => x.key).Select(x => x.i).ToArray();
        var holdoutCount = levels.Count / 5;
        var holdout = order.Take(holdoutCount).ToArray();
        var train = order.Skip(holdoutCount).ToArray();
        var width = terms.Sum(t => t.Levels.Count);
        float[] Encode(int[] row)
        {
            var x = new float[width];
            var at = 0;
            for (var t = 0; t < terms.Count; t++)
            {
                x[at + row[t]] = 1;
                at += terms[t].Levels.Count;
            }
            return x;
        }
        var model = learning.BoostedTrees(train.Select(i => Encode(levels[i])).ToArray(), train.Select(i => (float)outcome[i]).ToArray(), seed);
        var y = holdout.Select(i => outcome[i]).ToArray();
        var rows = holdout.Select(i => levels[i]).ToArray();
        var baseline = RSquared(y, model.Predict(rows.Select(Encode).ToArray()));
        var importance = new List<FeatureImportance>();
        for (var t = 0; t < terms.Count; t++)
        {
            var drops = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                var shuffled = rows.Select(row => (int[])row.Clone()).ToArray();
                var values = rows.Select(row => row[t]).ToArray();
                random.Shuffle(values);
                for (var i = 0; i < shuffled.Length; i++) shuffled[i][t] = values[i];
                drops[r] = baseline - RSquared(y, model.Predict(shuffled.Select(Encode).ToArray()));
            }
            var mean = drops.Average();
            var sd = repeats > 1 ? Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / (repeats - 1)) : double.NaN;
            importance.Add(new FeatureImportance(terms[t].Name, mean, sd, repeats));
        }
        return new TreeDrivers(train.Length, holdout.Length, baseline,
            importance.OrderByDescending(i => i.Mean).ThenBy(i => i.Feature, StringComparer.Ordinal).ToArray());
    }

    /// <summary>1 − Σ(y − ŷ)² / Σ(y − ȳ)².</summary>
    private static double RSquared(IReadOnlyList<double> y, IReadOnlyList<float> predicted)
    {
        var mean = y.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < y.Count; i++)
        {
            residual += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        return total > 0 ? 1 - residual / total : double.NaN;
    }
}
