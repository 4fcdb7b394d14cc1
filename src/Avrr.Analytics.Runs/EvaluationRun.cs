using System.Diagnostics;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Output;
using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Runs.Stages;

namespace Avrr.Analytics.Runs;

/// <summary>
/// The quarterly evaluation (<c>avrr run</c>), as a list of stages (docs/architecture.md):
/// <code>
/// plan        settings, scheme, inputs opened and checked, the result folder checked and locked
/// pass 1      survey keys: duplicate surveys, panel returnees
/// pass 2      read → decode → validate → score, then the stages' parts:
///               returnee_scores.csv · returnee_scores.parquet · estimation · accounting and rejects.csv
/// finish      aggregates and panel_change · the manifest · the result moved into place
/// </code>
/// Everything is written into a partial folder that is moved into place at the end, so a refused input,
/// an error or a kill never leaves half a result.
/// </summary>
public static class EvaluationRun
{
    public const string ManifestFile = "manifest.json";

    public static RunResult Execute(RunSettings settings, IRunObserver? observer = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        observer?.Stage("checking inputs");
        // The folder first: a run that is refused later still puts right what an interrupted run left.
        using var output = OutputFolder.Open(settings.OutputFolder, observer is null ? null : observer.Note);
        var plan = StageClock.Measure("check inputs", () => RunPlan.Create(settings));
        output.Prepare([.. settings.Inputs, .. plan.Inputs.Select(i => i.Path)]);
        var run = new RunContext(plan, output, observer, started, clock);

        observer?.Stage("finding duplicate surveys");
        var keys = StageClock.Measure("pass 1: survey keys", () => SurveyKeyScan.Run(plan.Inputs, plan.Layout, run.SpillFolder, observer is null ? null : observer.Rows));
        if (keys.Rows == 0) throw NothingScoredException.NoRows(plan.Inputs.Select(i => i.Path).ToArray());
        StageClock.Memo("pass 1");

        var stages = Stages(run, keys);
        try
        {
            observer?.Stage("scoring");
            SurveyPipeline.Run(plan, keys.Duplicates, stages, observer is null ? null : observer.Rows, cancel);
            StageClock.Memo("pass 2");
            var accounting = run.Accounting!;
            if (accounting.RowsScored == 0) throw NothingScoredException.AllRejected(accounting.RowsRead, accounting.RejectsByReason);

            observer?.Stage("writing");
            foreach (var stage in stages)
            {
                cancel.ThrowIfCancellationRequested();
                StageClock.Measure($"finish: {stage.Name}", () => { stage.Finish(); return 0; });
            }
        }
        finally
        {
            foreach (var stage in stages) stage.Dispose();
        }
        if (Directory.Exists(run.SpillFolder)) Directory.Delete(run.SpillFolder, recursive: true);

        run.Wrote(ManifestFile);
        var estimates = run.Estimates!;
        var result = new RunResult(output.Destination, run.Files, run.Accounting!.Inputs(), run.Accounting.RowsRead, run.Accounting.RowsScored,
            run.Accounting.RowsRejected, run.Accounting.RejectsByReason, estimates.Levels, estimates.Aggregates, estimates.PanelReturnees, clock.Elapsed);
        Manifest.Write(run.PathOf(ManifestFile), plan, result, run.Audit, started);
        output.Commit();
        StageClock.Report();
        return result;
    }

    /// <summary>The stages of a run, in the order they finish (and the manifest lists their files).</summary>
    private static RunStage[] Stages(RunContext run, SurveyKeyScan.Result keys)
    {
        var formats = run.Plan.Settings.Formats;
        var stages = new List<RunStage>();
        if (formats.HasFlag(OutputFormats.Csv)) stages.Add(new ScoresCsvStage(run));
        if (formats.HasFlag(OutputFormats.Parquet)) stages.Add(new ScoresParquetStage(run));
        stages.Add(new EstimationStage(run.Plan, keys.PanelRows, run.SpillFolder, estimates => run.Estimates = estimates));
        stages.Add(new EstimateTablesStage(run));
        if (run.Plan.Settings.Audit) stages.Add(new AuditStage(run, keys.Rows));
        stages.Add(new AccountingStage(run));
        return [.. stages];
    }
}
