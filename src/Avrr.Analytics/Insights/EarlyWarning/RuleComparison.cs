namespace Avrr.Analytics.Insights.EarlyWarning;

/// <summary>
/// The early warning beside the simple rule "lowest baseline composite first", on the same returnees and
/// their out-of-fold risks (docs/insights.md, "The model against the simple rule"): the rule's AUC, the
/// number the model flags at its threshold, the rule's cut (the composite at or below which it flags as
/// many: the <see cref="Flagged"/>-th lowest, ties included, so <see cref="RuleFlagged"/> can be a little
/// more), the rule's precision and recall there, and the paired DeLong comparison of the two AUCs
/// (model − rule). The model beats the rule only when that difference's 95% interval lies above 0.
/// </summary>
public sealed record RuleComparison(double RuleAuc, int Flagged, double RuleCut, int RuleFlagged, double RulePrecision, double RuleRecall,
    PairedAuc Difference, double CompositeMean)
{
    public bool ModelBeatsRule => Difference.CiLow > 0;

    /// <summary>
    /// The comparison for these out-of-fold risks, outcomes and baseline composites (NaN: none, ranked as the
    /// mean of the others); <paramref name="threshold"/> is the model's (NaN: it flags nobody).
    /// </summary>
    public static RuleComparison Of(IReadOnlyList<double> risk, IReadOnlyList<bool> low, IReadOnlyList<double> composite, double threshold)
    {
        var n = risk.Count;
        var present = composite.Where(c => !double.IsNaN(c)).ToArray();
        var mean = present.Length == 0 ? 0.5 : present.Average();
        var filled = composite.Select(c => double.IsNaN(c) ? mean : c).ToArray();
        // The rule's score: the lower the composite, the higher the score.
        var ruleScore = filled.Select(c => -c).ToArray();
        var paired = PairedAuc.Of(risk, ruleScore, low);
        var flagged = double.IsNaN(threshold) ? 0 : risk.Count(r => r >= threshold);
        var cut = flagged == 0 ? double.NaN : filled.Order().ElementAt(flagged - 1);
        var ruleFlagged = Enumerable.Range(0, n).Where(i => filled[i] <= cut).ToArray();
        var positives = low.Count(l => l);
        var truePositives = ruleFlagged.Count(i => low[i]);
        return new RuleComparison(paired.AucB, flagged, cut, ruleFlagged.Length,
            ruleFlagged.Length == 0 ? double.NaN : (double)truePositives / ruleFlagged.Length,
            positives == 0 ? double.NaN : (double)truePositives / positives, paired, mean);
    }
}
