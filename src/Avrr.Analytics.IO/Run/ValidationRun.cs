using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.IO.Run;

/// <summary>What <c>avrr validate</c> found: the accounting, and the first rejects of each reason.</summary>
public sealed record ValidationResult(
    long RowsRead, long RowsScored, long RowsRejected, long BlankRowsSkipped,
    IReadOnlyDictionary<string, long> RejectsByReason,
    IReadOnlyDictionary<string, IReadOnlyList<Reject>> FirstRejects,
    IReadOnlyList<(string Path, string Format)> Inputs);

/// <summary>Reads and validates inputs exactly as a run does, and writes nothing.</summary>
public static class ValidationRun
{
    public static ValidationResult Execute(RunSettings settings, int examplesPerReason = 5, IRunObserver? observer = null)
    {
        observer?.Stage("checking inputs");
        var plan = RunPlan.Create(settings);
        var spill = Path.Combine(Path.GetTempPath(), $"avrr-validate-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            observer?.Stage("finding duplicate surveys");
            var keys = SurveyKeyScan.Run(plan.Inputs, plan.Layout, spill);
            observer?.Stage("validating");
            long read = 0, rejected = 0, blank = 0;
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var examples = new SortedDictionary<string, IReadOnlyList<Reject>>(StringComparer.Ordinal);
            SurveyPipeline.Run(plan, keys.Duplicates, null, [(Action<SurveyBatch>)(batch =>
            {
                read += batch.Count;
                blank += batch.BlankRows;
                for (var row = 0; row < batch.Count; row++) if (batch.Rejected[row]) rejected++;
                foreach (var (_, reject) in batch.Rejects)
                {
                    var name = reject.Reason.Name();
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                    if (!examples.TryGetValue(name, out var list)) examples[name] = list = new List<Reject>();
                    if (list.Count < examplesPerReason) ((List<Reject>)list).Add(reject);
                }
            })], observer is null ? null : n => observer.Rows(n));
            return new ValidationResult(read, read - rejected, rejected, blank, counts, examples,
                plan.Inputs.Select(i => (i.Path, i.Description)).ToArray());
        }
        finally
        {
            if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        }
    }
}
