using System.Diagnostics;
using Avrr.Analytics.Insights.Learning;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Insights;
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
/// pass 1      survey keys: duplicate surveys, panel returnees; the insights' training sample (docs/insights.md)
/// insights    the sample scored, the profiles and the early warning trained
/// pass 2      read → decode → validate → score, then the stages' parts:
///               profiles · returnee_scores.csv · returnee_scores.parquet · estimation · accounting and rejects.csv · checks · insights
/// finish      aggregates and panel_change · comparisons · rejects.csv · data_quality · scheme.json · the partial (--partial-out) · insights/ · the manifest · report.html and results.xlsx · the result (and the partial) moved into place
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
        Partials.PartialOutput.RefuseNested(settings);
        // The folder first: a run that is refused later still puts right what an interrupted run left.
        using var output = OutputFolder.Open(settings.OutputFolder, observer is null ? null : observer.Note);
        using var partial = Partials.PartialOutput.Open(settings, output, observer is null ? null : observer.Note);
        var plan = StageClock.Measure("check inputs", () => RunPlan.Create(settings));
        output.Prepare([.. settings.Inputs, .. plan.Inputs.Select(i => i.Path)]);
        Partials.PartialOutput.Prepare(partial, [.. settings.Inputs, .. plan.Inputs.Select(i => i.Path)]);
        var run = new RunContext(plan, output, observer, started, clock);
        try
        {
            var result = Produce(run, partial, cancel);
            output.Commit();
            partial?.Commit();
            StageClock.Report();
            return result;
        }
        catch (Exception e) when (e is IOException or AggregateException)
        {
            // A full disk or a read-only file system is the user's environment, not a fault of the engine.
            // The partial folder (--partial-out) is discarded with the result: disposed without a commit.
            if (output.WriteFailure(e, plan.Inputs.Sum(i => i.Stamp.Size)) is { } failure) throw failure;
            throw;
        }
    }

    /// <summary>Both passes and every stage's files, then the manifest, all into the partial folder.</summary>
    private static RunResult Produce(RunContext run, OutputFolder? partial, CancellationToken cancel)
    {
        var (plan, observer) = (run.Plan, run.Observer);
        observer?.Stage("finding duplicate surveys");
        var progress = new ReadProgress(plan.Inputs);
        Action<long>? rows = observer is null ? null : total => observer.Rows(total, progress.Fraction);
        var settings = plan.Settings;
        var sampler = settings.Insights ? new ReturneeSampler(settings.InsightsSample, settings.InsightsSeed) : null;
        var keys = StageClock.Measure("pass 1: survey keys", () => SurveyKeyScan.Run(plan.Inputs, plan.Layout, run.SpillFolder, KillPoint.PauseIn("pass-1", rows, cancel), plan.KeyRules, progress, cancel, sampler,
            PartitionFolders.Of(plan)));
        if (keys.Rows == 0) throw NothingScoredException.NoRows(plan.Inputs.Select(i => i.Path).ToArray());
        StageClock.Memo("pass 1");

        InsightsModels? insights = null;
        if (sampler is not null)
        {
            observer?.Stage("learning profiles and the early warning");
            var sample = StageClock.Measure("insights: score the sample", () => sampler.Score(plan, keys.Duplicates, cancel));
            insights = StageClock.Measure("insights: train", () => InsightsTraining.Train(plan, sample, keys.Returnees, MlNetLearning.Instance));
            cancel.ThrowIfCancellationRequested();
            StageClock.Memo("insights trained");
        }

        if (plan.Calibrated)
        {
            observer?.Stage("calibrating the weights");
            progress.Restart();
            run.Calibration = StageClock.Measure("calibration pass", () => CalibrationPass.Run(plan, keys.Duplicates, KillPoint.PauseIn("calibration", rows, cancel), cancel, progress));
            cancel.ThrowIfCancellationRequested();
            StageClock.Memo("calibration pass");
        }

        var stages = Stages(run, keys, insights, partial);
        try
        {
            observer?.Stage("scoring");
            progress.Restart();
            SurveyPipeline.Run(plan, keys.Duplicates, stages, KillPoint.PauseIn("pass-2", rows, cancel), cancel, progress);
            // What was scored is what the manifest will describe, or nothing is kept (docs/inputs.md, "Formats").
            foreach (var input in plan.Inputs) input.ConfirmUnchanged();
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
        var result = new RunResult(run.Destination, run.Files, run.Accounting!.Inputs(), run.Accounting.RowsRead, run.Accounting.RowsScored,
            run.Accounting.RowsRejected, run.Accounting.RejectsByReason, estimates.Levels, estimates.Aggregates, estimates.PanelReturnees,
            estimates.Returnees, run.Accounting.FirstSurveyDate, run.Accounting.LastSurveyDate, run.Clock.Elapsed,
            run.Accounting.RowsOutsidePeriod, run.Checks!, run.Insights)
        {
            SkippedInputs = plan.SkippedInputs, Weighted = plan.Weighted, Calibration = run.Calibration,
        };
        Manifest.Write(run.PathOf(ManifestFile), plan, result, run.Audit, run.Started);
        foreach (var stage in stages)
        {
            cancel.ThrowIfCancellationRequested();
            StageClock.Measure($"after manifest: {stage.Name}", () => { stage.AfterManifest(); return 0; });
        }
        return result;
    }

    /// <summary>The stages of a run, in the order they finish (and the manifest lists their files).</summary>
    private static RunStage[] Stages(RunContext run, SurveyKeyScan.Result keys, InsightsModels? insights, OutputFolder? partial)
    {
        var formats = run.Plan.Settings.Formats;
        var stages = new List<RunStage>();
        // First of all, so that every step and consumer after it sees the calibrated weights.
        var calibration = run.Calibration is null ? null : new CalibrationStage(run, run.Calibration);
        if (calibration is not null) stages.Add(calibration);
        // First, so that each survey has its profile before the returnee_scores steps format it.
        var profiles = insights is null ? null : new ProfileStage(insights.ProfileFeatures, insights.Profiles);
        if (profiles is not null) stages.Add(profiles);
        if (formats.HasFlag(OutputFormats.Csv)) stages.Add(new ScoresCsvStage(run, profiles));
        if (formats.HasFlag(OutputFormats.Parquet)) stages.Add(new ScoresParquetStage(run, profiles));
        stages.Add(new EstimationStage(run.Plan, keys.PanelRows, run.SpillFolder, estimates => run.Estimates = estimates,
            partial is null ? null : sums => run.EstimationSums = sums, keys.Rows, calibration));
        stages.Add(new EstimateTablesStage(run));
        stages.Add(new ComparisonsStage(run));
        stages.Add(new AccountingStage(run));
        stages.Add(new FieldChecksStage(run.Plan, checks => run.Checks = checks));
        stages.Add(new DataQualityStage(run));
        stages.Add(new SchemeFileStage(run));
        if (partial is not null) stages.Add(new PartialStage(run, partial));
        if (insights is not null) stages.Add(new InsightsStage(run, insights, profiles!, keys.PanelRows, keys.Rows, MlNetLearning.Instance));
        // Late, so that its completion and uncertainty analysis (in the background since pass 2 ended) overlap the finishes before it.
        if (run.Plan.Settings.Audit) stages.Add(new AuditStage(run, keys.Rows - keys.RowsOutsidePeriod, keys.TypicalWeight));
        if (run.Plan.Settings.Report) stages.Add(new ReportStage(run));
        return [.. stages];
    }
}
