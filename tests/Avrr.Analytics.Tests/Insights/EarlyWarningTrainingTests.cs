using Avrr.Analytics.Insights.EarlyWarning;
using Avrr.Analytics.Insights.Learning;

namespace Avrr.Analytics.Tests.Insights;

/// <summary>
/// The early warning on planted panels: 20 baseline features in 0..1 (four per "indicator"); the chance of a
/// low follow-up is logistic(−1 + 6·(0.5 − x0) + 4·(0.5 − x5)) with the signal, and 30% regardless of the
/// features without it.
/// </summary>
public sealed class EarlyWarningTrainingTests
{
    private static readonly int[] IndicatorOf = Enumerable.Range(0, 20).Select(j => j / 4).ToArray();
    private static readonly string[] Indicators = ["debt", "employment", "housing", "wellbeing", "safety"];

    private static List<PanelCase> Cases(int count, int seed, bool signal)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var x = Enumerable.Range(0, 20).Select(_ => (float)random.NextDouble()).ToArray();
            if (random.NextDouble() < 0.05) x[random.Next(20)] = float.NaN;
            var p = signal ? 1 / (1 + Math.Exp(-(-1 + 6 * (0.5 - x[0]) + 4 * (0.5 - x[5])))) : 0.3;
            if (float.IsNaN(x[0]) || float.IsNaN(x[5])) p = 0.3;
            return new PanelCase(x, random.NextDouble() < p, (ulong)random.NextInt64());
        }).ToList();
    }

    private static EarlyWarningResult Train(List<PanelCase> cases) =>
        EarlyWarningTraining.Train(cases, IndicatorOf, Indicators, MlNetLearning.Instance, seed: 4, minCell: 5);

    [Fact]
    public void A_planted_baseline_signal_gives_a_cross_validated_AUC_of_at_least_0_8()
    {
        var result = Train(Cases(1500, 1, signal: true));
        Assert.NotNull(result.Model);
        Assert.True(result.Quality!.Auc >= 0.8, $"AUC {result.Quality.Auc}");
        Assert.InRange(result.Quality.Brier, 0, 0.2);
        Assert.Equal(1500, result.TrainReturnees);
        Assert.Equal(10, result.Quality.Bins.Count);
        Assert.Equal(1500, result.Quality.Bins.Sum(b => b.Returnees));
    }

    [Fact]
    public void Pure_noise_gives_a_cross_validated_AUC_near_0_5()
    {
        var result = Train(Cases(1500, 2, signal: false));
        Assert.InRange(result.Quality!.Auc, 0.43, 0.57);
    }

    [Fact]
    public void A_returnee_low_on_the_planted_indicator_gets_a_high_risk_explained_by_that_indicator()
    {
        var model = Train(Cases(1500, 1, signal: true)).Model!;
        var features = Enumerable.Repeat(0.5f, 20).ToArray();
        features[0] = 0.02f;
        var factors = new int[3];
        var risk = model.Score(features, new double[5], factors);
        Assert.True(risk > 0.7, $"risk {risk}");
        Assert.Equal("debt", Indicators[factors[0]]);
    }

    [Fact]
    public void Fewer_than_200_panel_returnees_train_nothing_and_say_so()
    {
        var result = Train(Cases(199, 1, signal: true));
        Assert.Null(result.Model);
        Assert.Contains("199 returnees", result.Reason);
        Assert.Contains("at least 200", result.Reason);
    }

    [Theory]
    [InlineData(3, "fewer than 5 (min-cell) of 300 panel returnees fell in the low band")]
    [InlineData(297, "fewer than 5 (min-cell) of 300 panel returnees did not fall in the low band")]
    public void Too_few_on_either_side_train_nothing_and_the_reason_names_no_count_under_min_cell(int low, string reason)
    {
        var cases = Cases(300, 3, signal: false).Select((c, i) => c with { Low = i < low }).ToList();
        var result = Train(cases);
        Assert.Null(result.Model);
        Assert.StartsWith(reason, result.Reason);
        Assert.DoesNotContain($"{Math.Min(low, 300 - low)} ", result.Reason);
        var few = Train(Cases(4, 1, signal: true));
        Assert.Equal("fewer than 5 returnees have a baseline and a follow-up; at least 200 are needed", few.Reason);
    }

    [Fact]
    public void The_area_under_the_curve_counts_ties_as_half_and_precision_is_empty_when_nothing_is_flagged()
    {
        // Hand calculation: risks 0.1 (no), 0.4 (yes), 0.4 (no), 0.8 (yes): of the 4 yes/no pairs, 0.4 > 0.1,
        // 0.8 > 0.1, 0.8 > 0.4 win and 0.4 = 0.4 ties: AUC = 3.5 / 4.
        var quality = ClassifierQuality.Of([0.1, 0.4, 0.4, 0.8], [false, true, false, true]);
        Assert.Equal(0.875, quality.Auc, 12);
        Assert.Equal((0.01 + 0.36 + 0.16 + 0.04) / 4, quality.Brier, 12);
        // F1 at 0.8: 2/(1+2) = 0.667; at 0.4: 4/(3+2) = 0.8; at 0.1: 4/(4+2) = 0.667 → threshold 0.4.
        Assert.Equal(0.4, quality.Threshold);
        Assert.Equal(2.0 / 3, quality.Precision, 12);
        Assert.Equal(1.0, quality.Recall);
        var none = ClassifierQuality.Of([0.1, 0.2], [false, false]);
        Assert.True(double.IsNaN(none.Auc));
        Assert.True(double.IsNaN(none.Recall));
    }
}
