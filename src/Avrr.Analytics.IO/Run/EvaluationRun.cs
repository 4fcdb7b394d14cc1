using System.Diagnostics;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Grouping;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Scoring;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Run;

/// <summary>
/// The quarterly evaluation (<c>avrr run</c>): check every input, find duplicate surveys, then read,
/// validate, score, estimate and write every output of outputs.md into a partial folder that is moved
/// into place at the end.
/// </summary>
public static class EvaluationRun
{
    public const string ScoresFile = "returnee_scores";
    public const string AggregatesFile = "aggregates";
    public const string PanelFile = "panel_change";
    public const string RejectsFile = "rejects.csv";
    public const string ManifestFile = "manifest.json";

    public static RunResult Execute(RunSettings settings, IRunObserver? observer = null)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        observer?.Stage("checking inputs");
        // The folder first: a run that is refused later still puts right what an interrupted run left.
        using var output = OutputFolder.Open(settings.OutputFolder, observer is null ? null : observer.Note);
        var plan = StageClock.Measure("check inputs", () => RunPlan.Create(settings));
        output.Prepare([.. settings.Inputs, .. plan.Inputs.Select(i => i.Path)]);
        var spill = output.PathOf(".spill");

        observer?.Stage("finding duplicate surveys");
        var keys = StageClock.Measure("pass 1: survey keys", () => SurveyKeyScan.Run(plan.Inputs, plan.Layout, spill, observer is null ? null : n => observer.Rows(n)));

        if (keys.Rows == 0) throw NothingScoredException.NoRows(plan.Inputs.Select(i => i.Path).ToArray());
        StageClock.Memo("pass 1");
        observer?.Stage("scoring");
        var state = new EvaluationState(plan, keys.PanelRows, spill);
        IReadOnlyList<EstimateRow> aggregates = [], panelRows = [];
        long panelReturnees = 0;
        using (var writers = new ResultWriters(plan, output))
        {
            // The estimates are made on the estimation thread as soon as it has seen every batch, while
            // the writers finish their last batches.
            var estimation = new BatchConsumer(batch =>
            {
                writers.WriteRejects(batch);
                state.Add(batch);
            }, () =>
            {
                StageClock.Memo("pass 2 batches");
                aggregates = StageClock.Measure("aggregates", state.Aggregates);
                StageClock.Memo("aggregates");
                (panelRows, panelReturnees) = StageClock.Measure("panel change", state.PanelChange);
                StageClock.Memo("panel change");
            });
            SurveyPipeline.Run(plan, keys.Duplicates, writers.WorkerStep, [.. writers.Consumers, estimation],
                observer is null ? null : n => observer.Rows(n));
        }
        state.Dispose();
        if (state.RowsScored == 0) throw NothingScoredException.AllRejected(state.RowsRead, state.RejectsByReason);

        StageClock.Memo("pass 2");
        observer?.Stage("writing");
        var formats = settings.Formats;
        EstimateTables.WriteAggregates(output.Partial, state.Variables, aggregates, formats);
        if (panelReturnees > 0) EstimateTables.WritePanel(output.Partial, state.Variables, panelRows, formats);
        if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);

        var files = new List<string>();
        foreach (var name in new[] { ScoresFile, AggregatesFile }.Concat(panelReturnees > 0 ? [PanelFile] : []))
        {
            if (formats.HasFlag(OutputFormats.Csv)) files.Add(name + ".csv");
            if (formats.HasFlag(OutputFormats.Parquet)) files.Add(name + ".parquet");
        }
        files.Add(RejectsFile);
        files.Add(ManifestFile);
        var result = new RunResult(output.Destination, files, state.InputSummaries(), state.RowsRead, state.RowsScored, state.RowsRejected,
            state.RejectsByReason, state.Levels, aggregates, panelReturnees, clock.Elapsed);
        Manifest.Write(output.PathOf(ManifestFile), plan, result, started);
        output.Commit();
        StageClock.Report();
        return result;
    }

    /// <summary>The writers of the per-survey outputs: scores (CSV and/or Parquet) and rejects.</summary>
    private sealed class ResultWriters : IDisposable
    {
        private readonly SurveyLayout _layout;
        private readonly ScoresCsvWriter? _csv;
        private readonly ScoresParquetWriter? _parquet;
        private readonly RejectsCsvWriter _rejects;

        public ResultWriters(RunPlan plan, OutputFolder output)
        {
            _layout = plan.Layout;
            var formats = plan.Settings.Formats;
            if (formats.HasFlag(OutputFormats.Csv)) _csv = new ScoresCsvWriter(output.PathOf(ScoresFile + ".csv"), plan.Layout);
            if (formats.HasFlag(OutputFormats.Parquet)) _parquet = new ScoresParquetWriter(output.PathOf(ScoresFile + ".parquet"), plan.Layout);
            _rejects = new RejectsCsvWriter(output.PathOf(RejectsFile));
        }

        /// <summary>What each worker does after scoring a batch: format its CSV lines.</summary>
        public Func<Action<SurveyBatch>>? WorkerStep => _csv is null ? null : () => new ScoresCsvWriter.Formatter(_layout).Format;

        /// <summary>The writers that each take every batch in order, on threads of their own.</summary>
        public IEnumerable<BatchConsumer> Consumers
        {
            get
            {
                if (_csv is not null) yield return new BatchConsumer(_csv.Append);
                if (_parquet is not null) yield return new BatchConsumer(_parquet.Write);
            }
        }

        public void WriteRejects(SurveyBatch batch)
        {
            foreach (var (_, reject) in batch.Rejects) _rejects.Write(reject);
        }

        public void Dispose()
        {
            _csv?.Dispose();
            _parquet?.Dispose();
            _rejects.Dispose();
        }
    }
}
