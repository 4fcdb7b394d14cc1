namespace Avrr.Analytics.Estimation;

/// <summary>
/// How the sample was drawn, as R's <c>svydesign</c> describes it: sampling weights, and optionally
/// clusters (primary sampling units) and strata. Built once over every accepted survey, before and
/// apart from any estimator, because a domain's standard error depends on the whole sample's PSUs.
/// <para>
/// Rows name their stratum and cluster by small integers (the runner numbers the values it meets).
/// Clusters are nested in strata: the same cluster value in two strata is two PSUs (R: <c>nest = TRUE</c>).
/// Without clusters every survey is its own PSU (R: <c>ids = ~1</c>).
/// </para>
/// </summary>
public sealed class SurveyDesign
{
    public bool Clustered { get; }
    public bool Stratified { get; }

    private readonly List<int> _psusInStratum = [];
    private readonly Dictionary<(int Stratum, int Cluster), int> _psuIds = [];
    private readonly List<int> _stratumOfPsu = [];
    private long _psus, _strataWithPsus;

    public SurveyDesign(bool clustered, bool stratified)
    {
        Clustered = clustered;
        Stratified = stratified;
    }

    /// <summary>R's <c>svydesign(ids = ~1, weights = ~w)</c>.</summary>
    public static SurveyDesign WeightsOnly() => new(false, false);

    /// <summary>
    /// Adds one survey of the sample and returns the id of its PSU (for <see cref="DomainEstimator"/>).
    /// <paramref name="stratum"/> is 0 without strata; <paramref name="cluster"/> is ignored without clusters.
    /// </summary>
    public int AddSurvey(int stratum, int cluster)
    {
        if (!Stratified) stratum = 0;
        while (_psusInStratum.Count <= stratum) _psusInStratum.Add(0);
        if (!Clustered)
        {
            NewPsu(stratum);
            return -1;
        }
        if (_psuIds.TryGetValue((stratum, cluster), out var psu)) return psu;
        psu = _stratumOfPsu.Count;
        _psuIds.Add((stratum, cluster), psu);
        _stratumOfPsu.Add(stratum);
        NewPsu(stratum);
        return psu;
    }

    private void NewPsu(int stratum)
    {
        if (_psusInStratum[stratum]++ == 0) _strataWithPsus++;
        _psus++;
    }

    /// <summary>
    /// Without clusters: adds <paramref name="count"/> surveys of a stratum at once (each its own PSU), as
    /// <paramref name="count"/> calls of <see cref="AddSurvey"/> would: a partial's surveys (docs/partials.md).
    /// </summary>
    public void AddSurveys(int stratum, long count)
    {
        if (Clustered) throw new InvalidOperationException("With clusters, PSUs are added by their cluster.");
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A stratum has no negative number of surveys.");
        if (count == 0) return;
        if (!Stratified) stratum = 0;
        while (_psusInStratum.Count <= stratum) _psusInStratum.Add(0);
        if (_psusInStratum[stratum] == 0) _strataWithPsus++;
        _psusInStratum[stratum] = checked(_psusInStratum[stratum] + (int)count);
        _psus += count;
    }

    /// <summary>With clusters: the PSU of a stratum's cluster, or -1 when no survey of it was added.</summary>
    public int PsuOf(int stratum, int cluster)
    {
        if (!Stratified) stratum = 0;
        return _psuIds.TryGetValue((stratum, cluster), out var psu) ? psu : -1;
    }

    /// <summary>With clusters: every PSU of the sample with its stratum and cluster number, in PSU order.</summary>
    public IEnumerable<(int Psu, int Stratum, int Cluster)> Psus()
    {
        var psus = new (int, int, int)[_stratumOfPsu.Count];
        foreach (var ((stratum, cluster), psu) in _psuIds) psus[psu] = (psu, stratum, cluster);
        return psus;
    }

    /// <summary>The number of PSUs of a stratum in the whole sample (n_h).</summary>
    public int PsuCount(int stratum) => stratum < _psusInStratum.Count ? _psusInStratum[stratum] : 0;

    public int StratumCount => _psusInStratum.Count;

    /// <summary>The PSUs of the whole sample: surveys without clusters, (stratum, cluster) pairs with them.</summary>
    public long PsuTotal => _psus;

    /// <summary>
    /// The design's degrees of freedom, PSUs − strata (the strata that have a PSU; one without strata): R's
    /// <c>degf(design)</c>, which <c>confint(svyby(...), df = degf(design))</c> uses for t intervals
    /// (docs/methodology.md, "Confidence intervals").
    /// </summary>
    public long DegreesOfFreedom => _psus - _strataWithPsus;

    internal int StratumOfPsu(int psu) => _stratumOfPsu[psu];
}
