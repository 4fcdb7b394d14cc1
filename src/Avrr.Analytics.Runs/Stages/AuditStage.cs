using System.Globalization;
using Avrr.Analytics.Audit;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// audit/: the audit of the index (docs/audit.md). Each scoring worker prepares the batches it scored
/// and fills its indicator pair tables; the consumer adds the batches in input order (groups, indicator
/// values, complete-case sums, the kept surveys); once the last batch is in, the tables are computed and
/// the uncertainty analysis run in the background, while the other stages finish their batches and
/// their completions and finishes run (the estimates are merged then); the finish waits for it,
/// publishes <see cref="RunContext.Audit"/>, and writes the tables in the run's formats and the
/// data-derived weights as a scheme file.
/// </summary>
internal sealed class AuditStage : RunStage, IBatchConsumer
{
    public const string DerivedWeightsFile = "audit/derived-weights.json";

    private readonly RunContext _run;
    private readonly IndexAudit _audit;
    private Task<AuditResult>? _completing;

    /// <param name="run">The run.</param>
    /// <param name="expectedSurveys">At most the surveys pass 2 scores (pass 1's rows not dated outside the period): above the audit's limit a subsample of surveys is kept.</param>
    /// <param name="typicalWeight">A power of two near the run's weights (pass 1), from which the audit's weight scale is chosen.</param>
    public AuditStage(RunContext run, long expectedSurveys, double typicalWeight = 1)
    {
        _run = run;
        var settings = run.Plan.Settings;
        _audit = new IndexAudit(run.Plan.Layout, new AuditOptions
        {
            Level = settings.AuditLevel,
            MinCell = settings.MinCell,
            Samples = settings.AuditSamples,
            Seed = settings.AuditSeed,
            Threads = settings.ThreadsUsed,
            WeightScale = AuditOptions.ScaleOf(typicalWeight),
        }, expectedSurveys);
    }

    public override string Name => "audit";

    public override IWorkerStep NewWorkerStep() => new Preparing(this, _audit.NewWorker());

    public override IBatchConsumer Consumer => this;

    public void Consume(ScoredBatch batch) => _audit.Add(batch.Batch, batch.Prepared<AuditBatch>(this));

    public void Complete() => _completing = Task.Run(() => StageClock.Measure("audit completion", _audit.Complete));

    public override void Finish()
    {
        var audit = _run.Audit = WithRankConfidence(_completing!.GetAwaiter().GetResult());
        var formats = _run.Plan.Settings.Formats;
        foreach (var (name, table) in AuditTables.Of(audit))
            foreach (var format in new[] { OutputFormats.Csv, OutputFormats.Parquet }.Where(f => formats.HasFlag(f)))
            {
                var file = $"{AuditTables.Folder}/{name}.{(format == OutputFormats.Csv ? "csv" : "parquet")}";
                table.Write(_run.PathOf(file), format);
                _run.Wrote(file);
            }
        // A contrast left some group without derived weights: no scheme file then (docs/audit.md, "Weights").
        if (audit.DerivedWeights is { Complete: true } derived)
        {
            File.WriteAllBytes(_run.PathOf(DerivedWeightsFile), DerivedScheme(_run.Plan.Scheme, derived, audit));
            _run.Wrote(DerivedWeightsFile);
        }
    }

    /// <summary>
    /// The audit with the confidence sets of its ranks (docs/audit.md, "Ranks with sampling error"), from the estimation
    /// stage's design-based means and standard errors of the composite for the audit's level (which finished before).
    /// </summary>
    private AuditResult WithRankConfidence(AuditResult audit)
    {
        var estimates = _run.Estimates;
        var level = audit.Level;
        var columns = level.Variables.Select(v => estimates?.Variables.ToList().IndexOf(v) ?? -1).ToArray();
        var byGroup = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        if (estimates is not null && columns.All(c => c >= 0))
            foreach (var row in estimates.Aggregates.Where(r => r.Level == level.Name && r.Measure == "composite" && !r.Estimate.Suppressed))
                byGroup[Key(columns.Select(c => row.GroupValues[c] ?? "").ToArray())] = (row.Estimate.Mean, row.Estimate.StandardError);
        return RankSampling.With(audit, group => byGroup.TryGetValue(Key(group), out var e) ? e : null, unchecked(_run.Plan.Settings.AuditSeed + 3));
    }

    private static string Key(IReadOnlyList<string> values) => string.Join("\u001F", values);

    /// <summary>The scheme with the derived weights, and a note of how they were made.</summary>
    private static byte[] DerivedScheme(Scheme scheme, DerivedWeights derived, AuditResult audit)
    {
        var n = string.Join(", ", audit.Components.Where(c => c.Component == 1).Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Scope} {c.N} surveys, first component {c.Explained:P0} of the variance")));
        return SchemeWriter.ToJson(scheme, new SchemeWriter.Changes
        {
            Id = scheme.Id + "-derived",
            Name = scheme.Name + ", weights derived from the data",
            Description = $"Weights derived by avrr's audit from the data of one evaluation: {DerivedWeights.Method}. Structure, scales and options are those of {scheme.Id}.",
            Comment = $"Made by avrr {Output.Manifest.EngineVersion} from scheme {scheme.Id} (SHA-256 {scheme.Sha256}) on {audit.Note("surveys")} scored surveys. " +
                $"Complete cases: {n}. See audit/pca.csv and audit/weights.csv of the result, and docs/audit.md. Check the weights make sense before using them for an official index.",
            DimensionWeights = derived.DimensionWeights,
            IndicatorWeights = derived.IndicatorWeights,
            CompositeWeights = derived.CompositeWeights,
        });
    }

    /// <summary>A failed run does not wait for the audit; its result is discarded with the partial folder.</summary>
    public override void Dispose() => _completing?.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

    private sealed class Preparing(AuditStage stage, AuditWorker worker) : IWorkerStep
    {
        public void Run(ScoredBatch batch) => worker.Prepare(batch.Batch, batch.Prepared<AuditBatch>(stage));
    }
}
