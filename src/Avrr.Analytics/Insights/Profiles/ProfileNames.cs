namespace Avrr.Analytics.Insights.Profiles;

/// <summary>
/// A profile's name from its centroid (docs/insights.md): each dimension whose centroid score is at least
/// half a standard deviation (of the training surveys' scores of that dimension) below or above the
/// training surveys' mean is named low or high, in scheme order: "low economic, high social" in English,
/// "économique faible, social élevé" in French. A profile near the mean everywhere is "average in every
/// dimension". Two profiles with the same name are told apart by a number: "low economic (2)".
/// Languages other than English and French get the English words with the scheme's labels.
/// </summary>
public static class ProfileNames
{
    /// <summary>How far from the mean, in standard deviations, a dimension counts as low or high.</summary>
    public const double Threshold = 0.5;

    public static string[] Name(IReadOnlyList<IReadOnlyList<double>> centroids, IReadOnlyList<double> means, IReadOnlyList<double> deviations,
        IReadOnlyList<string> dimensionLabels, string language)
    {
        var french = language == "fr";
        var names = centroids.Select(centroid =>
        {
            var parts = new List<string>();
            for (var d = 0; d < centroid.Count; d++)
            {
                var z = deviations[d] > 0 ? (centroid[d] - means[d]) / deviations[d] : 0;
                if (Math.Abs(z) < Threshold) continue;
                var label = Lower(dimensionLabels[d]);
                parts.Add(french ? $"{label} {(z < 0 ? "faible" : "élevé")}" : $"{(z < 0 ? "low" : "high")} {label}");
            }
            return parts.Count > 0 ? string.Join(", ", parts) : french ? "moyen dans chaque dimension" : "average in every dimension";
        }).ToArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        for (var p = 0; p < names.Length; p++)
        {
            if (!repeated.Contains(names[p])) continue;
            var n = seen[names[p]] = seen.GetValueOrDefault(names[p]) + 1;
            names[p] = $"{names[p]} ({n})";
        }
        return names;
    }

    private static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];
}
