using Avrr.Analytics.Calibration;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Passes;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// The calibrated weights in pass 2 (docs/methodology.md, "Calibration"): the workers multiply each scored survey's
/// weight by its calibration cell's ratio, in the batch itself, before any other step or consumer sees it, so that
/// every output (returnee_scores' weight, the estimates, panel change, the insights, the audit) uses the calibrated
/// weights; and note each row's cell in a <see cref="CalibrationColumn"/> for the estimation stage, whose standard
/// errors use the calibration's residuals. First in the run's list. Writes calibration.csv.
/// </summary>
internal sealed class CalibrationStage(RunContext run, CalibratedWeights calibration) : RunStage
{
    public CalibratedWeights Calibration => calibration;

    public override string Name => "calibration";

    public override IWorkerStep NewWorkerStep() => new Applying(this, new CalibrationKey(run.Plan.Layout, run.Plan.CalibrationVariables));

    /// <summary>The calibration cells of a batch's rows (after the workers' steps).</summary>
    public int[] CellsOf(ScoredBatch batch) => batch.Prepared<CalibrationColumn>(this).Cells;

    public override void Finish()
    {
        CalibrationTable.Write(run.PathOf(CalibrationTable.File), calibration, run.Plan.Settings.MinCell);
        run.Wrote(CalibrationTable.File);
    }

    private sealed class Applying(CalibrationStage stage, CalibrationKey key) : IWorkerStep
    {
        public void Run(ScoredBatch scored)
        {
            var batch = scored.Batch;
            var column = scored.Prepared<CalibrationColumn>(stage);
            column.Resize(batch.Capacity);
            var cells = column.Cells;
            for (var row = 0; row < batch.Count; row++)
            {
                if (!batch.IsScored(row))
                {
                    cells[row] = -1;
                    continue;
                }
                var cell = stage.Calibration.Cells.CellOf(key.Of(batch, row));
                // The calibration pass scored the same rows the same way, so every scored survey's cell is known.
                if (cell < 0) throw new InvalidOperationException("A survey scored in pass 2 has a combination of the margins' values that the calibration pass did not see.");
                cells[row] = cell;
                batch.Weight[row] *= stage.Calibration.G(cell);
            }
        }
    }
}
