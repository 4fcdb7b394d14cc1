using Avrr.Analytics.Insights.EarlyWarning;
using Avrr.Analytics.Insights.Learning;
using Avrr.Analytics.Insights.Profiles;
using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Runs.Insights;

/// <summary>
/// Trains the models that pass 2 applies, on the seeded training sample (docs/insights.md): the returnee
/// profiles (k-means of the sample's surveys), and the early warning (the sample's returnees with a baseline
/// and a follow-up). Also chooses the candidate terms of the drivers: the columns named by the settings, or
/// country and every attribute with 2 to 20 distinct values in the sample (the final choice counts the whole
/// run's values, at the end).
/// </summary>
internal static class InsightsTraining
{
    public const int MinLevels = 2, MaxLevels = 20;

    public static InsightsModels Train(RunPlan plan, SurveySample sample, long returneesInRun, IMachineLearning learning)
    {
        var settings = plan.Settings;
        var scheme = plan.Scheme;
        var layout = plan.Layout;
        var seed = settings.InsightsSeed;
        var surveys = sample.Batches.SelectMany(b => Enumerable.Range(0, b.Count).Where(b.IsScored).Select(r => (Batch: b, Row: r))).ToArray();

        var profileFeatures = new ProfileFeatures(scheme);
        var points = new List<float[]>();
        foreach (var (batch, row) in surveys)
        {
            var point = new float[profileFeatures.Count];
            if (profileFeatures.TryPoint(batch.RowScores(row)[..batch.IndicatorCount], point)) points.Add(point);
        }
        var labels = scheme.Dimensions.Select(d => scheme.Label(d.Labels, d.Id, settings.Language)).ToArray();

        // Attributes by their values in the sample: the early warning's one-hot columns, and the drivers' default terms.
        var attributes = new[] { SurveyColumns.Country }.Concat(layout.Attributes)
            .Select(name => new TermColumn(name, layout))
            .Select(column => (Column: column, Levels: (IReadOnlyList<string>)surveys.Select(s => column.Text(s.Batch, s.Row)).Where(v => v.Length > 0)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()))
            .Where(a => a.Levels.Count is >= MinLevels and <= MaxLevels)
            .ToArray();
        var riskFeatures = new BaselineFeatures(scheme, attributes);
        var cases = PanelCases(surveys, riskFeatures);
        // The two are independent, and each fits its models in parallel: both cores work while pass 2 waits.
        ProfileModel? profiles = null;
        EarlyWarningResult? earlyWarning = null;
        // At most the run's threads (ThreadsUsed: capped at four per core, docs/commands.md).
        var threads = settings.ThreadsUsed;
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => profiles = StageClock.Measure("insights: profiles", () => ProfileTraining.Train(points, profileFeatures, labels, settings.Language, learning, seed, threads)),
            () => earlyWarning = StageClock.Measure("insights: early warning", () =>
                EarlyWarningTraining.Train(cases, riskFeatures.IndicatorOf, riskFeatures.Indicators, learning, seed, settings.MinCell, threads)));

        var named = plan.DriverTerms is not null;
        var terms = named ? plan.DriverTerms!.Select(t => new TermColumn(t, layout)).ToArray() : attributes.Select(a => a.Column).ToArray();
        return new InsightsModels(sample, returneesInRun, profileFeatures, profiles, riskFeatures, earlyWarning!, terms, named);
    }

    /// <summary>
    /// The sample's returnees with two or more scored surveys: the features of the first (by survey date, then
    /// input order) and whether the last one's composite is in the low band (a last survey without a composite
    /// leaves the returnee out).
    /// </summary>
    private static List<PanelCase> PanelCases((SurveyBatch Batch, int Row)[] surveys, BaselineFeatures features)
    {
        var cases = new List<PanelCase>();
        var byReturnee = surveys.GroupBy(s => System.Text.Encoding.UTF8.GetString(s.Batch.TrimmedField(s.Row, SurveyLayout.ReturneeId)), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var returnee in byReturnee)
        {
            var ordered = returnee.OrderBy(s => s.Batch.SurveyDate[s.Row]).ThenBy(s => s.Batch.Sequence[s.Row]).ToArray();
            if (ordered.Length < 2) continue;
            var (last, lastRow) = ordered[^1];
            if (last.Band[lastRow] == Band.None) continue;
            var (first, firstRow) = ordered[0];
            cases.Add(new PanelCase(features.Of(first, firstRow), last.Band[lastRow] == Band.Low,
                Fingerprint.Of(first.TrimmedField(firstRow, SurveyLayout.ReturneeId))));
        }
        return cases;
    }
}
