using Avrr.Analytics.IO.Writing;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>comparisons (differences between groups with their design-based SE, docs/outputs.md), in the run's formats.</summary>
internal sealed class ComparisonsStage(RunContext run) : RunStage
{
    public const string Comparisons = "comparisons";

    public override string Name => "comparisons";

    public override void Finish()
    {
        var estimates = run.Estimates!;
        var formats = run.Plan.Settings.Formats;
        foreach (var format in new[] { OutputFormats.Csv, OutputFormats.Parquet }.Where(f => formats.HasFlag(f)))
        {
            var file = Comparisons + (format == OutputFormats.Csv ? ".csv" : ".parquet");
            ComparisonTable.Write(run.PathOf(file), format, estimates.Variables, estimates.Comparisons);
            run.Wrote(file);
        }
    }
}
