namespace Avrr.Analytics.Insights.Profiles;

/// <summary>
/// One profile: its id (<c>P1</c>, … in order of the centroid's mean score, highest first), a name from its
/// centroid in the run's language, its centroid (one coordinate per indicator) and the dimension scores of
/// the centroid.
/// </summary>
public sealed record ReturneeProfile(string Id, string Name, IReadOnlyList<float> Centroid, IReadOnlyList<double> Dimensions);
