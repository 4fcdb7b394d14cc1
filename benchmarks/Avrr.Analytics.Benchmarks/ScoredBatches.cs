using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Benchmarks;

/// <summary>A sample read, validated and scored into batches held in memory, for benchmarks of the later stages.</summary>
internal static class ScoredBatches
{
    public static (RunPlan Plan, List<SurveyBatch> Batches) Load(int rows, string? cluster = null, string? strata = null)
    {
        var plan = RunPlan.Create(new RunSettings { Inputs = [Samples.Csv(rows)], ClusterColumn = cluster, StrataColumn = strata });
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
}
