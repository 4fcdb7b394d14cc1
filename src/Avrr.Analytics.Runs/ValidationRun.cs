using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Runs.Stages;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Runs;

/// <summary>Reads and validates inputs exactly as a run does (both passes), and writes nothing.</summary>
public static class ValidationRun
{
    public static ValidationReport Execute(RunSettings settings, int examplesPerReason = 5, IRunObserver? observer = null, CancellationToken cancel = default)
    {
        observer?.Stage("checking inputs");
        var plan = RunPlan.Create(settings);
        var spill = Path.Combine(Path.GetTempPath(), $"avrr-validate-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            observer?.Stage("finding duplicate surveys");
            var progress = new ReadProgress(plan.Inputs);
            Action<long>? rows = observer is null ? null : total => observer.Rows(total, progress.Fraction);
            var keys = SurveyKeyScan.Run(plan.Inputs, plan.Layout, spill, rows, plan.KeyRules, progress, cancel);
            observer?.Stage("validating");
            var counting = new Counting(examplesPerReason);
            FieldChecks? checks = null;
            progress.Restart();
            SurveyPipeline.Run(plan, keys.Duplicates, [counting, new FieldChecksStage(plan, c => checks = c, profileAttributes: true)], rows, cancel, progress);
            foreach (var input in plan.Inputs) input.ConfirmUnchanged();
            return new ValidationReport(counting.Read, counting.Read - counting.Rejected - counting.Outside, counting.Rejected, counting.Blank, counting.Counts, counting.Examples,
                plan.Inputs.Select(i => (i.Path, i.Description)).ToArray())
            {
                RowsOutsidePeriod = counting.Outside,
                Checks = checks!,
                Plan = plan,
            };
        }
        finally
        {
            if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        }
    }

    /// <summary>The one stage of a validation: counts, and keeps the first rejects of each reason.</summary>
    private sealed class Counting(int examplesPerReason) : RunStage, IBatchConsumer
    {
        public long Read, Rejected, Blank, Outside;
        public readonly SortedDictionary<string, long> Counts = new(StringComparer.Ordinal);
        public readonly SortedDictionary<string, IReadOnlyList<Reject>> Examples = new(StringComparer.Ordinal);

        public override string Name => "validation";

        public override IBatchConsumer Consumer => this;

        public void Consume(ScoredBatch scored)
        {
            var batch = scored.Batch;
            Read += batch.Count;
            Blank += batch.BlankRows;
            for (var row = 0; row < batch.Count; row++)
            {
                if (batch.Rejected[row]) Rejected++;
                if (batch.OutsidePeriod[row]) Outside++;
            }
            foreach (var (_, reject) in batch.Rejects)
            {
                var name = reject.Reason.Name();
                Counts[name] = Counts.GetValueOrDefault(name) + 1;
                if (!Examples.TryGetValue(name, out var list)) Examples[name] = list = new List<Reject>();
                if (list.Count < examplesPerReason) ((List<Reject>)list).Add(reject);
            }
        }
    }
}
