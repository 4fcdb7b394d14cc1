using Avrr.Analytics.Collections;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// The estimates: each scored survey is added once, to the cell of its grouping values, with its stratum
/// and PSU in the survey design; the surveys of panel returnees are kept by returnee for the panel change.
/// As soon as the last batch is in, every level's groups are merged from the cells, the comparisons between
/// groups made and the panel pairs estimated, on this stage's thread while the writers finish, and
/// <see cref="RunContext.Estimates"/> is published.
/// State per cell, stratum and PSU only: nothing keeps the rows.
/// </summary>
internal sealed class EstimationStage : RunStage, IBatchConsumer
{
    private readonly RunPlan _plan;
    private readonly Action<RunEstimates> _publish;
    private readonly Action<EstimationSums>? _publishSums;
    private readonly bool _everySurveyToPanel;
    private readonly SurveyLayout _layout;
    private readonly RowSet _panelRows;
    private readonly CellIndex _cells;
    private readonly SurveyDesign _design;
    private readonly DomainEstimator _estimator;
    private readonly SpillBuckets _panelBuckets;
    private readonly PanelPairing _panel;
    private readonly SpillBuckets? _surveyKeys;
    private readonly Partials.SurveyKeyHash? _keyHash;
    private readonly byte[] _key = new byte[Partials.SurveyKeyHash.Bytes];
    private readonly Utf8Table _strata = new(), _clusters = new();
    private readonly double[] _measures;
    private readonly CalibrationStage? _calibration;
    private long _scored;

    /// <param name="plan">The run's plan: levels, measures, design columns.</param>
    /// <param name="panelRows">The rows of returnees with two or more surveys (pass 1).</param>
    /// <param name="spillFolder">Where the panel surveys may be spilled.</param>
    /// <param name="publish">Called with the estimates once they are made (the run keeps them in <see cref="RunContext.Estimates"/>).</param>
    /// <param name="publishSums">Called with the cells' sums for a partial (docs/partials.md), when the run writes one.</param>
    /// <param name="rows">The rows of the run (pass 1), for the spill buckets when every survey goes to the panel.</param>
    /// <param name="calibration">The calibration stage of a calibrated run: each survey's calibration cell, for the residuals of the standard errors.</param>
    public EstimationStage(RunPlan plan, RowSet panelRows, string spillFolder, Action<RunEstimates> publish,
        Action<EstimationSums>? publishSums = null, long rows = 0, CalibrationStage? calibration = null)
    {
        _calibration = calibration;
        _plan = plan;
        _publish = publish;
        _publishSums = publishSums;
        // A partial with returnee summaries keeps every returnee, also those with one survey here: their other survey may be in another partial.
        _everySurveyToPanel = publishSums is not null && plan.Settings.PartialPanel == PartialPanel.Returnees;
        _layout = plan.Layout;
        _panelRows = panelRows;
        _cells = new CellIndex(plan.Levels, _layout);
        _design = new SurveyDesign(_layout.ClusterColumn >= 0, _layout.StrataColumn >= 0);
        // Measures: the composite, then the dimensions; their cross-products per stratum give the weakest-dimension comparisons.
        _estimator = plan.Estimation.NewEstimator(_design, calibration?.Calibration);
        _panelBuckets = new SpillBuckets(spillFolder, "panel", _everySurveyToPanel ? rows : panelRows.Count);
        _panel = new PanelPairing(_panelBuckets, plan.Measures.Count);
        if (_everySurveyToPanel)
        {
            // Each scored survey's salted key, so that the merge finds a survey two partials both hold.
            _surveyKeys = new SpillBuckets(spillFolder, "survey-keys", rows);
            _keyHash = new Partials.SurveyKeyHash(plan.Settings.PartialSalt!);
        }
        _measures = new double[plan.Measures.Count];
    }

    public override string Name => "estimation";

    public override IBatchConsumer Consumer => this;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Consume(ScoredBatch scored)
    {
        var batch = scored.Batch;
        var indicators = batch.IndicatorCount;
        var dimensions = batch.DimensionCount;
        var calibrationCells = _calibration?.CellsOf(scored);
        for (var row = 0; row < batch.Count; row++)
        {
            if (!batch.IsScored(row)) continue;
            _scored++;
            // The measures in the estimator's order: composite, the dimensions, then the indicators when asked.
            var scores = batch.RowScores(row);
            _measures[0] = scores[^1];
            for (var d = 0; d < dimensions; d++) _measures[1 + d] = scores[indicators + d];
            for (var i = 0; i + 1 + dimensions < _measures.Length; i++) _measures[1 + dimensions + i] = scores[i];

            var stratum = _layout.StrataColumn < 0 ? 0 : Number(_strata, CellIndex.GroupValue(batch, row, _layout.StrataColumn));
            var cluster = _layout.ClusterColumn < 0 ? 0 : Number(_clusters, CellIndex.GroupValue(batch, row, _layout.ClusterColumn));
            var psu = _design.AddSurvey(stratum, cluster);
            var cell = _cells.CellOf(batch, row);
            var weight = batch.Weight[row];
            _estimator.Add([cell], stratum, psu, weight, _measures, calibrationCells is null ? -1 : calibrationCells[row]);
            if (_everySurveyToPanel || _panelRows.Contains(batch.Sequence[row]))
                _panel.Add(batch.TrimmedField(row, SurveyLayout.ReturneeId), batch.SurveyDate[row], batch.Sequence[row], weight, stratum, cluster, _measures, cell);
            if (_surveyKeys is not null)
            {
                _keyHash!.Of(batch.TrimmedField(row, SurveyLayout.ReturneeId), batch.TrimmedField(row, SurveyLayout.Round), batch.SurveyDate[row], _key);
                _surveyKeys.Append(KeyBucket(_surveyKeys, _key), _key);
            }
        }
    }

    /// <summary>The bucket of a key by its first bits (buckets are a power of two): buckets in order hold the keys in order.</summary>
    internal static int KeyBucket(SpillBuckets buckets, ReadOnlySpan<byte> key) =>
        (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key) >> (64 - System.Numerics.BitOperations.Log2((uint)buckets.Count)));

    private static int Number(Utf8Table table, ReadOnlySpan<byte> value)
    {
        if (table.TryGet(value, out var id)) return id;
        table.TryAdd(value, table.Count);
        return table.Count - 1;
    }

    public void Complete()
    {
        var plan = _plan;
        StageClock.Memo("pass 2 batches");
        var (panelCells, returnees) = StageClock.Measure("panel change", () =>
            _panel.Estimate(_design.Clustered, _design.Stratified, plan.Scheme.Options.Bands, plan.Settings.Ci, plan.Settings.Df));
        // A returnee with one survey has it outside the panel surveys; the panel's own count has every returnee among those once.
        var allReturnees = _scored - _panel.Surveys + _panel.Returnees;
        _publish(EstimatesOfCells.Make(plan.Estimation, _cells, _estimator, panelCells, returnees, allReturnees));
        _publishSums?.Invoke(new EstimationSums(_cells, _design, _estimator, _strata, _clusters, returnees == 0 ? null : panelCells, _panel, returnees, allReturnees)
        {
            SurveyKeys = _surveyKeys,
        });
    }

    public override void Dispose()
    {
        _panelBuckets.Dispose();
        _surveyKeys?.Dispose();
    }
}
