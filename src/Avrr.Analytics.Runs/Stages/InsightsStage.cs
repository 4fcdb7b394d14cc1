using Avrr.Analytics.Collections;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Insights.Drivers;
using Avrr.Analytics.Insights.Learning;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Insights;
using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// The insights (docs/insights.md) from the models trained before pass 2 (<see cref="InsightsModels"/>):
/// <list type="bullet">
/// <item>worker step: the risk of each survey of a returnee with only one survey, its factors, and its line of insights/risk.csv;</item>
/// <item>consumer: every scored survey into the profile mix (its profile, from <see cref="ProfileStage"/>) and the
/// drivers' spill, the risk lines appended in input order and tallied per country; at completion, on this
/// stage's thread while the other consumers finish, the linear models, the tree model and every table;</item>
/// <item>finish: the tables written into insights/ in the run's formats, and the summary published for the manifest.</item>
/// </list>
/// </summary>
internal sealed class InsightsStage : RunStage, IBatchConsumer
{
    public const string Folder = "insights/", RiskFile = Folder + "risk.csv";

    private readonly RunContext _run;
    private readonly InsightsModels _models;
    private readonly ProfileStage _profiles;
    private readonly RowSet _panelRows;
    private readonly IMachineLearning _learning;
    private readonly SurveyDesign _design;
    private readonly Utf8Table _strata = new(), _clusters = new();
    private readonly ProfileMix? _mix;
    private readonly DriverData _drivers;
    private readonly RiskCsvWriter? _risk;
    private readonly RiskTally _tally = new();
    private readonly double[] _outcomes;
    private InsightTables? _tables;
    private bool _finished;

    public InsightsStage(RunContext run, InsightsModels models, ProfileStage profiles, RowSet panelRows, long rows, IMachineLearning learning)
    {
        _run = run;
        _models = models;
        _profiles = profiles;
        _panelRows = panelRows;
        _learning = learning;
        var plan = run.Plan;
        _design = new SurveyDesign(plan.Layout.ClusterColumn >= 0, plan.Layout.StrataColumn >= 0);
        if (models.Profiles is { } model) _mix = new ProfileMix(plan.Layout, _design, model.Profiles.Count, plan.Scheme.Options.Bands, plan.Settings.Ci, plan.Settings.Df);
        _outcomes = new double[1 + plan.Scheme.Dimensions.Count];
        _drivers = new DriverData(models.TermCandidates, _outcomes.Length, _design.Clustered, run.SpillFolder, rows);
        if (models.EarlyWarning.Model is not null) _risk = new RiskCsvWriter(run.PathOf(RiskFile));
    }

    public override string Name => "insights";

    public override IWorkerStep? NewWorkerStep() => _models.EarlyWarning.Model is null ? null : new Scoring(this);

    public override IBatchConsumer Consumer => this;

    /// <summary>What the worker step prepares for a batch: each row's risk (NaN for none), whether flagged, and the risk.csv lines.</summary>
    private sealed class RiskLines
    {
        public readonly MemoryStream Lines = new();
        public double[] Risk = [];
        public bool[] Flagged = [];
        /// <summary>Returnees whose only survey is not of the baseline round: given no risk, counted.</summary>
        public int FollowUpOnly;
    }

    private sealed class Scoring(InsightsStage stage) : IWorkerStep
    {
        private readonly BaselineFeatures _features = stage._models.RiskFeatures;
        private readonly Analytics.Insights.EarlyWarning.RiskModel _model = stage._models.EarlyWarning.Model!;
        private readonly RiskCsvWriter.Formatter _formatter = new(stage._models.RiskFeatures.Indicators);
        private readonly float[] _x = new float[stage._models.RiskFeatures.Count];
        private readonly double[] _contributions = new double[stage._models.RiskFeatures.Indicators.Count];
        private readonly int[] _factors = new int[3];
        private readonly byte[] _quarter = new byte[Vocabulary.Quarter.TextLength];
        private readonly byte[]? _baselineRound = stage._models.BaselineRound is { } round ? System.Text.Encoding.UTF8.GetBytes(round) : null;

        public void Run(ScoredBatch scored)
        {
            var batch = scored.Batch;
            var prepared = scored.Prepared<RiskLines>(stage);
            if (prepared.Risk.Length < batch.Capacity) (prepared.Risk, prepared.Flagged) = (new double[batch.Capacity], new bool[batch.Capacity]);
            _formatter.Clear();
            prepared.FollowUpOnly = 0;
            for (var row = 0; row < batch.Count; row++)
            {
                prepared.Risk[row] = double.NaN;
                // A returnee with one survey: pass 1 found no other survey of theirs.
                if (!batch.IsScored(row) || stage._panelRows.Contains(batch.Sequence[row])) continue;
                // ... and that survey a baseline: a returnee whose only survey is a follow-up gets no risk.
                if (!InsightsTraining.IsBaseline(batch.TrimmedField(row, SurveyLayout.Round), _baselineRound)) { prepared.FollowUpOnly++; continue; }
                _features.Fill(batch, row, _x, _quarter);
                var risk = _model.Score(_x, _contributions, _factors);
                var composite = batch.Composite(row);
                var flagged = _model.Flags(risk, composite);
                (prepared.Risk[row], prepared.Flagged[row]) = (risk, flagged);
                _formatter.Add(batch, row, risk, composite, _factors, flagged);
            }
            _formatter.WriteTo(prepared.Lines);
        }
    }

    public void Consume(ScoredBatch scored)
    {
        var batch = scored.Batch;
        var layout = batch.Layout;
        var profiles = _profiles.ProfilesOf(scored);
        var risk = _risk is null ? null : scored.Prepared<RiskLines>(this);
        for (var row = 0; row < batch.Count; row++)
        {
            if (!batch.IsScored(row)) continue;
            var stratum = layout.StrataColumn < 0 ? 0 : Number(_strata, Grouping.CellIndex.GroupValue(batch, row, layout.StrataColumn));
            var cluster = layout.ClusterColumn < 0 ? 0 : Number(_clusters, Grouping.CellIndex.GroupValue(batch, row, layout.ClusterColumn));
            var psu = _design.AddSurvey(stratum, cluster);
            var weight = batch.Weight[row];
            _mix?.Add(batch, row, stratum, psu, weight, profiles[row]);
            var scores = batch.RowScores(row);
            _outcomes[0] = scores[^1];
            for (var d = 1; d < _outcomes.Length; d++) _outcomes[d] = scores[batch.IndicatorCount + d - 1];
            // Without clusters every survey is its own PSU.
            _drivers.Add(batch, row, stratum, layout.ClusterColumn < 0 ? batch.Sequence[row] : cluster, weight, _outcomes);
            if (risk is not null && !double.IsNaN(risk.Risk[row])) _tally.Add(batch.TrimmedField(row, SurveyLayout.Country), risk.Risk[row], risk.Flagged[row]);
        }
        if (risk is not null)
        {
            _risk!.Append(risk.Lines);
            _tally.FollowUpOnly += risk.FollowUpOnly;
        }
    }

    private static int Number(Utf8Table table, ReadOnlySpan<byte> value)
    {
        if (table.TryGet(value, out var id)) return id;
        table.TryAdd(value, table.Count);
        return table.Count - 1;
    }

    public void Complete()
    {
        var plan = _run.Plan;
        var terms = _drivers.Settle(_models.TermsNamed);
        var fits = StageClock.Measure("insights: linear models", () => _drivers.Fit(terms, _design));
        var trees = StageClock.Measure("insights: tree model", () => Trees(terms));
        _tables = new InsightTables(plan, _models, _mix, fits, terms, trees, _tally);
    }

    /// <summary>The tree model of the composite on the kept terms, over the training sample's surveys; null when it cannot run.</summary>
    private (TreeDrivers? Result, string? Note) Trees(DriverData.Terms terms)
    {
        if (terms.Kept.Count == 0) return (null, "no attribute to model");
        var levels = new List<int[]>();
        var composite = new List<double>();
        foreach (var batch in _models.Sample.Batches)
            for (var row = 0; row < batch.Count; row++)
            {
                var rowLevels = new int[terms.Kept.Count];
                if (!batch.IsScored(row) || double.IsNaN(batch.Composite(row)) || !_drivers.TryLevels(terms, batch, row, rowLevels)) continue;
                levels.Add(rowLevels);
                composite.Add(batch.Composite(row));
            }
        try
        {
            var result = TreeImportance.Estimate(terms.Kept, levels, composite, _learning, _run.Plan.Settings.InsightsSeed);
            var minCell = _run.Plan.Settings.MinCell;
            var surveys = levels.Count is > 0 && levels.Count < minCell ? $"fewer than {minCell}" : levels.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (result, result is null ? $"{surveys} surveys of the sample have a composite and every attribute; at least {TreeImportance.MinimumRows} are needed" : null);
        }
        catch (DllNotFoundException)
        {
            // FastTree's native library ships for x64 Linux and macOS and for Windows only (docs/insights.md).
            return (null, "the tree model (ML.NET FastTree) is not available on this platform");
        }
    }

    public override void Finish()
    {
        _finished = true;
        _risk?.Dispose();
        var formats = _run.Plan.Settings.Formats;
        foreach (var (name, table) in _tables!.All())
            foreach (var format in new[] { OutputFormats.Csv, OutputFormats.Parquet }.Where(f => formats.HasFlag(f)))
            {
                var file = Folder + name + (format == OutputFormats.Csv ? ".csv" : ".parquet");
                table.Write(_run.PathOf(file), format);
                _run.Wrote(file);
            }
        if (_risk is not null) _run.Wrote(RiskFile);
        _run.Insights = _tables.Summary;
    }

    public override void Dispose()
    {
        _drivers.Dispose();
        if (_finished) return;
        _finished = true;
        try { _risk?.Dispose(); } catch (IOException) { } catch (ObjectDisposedException) { }
    }
}
