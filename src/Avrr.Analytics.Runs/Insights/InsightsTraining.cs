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
        var returnees = ByReturnee(surveys);
        var baselineRound = BaselineRound(returnees);
        var cases = PanelCases(returnees, riskFeatures, baselineRound);
        // The two are independent, and each fits its models in parallel: both cores work while pass 2 waits.
        ProfileModel? profiles = null;
        EarlyWarningResult? earlyWarning = null;
        // At most the run's threads (ThreadsUsed: capped at four per core, docs/commands.md).
        var threads = settings.ThreadsUsed;
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => profiles = StageClock.Measure("insights: profiles", () => ProfileTraining.Train(points, profileFeatures, labels, settings.Language, seed, threads)),
            () => earlyWarning = StageClock.Measure("insights: early warning", () =>
                EarlyWarningTraining.Train(cases, riskFeatures.IndicatorOf, riskFeatures.Indicators, learning, seed, settings.MinCell, threads)));

        var named = plan.DriverTerms is not null;
        var terms = named ? plan.DriverTerms!.Select(t => new TermColumn(t, layout)).ToArray() : attributes.Select(a => a.Column).ToArray();
        return new InsightsModels(sample, returneesInRun, profileFeatures, profiles, riskFeatures, earlyWarning!, terms, named) { BaselineRound = baselineRound };
    }

    /// <summary>The sample's scored surveys by returnee (in byte order of the id), each returnee's in order of survey date, then input order.</summary>
    private static (SurveyBatch Batch, int Row)[][] ByReturnee((SurveyBatch Batch, int Row)[] surveys) =>
        surveys.GroupBy(s => System.Text.Encoding.UTF8.GetString(s.Batch.TrimmedField(s.Row, SurveyLayout.ReturneeId)), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(s => s.Batch.SurveyDate[s.Row]).ThenBy(s => s.Batch.Sequence[s.Row]).ToArray())
            .ToArray();

    private static string RoundOf(SurveyBatch batch, int row) => System.Text.Encoding.UTF8.GetString(batch.TrimmedField(row, SurveyLayout.Round));

    /// <summary>
    /// The round that is a baseline (docs/insights.md, "Early warning"): the value of <c>round</c> that the first
    /// survey of the most returnees of the sample with two or more surveys has (the earlier in byte order on a
    /// tie); null when none of those first surveys has a round (no <c>round</c> column, or an empty one).
    /// </summary>
    internal static string? BaselineRound(IEnumerable<(SurveyBatch Batch, int Row)[]> returnees) =>
        returnees.Where(r => r.Length >= 2).Select(r => RoundOf(r[0].Batch, r[0].Row)).Where(v => v.Length > 0)
            .GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    /// <summary>Whether a survey counts as a baseline: its round is the baseline round, or it has no round (then by position: it is the first).</summary>
    internal static bool IsBaseline(ReadOnlySpan<byte> round, byte[]? baselineRound) =>
        round.IsEmpty || baselineRound is null || round.SequenceEqual(baselineRound);

    /// <summary>
    /// The sample's returnees with two or more scored surveys: the features and composite of the first (by survey
    /// date, then input order) and whether the last one's composite is in the low band (a last survey without a
    /// composite leaves the returnee out, and so does a first survey whose round is not the baseline round).
    /// </summary>
    private static List<PanelCase> PanelCases((SurveyBatch Batch, int Row)[][] returnees, BaselineFeatures features, string? baselineRound)
    {
        var cases = new List<PanelCase>();
        var baseline = baselineRound is null ? null : System.Text.Encoding.UTF8.GetBytes(baselineRound);
        foreach (var ordered in returnees)
        {
            if (ordered.Length < 2) continue;
            if (!IsBaseline(ordered[0].Batch.TrimmedField(ordered[0].Row, SurveyLayout.Round), baseline)) continue;
            var (last, lastRow) = ordered[^1];
            if (last.Band[lastRow] == Band.None) continue;
            var (first, firstRow) = ordered[0];
            cases.Add(new PanelCase(features.Of(first, firstRow), last.Band[lastRow] == Band.Low,
                Fingerprint.Of(first.TrimmedField(firstRow, SurveyLayout.ReturneeId)), first.Composite(firstRow)));
        }
        return cases;
    }
}
