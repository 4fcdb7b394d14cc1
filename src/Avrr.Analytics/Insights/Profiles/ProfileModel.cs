namespace Avrr.Analytics.Insights.Profiles;

/// <summary>
/// The profiles a run found (one when the points hold no distinct profiles), and the choice of their number:
/// the gap statistic of each k tried (docs/insights.md). <see cref="Assign"/> gives a point its nearest centroid (squared Euclidean distance,
/// the lower profile number on a tie), which is what k-means itself does.
/// </summary>
public sealed class ProfileModel(IReadOnlyList<ReturneeProfile> profiles, IReadOnlyList<GapStatistic.Point> selection, int trainingSurveys, int gapSurveys)
{
    public IReadOnlyList<ReturneeProfile> Profiles { get; } = profiles;

    /// <summary>Each k tried, with its gap and the gap's standard error; <see cref="Profiles"/> has the chosen number.</summary>
    public IReadOnlyList<GapStatistic.Point> Selection { get; } = selection;

    /// <summary>Whether the points hold no distinct profiles: the gap statistic chose k = 1.</summary>
    public bool Distinct => Profiles.Count > 1;

    /// <summary>The surveys k-means was trained on.</summary>
    public int TrainingSurveys { get; } = trainingSurveys;

    /// <summary>The surveys the gap statistic was computed on (a seeded subsample of the training surveys).</summary>
    public int GapSurveys { get; } = gapSurveys;

    public int Assign(ReadOnlySpan<float> point)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var p = 0; p < Profiles.Count; p++)
        {
            var centroid = Profiles[p].Centroid;
            var distance = 0.0;
            for (var i = 0; i < point.Length; i++)
            {
                var d = (double)point[i] - centroid[i];
                distance += d * d;
            }
            if (distance < bestDistance) (best, bestDistance) = (p, distance);
        }
        return best;
    }
}
