using Avrr.Analytics.Insights.Drivers;
using Avrr.Analytics.Insights.Learning;

namespace Avrr.Analytics.Tests.Insights;

/// <summary>Both driver models on planted data (<see cref="PlantedDrivers"/>): the planted driver first, the noise attribute not significant.</summary>
public sealed class DriverRankingTests
{
    [Fact]
    public void The_planted_driver_is_ranked_first_by_the_linear_model_and_the_noise_attribute_is_not_significant_at_5_percent()
    {
        var fit = PlantedDrivers.Linear(PlantedDrivers.Surveys(3000, 2026));
        Assert.Equal("assistance_type", fit.TermsByStrength[0].Term);
        Assert.True(fit.Terms.Single(t => t.Term == "noise").P > 0.05);
        Assert.All(fit.Coefficients.Where(c => c.Term == "noise"), c => Assert.True(c.P > 0.05, $"noise {c.Level}: p = {c.P}"));
        // The planted effects are found within their intervals.
        var economic = fit.Coefficients.Single(c => c.Level == "economic");
        Assert.InRange(0.15, economic.CiLow, economic.CiHigh);
        Assert.Equal("cash", economic.Reference);
    }

    [Fact]
    public void The_planted_driver_is_ranked_first_by_the_permutation_importance_of_the_tree_model()
    {
        var surveys = PlantedDrivers.Surveys(3000, 2026);
        var trees = TreeImportance.Estimate(PlantedDrivers.Terms, surveys.Select(s => s.Levels).ToArray(), surveys.Select(s => s.Outcome).ToArray(),
            MlNetLearning.Instance, seed: 1)!;
        Assert.Equal("assistance_type", trees.Importance[0].Feature);
        Assert.Equal(TreeImportance.DefaultRepeats, trees.Importance[0].Repeats);
        Assert.True(trees.Importance[0].Mean > 5 * Math.Abs(trees.Importance.Single(i => i.Feature == "noise").Mean));
        Assert.Equal(600, trees.HoldoutRows);
    }

    [Fact]
    public void The_same_seed_gives_the_same_importances()
    {
        var surveys = PlantedDrivers.Surveys(1000, 3);
        TreeDrivers Run() => TreeImportance.Estimate(PlantedDrivers.Terms, surveys.Select(s => s.Levels).ToArray(), surveys.Select(s => s.Outcome).ToArray(),
            MlNetLearning.Instance, seed: 9)!;
        Assert.Equal(Run().Importance, Run().Importance);
    }
}
