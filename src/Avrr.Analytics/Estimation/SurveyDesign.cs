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
            _psusInStratum[stratum]++;
            return -1;
        }
        if (_psuIds.TryGetValue((stratum, cluster), out var psu)) return psu;
        psu = _stratumOfPsu.Count;
        _psuIds.Add((stratum, cluster), psu);
        _stratumOfPsu.Add(stratum);
        _psusInStratum[stratum]++;
        return psu;
    }

    /// <summary>The number of PSUs of a stratum in the whole sample (n_h).</summary>
    public int PsuCount(int stratum) => stratum < _psusInStratum.Count ? _psusInStratum[stratum] : 0;

    public int StratumCount => _psusInStratum.Count;

    internal int StratumOfPsu(int psu) => _stratumOfPsu[psu];
}
