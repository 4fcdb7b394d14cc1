namespace Avrr.Analytics.Estimation;

/// <summary>
/// Which degrees of freedom an estimate's t interval and test use (docs/methodology.md, "Degrees of freedom"): the
/// run's <c>--df</c>.
/// </summary>
public enum DegreesOfFreedomRule
{
    /// <summary>
    /// The estimate's own: the PSUs that contribute to it (with a survey of the group that has the measure; for a
    /// difference, of either side) minus the strata they lie in, at least 1 (Korn and Graubard 1999, section 5.2;
    /// the NCHS analytic guidelines). R: <c>degf(subset(design, in the group &amp; !is.na(m)))</c>. The default.
    /// </summary>
    Domain,

    /// <summary>The whole design's, PSUs − strata of every survey: R's <c>degf(design)</c>, what R and Stata use by default.</summary>
    Design,
}
