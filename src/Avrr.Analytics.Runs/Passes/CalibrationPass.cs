using Avrr.Analytics.Calibration;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Stages;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Passes;

/// <summary>
/// The calibration pass of a calibrated run (docs/architecture.md), between pass 1 and pass 2: every row is read,
/// validated and scored exactly as pass 2 will (the same pipeline and processor), and the base weights of the scored
/// surveys are summed by calibration cell; then the calibration is solved. Pass 2 then gives each survey its
/// calibrated weight before any stage sees it, so that every output rests on the calibrated weights. A calibration
/// that cannot be done is refused here, naming the margin's file and the level (exit 3), before anything is written.
/// </summary>
internal static class CalibrationPass
{
    /// <returns>The calibration, or null when no row was scored (pass 2 then says why).</returns>
    public static CalibratedWeights? Run(RunPlan plan, DuplicateSurveys duplicates, Action<long>? rowsRead, CancellationToken cancel, ReadProgress progress)
    {
        var totals = new Totals(plan);
        SurveyPipeline.Run(plan, duplicates, [totals], rowsRead, cancel, progress);
        foreach (var input in plan.Inputs) input.ConfirmUnchanged();
        if (totals.Cells.Count == 0) return null;
        var bounds = plan.Settings.CalibrateBounds ?? (double.NegativeInfinity, double.PositiveInfinity);
        try
        {
            return WeightCalibration.Solve(plan.Margins, totals.Cells, plan.CalibrationMethod, bounds.Lower, bounds.Upper, plan.Settings.CalibrateIterations);
        }
        catch (CalibrationException e)
        {
            var margin = Math.Max(0, plan.Margins.ToList().FindIndex(m => m.Name == e.MarginName));
            throw new InputRefusedException(plan.Settings.Calibrate[margin], e.Message) { FrenchProblem = e.FrenchMessage };
        }
    }

    /// <summary>Sums the base weights of the scored surveys by calibration cell, in input order.</summary>
    private sealed class Totals(RunPlan plan) : RunStage, IBatchConsumer
    {
        private readonly CalibrationKey _key = new(plan.Layout, plan.CalibrationVariables);

        public CalibrationCells Cells { get; } = new(plan.CalibrationVariables);

        public override string Name => "calibration totals";

        public override IBatchConsumer Consumer => this;

        public void Consume(ScoredBatch scored)
        {
            var batch = scored.Batch;
            for (var row = 0; row < batch.Count; row++)
                if (batch.IsScored(row)) Cells.Add(_key.Of(batch, row), batch.Weight[row]);
        }

        public void Complete() { }
    }
}
