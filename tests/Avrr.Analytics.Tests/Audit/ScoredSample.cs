using Avrr.Analytics.Audit;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Audit;

/// <summary>An export read, validated and scored into batches (as a run does), for the library's audit API.</summary>
internal static class ScoredSample
{
    public static (RunPlan Plan, List<SurveyBatch> Batches) Read(string path, string? scheme = null)
    {
        var plan = RunPlan.Create(new RunSettings { Inputs = [path], SchemePath = scheme });
        var batches = new List<SurveyBatch>();
        var processor = new SurveyProcessor(plan.Layout);
        var wanted = Enumerable.Repeat(true, plan.Layout.ColumnCount).ToArray();
        long sequence = 0;
        foreach (var input in plan.Inputs)
        {
            using var reader = input.OpenReader(plan.Layout);
            while (true)
            {
                var batch = new SurveyBatch(plan.Layout);
                if (!reader.Fill(batch, wanted, ref sequence)) break;
                processor.Process(batch, DuplicateSurveys.None);
                batches.Add(batch);
            }
        }
        return (plan, batches);
    }

    /// <summary>The audit of an export on the calling thread.</summary>
    public static AuditResult Audit(string path, AuditOptions options)
    {
        var (plan, batches) = Read(path);
        var audit = new IndexAudit(plan.Layout, options, batches.Sum(b => b.Count));
        foreach (var batch in batches) audit.Add(batch);
        return audit.Complete();
    }
}
