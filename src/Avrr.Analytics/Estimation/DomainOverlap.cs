namespace Avrr.Analytics.Estimation;

/// <summary>
/// Which surveys the two sides of a difference share (<see cref="DomainEstimator.Difference"/>). Without clusters
/// every survey is its own PSU, and the covariance of the two means comes from the surveys they share.
/// </summary>
public enum DomainOverlap
{
    /// <summary>No survey is in both (two quarters of a country): the covariance has no within-survey term.</summary>
    Disjoint,

    /// <summary>The group lies within the reference (a country within all, a community within its country), same measure.</summary>
    Nested,

    /// <summary>One group, two measures (two dimensions of a country): needs the measures' cross-products (<c>crossMeasures</c>).</summary>
    SameSurveys,
}
