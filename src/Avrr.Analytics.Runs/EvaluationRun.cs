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
/// finish      aggregates and panel_change · comparisons · rejects.csv · data_quality · scheme.json · the manifest · report.html and results.xlsx · the result moved into place
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
        using var partial = Partials.PartialOutput.Open(settings, output, observer is null ? null : observer.Note);
        var plan = StageClock.Measure("check inputs", () => RunPlan.Create(settings));
        output.Prepare([.. settings.Inputs, .. plan.Inputs.Select(i => i.Path)]);
        Partials.PartialOutput.Prepare(partial, [.. settings.Inputs, .. plan.Inputs.Select(i => i.Path)]);
        var run = new RunContext(plan, output, observer, started, clock);

        observer?.Stage("finding duplicate surveys");
        var progress = new ReadProgress(plan.Inputs);
        Action<long>? rows = observer is null ? null : total => observer.Rows(total, progress.Fraction);
        var keys = StageClock.Measure("pass 1: survey keys", () => SurveyKeyScan.Run(plan.Inputs, plan.Layout, run.SpillFolder, rows, plan.KeyRules, progress));
        if (keys.Rows == 0) throw NothingScoredException.NoRows(plan.Inputs.Select(i => i.Path).ToArray());
        StageClock.Memo("pass 1");

        var stages = Stages(run, keys, partial);
        try
        {
            observer?.Stage("scoring");
            progress.Restart();
            SurveyPipeline.Run(plan, keys.Duplicates, stages, rows, cancel, progress);
            StageClock.Memo("pass 2");
            var accounting = run.Accounting!;
            if (accounting.RowsScored == 0)
                throw accounting.RowsRead == accounting.RowsOutsidePeriod
                    ? NothingScoredException.NoneInPeriod(accounting.RowsRead, plan.Settings.Period!)
                    : NothingScoredException.AllRejected(accounting.RowsRead - accounting.RowsOutsidePeriod, accounting.RejectsByReason, run.Checks);

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
            run.Accounting.RowsRejected, run.Accounting.RejectsByReason, estimates.Levels, estimates.Aggregates, estimates.PanelReturnees,
            estimates.Returnees, run.Accounting.FirstSurveyDate, run.Accounting.LastSurveyDate, clock.Elapsed,
            run.Accounting.RowsOutsidePeriod, run.Checks!);
        Manifest.Write(run.PathOf(ManifestFile), plan, result, started);
        foreach (var stage in stages)
        {
            cancel.ThrowIfCancellationRequested();
            StageClock.Measure($"after manifest: {stage.Name}", () => { stage.AfterManifest(); return 0; });
        }
        output.Commit();
        partial?.Commit();
        StageClock.Report();
        return result;
    }

    /// <summary>The stages of a run, in the order they finish (and the manifest lists their files).</summary>
    private static RunStage[] Stages(RunContext run, SurveyKeyScan.Result keys, OutputFolder? partial)
    {
        var formats = run.Plan.Settings.Formats;
        var stages = new List<RunStage>();
        if (formats.HasFlag(OutputFormats.Csv)) stages.Add(new ScoresCsvStage(run));
        if (formats.HasFlag(OutputFormats.Parquet)) stages.Add(new ScoresParquetStage(run));
        stages.Add(new EstimationStage(run.Plan, keys.PanelRows, run.SpillFolder, estimates => run.Estimates = estimates,
            partial is null ? null : sums => run.EstimationSums = sums, keys.Rows));
        stages.Add(new EstimateTablesStage(run));
        stages.Add(new ComparisonsStage(run));
        stages.Add(new AccountingStage(run));
        stages.Add(new FieldChecksStage(run.Plan, checks => run.Checks = checks));
        stages.Add(new DataQualityStage(run));
        stages.Add(new SchemeFileStage(run));
        if (partial is not null) stages.Add(new PartialStage(run, partial));
        if (run.Plan.Settings.Report) stages.Add(new ReportStage(run));
        return [.. stages];
    }
}
