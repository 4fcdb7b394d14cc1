using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>aggregates and panel_change (the latter only when some returnee has two or more scored surveys), in the run's formats.</summary>
internal sealed class EstimateTablesStage(RunContext run) : RunStage
{
    public const string Aggregates = "aggregates", PanelChange = "panel_change";

    public override string Name => "aggregates and panel_change";

    public override void Finish()
    {
        var estimates = run.Estimates!;
        var formats = run.Plan.Settings.Formats;
        Write(Aggregates, EstimateTables.Aggregates, estimates.Aggregates);
        if (estimates.PanelReturnees > 0) Write(PanelChange, EstimateTables.Panel, estimates.PanelChange);

        void Write(string name, EstimateTables.Table table, IReadOnlyList<Estimation.EstimateRow> rows)
        {
            foreach (var format in new[] { OutputFormats.Csv, OutputFormats.Parquet }.Where(f => formats.HasFlag(f)))
            {
                var file = name + (format == OutputFormats.Csv ? ".csv" : ".parquet");
                table.Write(run.PathOf(file), format, estimates.Variables, rows);
                run.Wrote(file);
            }
        }
    }
}
