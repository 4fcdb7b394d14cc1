using System.Globalization;
using Avrr.Analytics.Insights.EarlyWarning;
using Avrr.Analytics.Insights.Learning;

namespace Avrr.Analytics.Tests.Insights;

/// <summary>
/// The early warning against the simple rule "lowest baseline composite first" (docs/insights.md): the paired
/// DeLong comparison of two AUCs against a hand calculation and against R (Reference/delong.R, written from the
/// paper's definitions), the rule's precision and recall at the model's number flagged, and, on planted panels,
/// that the model is said to beat the rule when it has information the composite lacks, and is not when the
/// composite carries all of it.
/// </summary>
public sealed class EarlyWarningRuleTests
{
    [Fact]
    public void DeLong_s_paired_difference_equals_a_hand_calculation()
    {
        // Positives (a, b): (0.9, 0.3), (0.4, 0.8); negatives: (0.5, 0.3), (0.1, 0.6).
        // a: V10 = (1, 0.5), V01 = (0.5, 1), AUC 0.75; b: V10 = (0.25, 1) (a tie counts half), V01 = (0.75, 0.5), AUC 0.625.
        // S10: var a 0.125, var b 0.28125, cov −0.1875; S01: var a 0.125, var b 0.03125, cov −0.0625.
        // Var(A − B) = (0.125 + 0.28125 + 0.375)/2 + (0.125 + 0.03125 + 0.125)/2 = 0.53125.
        var paired = PairedAuc.Of([0.9, 0.4, 0.5, 0.1], [0.3, 0.8, 0.3, 0.6], [true, true, false, false]);
        Assert.Equal(0.75, paired.AucA, 12);
        Assert.Equal(0.625, paired.AucB, 12);
        Assert.Equal(0.125, paired.Difference, 12);
        Assert.Equal(Math.Sqrt(0.53125), paired.StandardError, 12);
        Assert.Equal(0.125 - 1.959963984540054 * Math.Sqrt(0.53125), paired.CiLow, 12);
    }

    [Fact]
    public void DeLong_s_paired_difference_equals_R_on_80_cases_with_ties()
    {
        var cases = CsvRecords.ReadTable(TestFiles.Reference("delong-fixture.csv"));
        double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
        var paired = PairedAuc.Of(cases.Select(c => Number(c["a"])).ToArray(), cases.Select(c => Number(c["b"])).ToArray(),
            cases.Select(c => c["y"] == "1").ToArray());
        var expected = CsvRecords.ReadTable(TestFiles.Reference("delong-expected.csv")).Single();
        Assert.Equal(Number(expected["auc_a"]), paired.AucA, 12);
        Assert.Equal(Number(expected["auc_b"]), paired.AucB, 12);
        Assert.Equal(Number(expected["difference"]), paired.Difference, 12);
        Assert.Equal(Number(expected["se"]), paired.StandardError, 12);
        Assert.Equal(Number(expected["ci_low"]), paired.CiLow, 12);
        Assert.Equal(Number(expected["ci_high"]), paired.CiHigh, 12);
    }

    [Fact]
    public void The_rule_flags_as_many_as_the_model_lowest_composite_first_ties_included()
    {
        // Risks and composites of six returnees; the model flags the risks ≥ 0.6: three (returnees 0, 1, 2).
        double[] risk = [0.9, 0.7, 0.6, 0.3, 0.2, 0.1];
        double[] composite = [0.5, 0.2, 0.6, 0.3, double.NaN, 0.3];
        bool[] low = [true, true, false, true, false, false];
        var rule = RuleComparison.Of(risk, low, composite, threshold: 0.6);
        Assert.Equal(3, rule.Flagged);
        // The missing composite counts as the mean of the others, (0.5 + 0.2 + 0.6 + 0.3 + 0.3)/5 = 0.38.
        Assert.Equal(0.38, rule.CompositeMean, 12);
        // Sorted: 0.2, 0.3, 0.3, 0.38, 0.5, 0.6: the third lowest is 0.3, and both returnees at 0.3 are flagged (1, 3, 5).
        Assert.Equal(0.3, rule.RuleCut, 12);
        Assert.Equal(3, rule.RuleFlagged);
        Assert.Equal(2.0 / 3, rule.RulePrecision, 12);   // 1 and 3 fell low, 5 did not
        Assert.Equal(2.0 / 3, rule.RuleRecall, 12);      // of 0, 1, 3
        // The rule's AUC by hand: scores −composite; positives 0 (−0.5), 1 (−0.2), 3 (−0.3); negatives 2 (−0.6), 4 (−0.38), 5 (−0.3).
        // 0 beats 2 only: 1; 1 beats all: 3; 3 beats 2 and 4, ties 5: 2.5 → 6.5 / 9.
        Assert.Equal(6.5 / 9, rule.RuleAuc, 12);
    }

    [Fact]
    public void A_model_flags_by_the_rule_when_it_does_not_beat_it()
    {
        var model = new RiskModel(new LogisticModel([0.0], 0.0), [0f], [0], ["debt"], threshold: 0.5) { ByRule = true, RuleCut = 0.3, CompositeMean = 0.4 };
        Assert.True(model.Flags(risk: 0.1, composite: 0.25));
        Assert.False(model.Flags(risk: 0.9, composite: 0.35));
        Assert.False(model.Flags(risk: 0.9, composite: double.NaN));   // counts as 0.4
        var byModel = new RiskModel(new LogisticModel([0.0], 0.0), [0f], [0], ["debt"], threshold: 0.5) { RuleCut = 0.3 };
        Assert.True(byModel.Flags(risk: 0.9, composite: 0.9));
        Assert.False(byModel.Flags(risk: 0.1, composite: 0.1));
    }
}
