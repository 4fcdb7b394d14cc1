using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Insights;

/// <summary>
/// The mix of profiles per country and community (docs/insights.md): for each profile, the weighted share
/// of the surveys with a profile that have it, estimated as the mean of a 0/1 measure by the domain
/// estimator (design-based SE, the run's 95% interval: t with the design's df, or normal with --ci normal) at the
/// levels all, country and country+community, and suppressed
/// like the aggregates (n &lt; min-cell withholds every statistic but n_rows). Also counts each profile's surveys.
/// </summary>
internal sealed class ProfileMix
{
    private readonly CellIndex _cells;
    private readonly DomainEstimator _estimator;
    private readonly double[] _values;

    public ProfileMix(SurveyLayout layout, SurveyDesign design, int profiles, Vocabulary.BandCuts bands, IntervalMethod intervals, DegreesOfFreedomRule degreesOfFreedom)
    {
        _cells = new CellIndex(RunPlan.DefaultLevels, layout);
        _estimator = new DomainEstimator(design, profiles, bands, distributions: false, intervals: intervals, degreesOfFreedom: degreesOfFreedom);
        _values = new double[profiles];
        Surveys = new long[profiles];
    }

    /// <summary>The scored surveys of each profile.</summary>
    public long[] Surveys { get; }

    public void Add(SurveyBatch batch, int row, int stratum, int psu, double weight, int profile)
    {
        for (var p = 0; p < _values.Length; p++) _values[p] = profile < 0 ? double.NaN : p == profile ? 1 : 0;
        if (profile >= 0) Surveys[profile]++;
        _estimator.Add(_cells.CellOf(batch, row), stratum, psu, weight, _values);
    }

    public (IReadOnlyList<string> Variables, List<EstimateRow> Rows) Rows(IReadOnlyList<string> profileIds, int minCell)
    {
        var tables = new LevelEstimates(_cells, [0, 1, 2], profileIds);
        return (tables.Variables, tables.Rows(_estimator, minCell, onlyGroupsWithSurveys: false));
    }
}
