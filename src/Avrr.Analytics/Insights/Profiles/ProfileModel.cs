namespace Avrr.Analytics.Insights.Profiles;

/// <summary>
/// The profiles a run found, and the choice of their number: the mean silhouette of each k tried
/// (docs/insights.md). <see cref="Assign"/> gives a point its nearest centroid (squared Euclidean distance,
/// the lower profile number on a tie), which is what k-means itself does.
/// </summary>
public sealed class ProfileModel(IReadOnlyList<ReturneeProfile> profiles, IReadOnlyList<(int K, double Silhouette)> selection, int trainingSurveys, int silhouetteSurveys)
{
    public IReadOnlyList<ReturneeProfile> Profiles { get; } = profiles;

    /// <summary>Each k tried, with the mean silhouette of its clustering; the largest was chosen.</summary>
    public IReadOnlyList<(int K, double Silhouette)> Selection { get; } = selection;

    /// <summary>The surveys k-means was trained on.</summary>
    public int TrainingSurveys { get; } = trainingSurveys;

    /// <summary>The surveys the silhouettes were computed on (a seeded subsample of the training surveys).</summary>
    public int SilhouetteSurveys { get; } = silhouetteSurveys;

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
