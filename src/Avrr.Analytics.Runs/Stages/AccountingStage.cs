using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Results;

namespace Avrr.Analytics.Runs.Stages;

/// <summary>
/// Where every row went: counts the rows read, scored, rejected and skipped (per input), and writes each
/// problem of a rejected row to rejects.csv, in input order. Publishes <see cref="RunContext.Accounting"/>
/// as soon as the last batch is counted.
/// </summary>
internal sealed class AccountingStage : RunStage, IBatchConsumer
{
    public const string File = "rejects.csv";

    private readonly RunContext _run;
    private readonly RunAccounting _accounting;
    private readonly RejectsCsvWriter _rejects;
    private bool _finished;

    public AccountingStage(RunContext run)
    {
        _run = run;
        _accounting = new RunAccounting(run.Plan);
        _rejects = new RejectsCsvWriter(run.PathOf(File));
    }

    public override string Name => "accounting and rejects.csv";

    public override IBatchConsumer Consumer => this;

    public void Consume(ScoredBatch batch)
    {
        _accounting.Add(batch.Batch);
        foreach (var (_, reject) in batch.Batch.Rejects) _rejects.Write(reject);
    }

    public void Complete() => _run.Accounting = _accounting;

    public override void Finish()
    {
        _finished = true;
        _rejects.Dispose();
        _run.Wrote(File);
    }

    public override void Dispose()
    {
        if (_finished) return;
        _finished = true;
        try { _rejects.Dispose(); } catch (IOException) { } catch (ObjectDisposedException) { }
    }
}
