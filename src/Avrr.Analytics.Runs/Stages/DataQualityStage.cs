using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// data_quality: how each question was answered in the scored surveys (a choice, empty, dk, refused,
/// na…), counted from every batch in input order, written in the run's formats (docs/outputs.md).
/// </summary>
internal sealed class DataQualityStage(RunContext run) : RunStage, IBatchConsumer
{
    public const string Table = "data_quality";

    private readonly AnswerTally _tally = new(run.Plan.Layout);

    public override string Name => "data_quality";

    public override IBatchConsumer Consumer => this;

    public void Consume(ScoredBatch batch) => _tally.Add(batch.Batch);

    public override void Finish()
    {
        run.AnswerTally = _tally;
        foreach (var format in new[] { OutputFormats.Csv, OutputFormats.Parquet }.Where(f => run.Plan.Settings.Formats.HasFlag(f)))
        {
            var file = Table + (format == OutputFormats.Csv ? ".csv" : ".parquet");
            DataQualityTable.Write(run.PathOf(file), format, _tally, run.Plan.Settings.MinCell);
            run.Wrote(file);
        }
    }
}
