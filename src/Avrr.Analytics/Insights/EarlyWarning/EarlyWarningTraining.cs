using Avrr.Analytics.Surveys;
using Avrr.Analytics.Insights.Learning;

namespace Avrr.Analytics.Insights.EarlyWarning;

/// <summary>
/// Trains the early warning (docs/insights.md, "Early warning"): a logistic regression (L-BFGS) of "the
/// follow-up composite fell in the low band" on the baseline's features, checked by k-fold cross-validation
/// (returnees assigned to folds by the fingerprint of their id and the seed): each returnee's risk comes
/// from the model trained on the other folds, and the quality (<see cref="ClassifierQuality"/>) is that of
/// these out-of-fold risks, set beside the simple rule "lowest baseline composite first" on the same returnees
/// (<see cref="RuleComparison"/>). The model applied to new returnees is then trained on every panel returnee;
/// it flags by the rule when it did not beat it.
/// Missing features take the mean of the returnees the model is trained on.
/// </summary>
public static class EarlyWarningTraining
{
    /// <summary>Fewer panel returnees than this: nothing is trained, and the run says so.</summary>
    public const int MinimumReturnees = 200;

    public const int Folds = 5;

    /// <summary>
    /// The early warning of these panel returnees. The fold models and the final one are fitted in parallel on up
    /// to <paramref name="threads"/> threads (0: one per core), each seeded and single-threaded: the result does
    /// not depend on it.
    /// </summary>
    public static EarlyWarningResult Train(IReadOnlyList<PanelCase> cases, int[] indicatorOf, IReadOnlyList<string> indicators,
        IMachineLearning learning, int seed, int minCell, int threads = 0)
    {
        var low = cases.Count(c => c.Low);
        // The reasons name no count of fewer than min-cell returnees (docs/insights.md, "People's data").
        if (cases.Count < MinimumReturnees)
            return new(null, null, cases.Count, low, Folds,
                $"{(cases.Count is > 0 && cases.Count < minCell ? $"fewer than {minCell}" : cases.Count)} returnees have a baseline and a follow-up; at least {MinimumReturnees} are needed");
        if (low < minCell || cases.Count - low < minCell)
            return new(null, null, cases.Count, low, Folds, low < minCell
                ? $"fewer than {minCell} (min-cell) of {cases.Count} panel returnees fell in the low band; both groups need at least {minCell}"
                : $"fewer than {minCell} (min-cell) of {cases.Count} panel returnees did not fall in the low band; both groups need at least {minCell}");

        var fold = cases.Select(c => (int)(Fingerprint.Mix(c.Returnee ^ (ulong)seed) % Folds)).ToArray();
        // Folds 0..k-1 train on the other folds; the last model, on every returnee, is the one applied.
        var models = new RiskModel[Folds + 1];
        Parallel.For(0, Folds + 1, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : -1 }, f =>
            models[f] = Fit(cases, Enumerable.Range(0, cases.Count).Where(i => fold[i] != f).ToArray(), indicatorOf, indicators, learning, seed));
        var risk = new double[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var x = (float[])cases[i].Features.Clone();
            models[fold[i]].Impute(x);
            risk[i] = models[fold[i]].Model.Probability(x);
        }
        var outcomes = cases.Select(c => c.Low).ToArray();
        var quality = ClassifierQuality.Of(risk, outcomes);
        // The simple rule on the same returnees: without the lift over it, the list is ranked by the rule.
        var rule = RuleComparison.Of(risk, outcomes, cases.Select(c => c.BaselineComposite).ToArray(), quality.Threshold);
        var final = models[Folds];
        var model = new RiskModel(final.Model, [.. final.Means], indicatorOf, indicators, quality.Threshold)
        {
            ByRule = !rule.ModelBeatsRule, RuleCut = rule.RuleCut, CompositeMean = rule.CompositeMean,
        };
        return new(model, quality, cases.Count, low, Folds, null) { Rule = rule };
    }

    private static RiskModel Fit(IReadOnlyList<PanelCase> cases, int[] rows, int[] indicatorOf, IReadOnlyList<string> indicators,
        IMachineLearning learning, int seed)
    {
        var width = cases[0].Features.Length;
        var means = new float[width];
        for (var j = 0; j < width; j++)
        {
            double sum = 0;
            var n = 0;
            foreach (var i in rows)
                if (!float.IsNaN(cases[i].Features[j])) { sum += cases[i].Features[j]; n++; }
            means[j] = n == 0 ? 0 : (float)(sum / n);
        }
        var features = rows.Select(i =>
        {
            var x = (float[])cases[i].Features.Clone();
            for (var j = 0; j < width; j++) if (float.IsNaN(x[j])) x[j] = means[j];
            return x;
        }).ToArray();
        var model = learning.LogisticRegression(features, rows.Select(i => cases[i].Low).ToArray(), seed);
        return new RiskModel(model, means, indicatorOf, indicators, double.NaN);
    }
}
