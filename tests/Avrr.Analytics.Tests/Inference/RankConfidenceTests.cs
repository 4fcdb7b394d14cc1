using System.Globalization;
using Avrr.Analytics.Inference;

namespace Avrr.Analytics.Tests.Inference;

/// <summary>
/// Confidence sets for ranks (Mogstad, Romano, Shaikh and Wilhelm 2024; docs/audit.md "Ranks with sampling error"): the
/// engine's sets equal those of an R implementation written independently from the paper (Reference/rank-confidence.R),
/// they are wider for overlapping estimates than for separated ones, and in a simulation with planted true means and
/// standard errors estimated from each sample, the joint sets hold every group's true rank at once in at least 95% of
/// the samples (Reference/rank-coverage-simulation.R gives the same check in R, with its numbers).
/// </summary>
public sealed class RankConfidenceTests
{
    [Fact]
    public void The_sets_and_critical_values_equal_the_independent_R_implementation()
    {
        var rows = CsvRecords.ReadTable(TestFiles.Reference("rank-confidence-expected.csv"));
        double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        var marginal = rows.Where(r => r["kind"] == "marginal").ToArray();
        var estimates = marginal.Select(r => D(r["estimate"])).ToArray();
        var errors = marginal.Select(r => D(r["se"])).ToArray();
        var (sets, joint, marginalCritical) = RankConfidence.Of(estimates, errors, 0.95, draws: 200_000, seed: 5);
        // R's joint value comes from 400,000 draws of its own generator: the two agree within their Monte Carlo error.
        Assert.Equal(D(rows.First(r => r["kind"] == "joint")["critical"]), joint, 0.03);
        for (var j = 0; j < marginal.Length; j++)
        {
            Assert.Equal(D(marginal[j]["critical"]), marginalCritical[j], 1e-6);   // both exact: Simpson's rule here, integrate() in R
            var jointRow = rows.Single(r => r["kind"] == "joint" && r["group"] == marginal[j]["group"]);
            Assert.Equal((int.Parse(marginal[j]["rank"], CultureInfo.InvariantCulture), int.Parse(marginal[j]["rank_lower"], CultureInfo.InvariantCulture),
                int.Parse(marginal[j]["rank_upper"], CultureInfo.InvariantCulture)), (sets[j].Rank, sets[j].MarginalLower, sets[j].MarginalUpper));
            Assert.Equal((int.Parse(jointRow["rank_lower"], CultureInfo.InvariantCulture), int.Parse(jointRow["rank_upper"], CultureInfo.InvariantCulture)),
                (sets[j].JointLower, sets[j].JointUpper));
        }
    }

    [Fact]
    public void The_sets_are_wider_for_overlapping_estimates_than_for_separated_ones()
    {
        double[] errors = [0.02, 0.02, 0.02, 0.02];
        var overlapping = RankConfidence.Of([0.53, 0.52, 0.51, 0.50], errors).Sets;
        var separated = RankConfidence.Of([0.80, 0.60, 0.40, 0.20], errors).Sets;
        for (var j = 0; j < 4; j++)
        {
            Assert.Equal((j + 1, j + 1, j + 1, j + 1), (separated[j].JointLower, separated[j].JointUpper, separated[j].MarginalLower, separated[j].MarginalUpper));
            Assert.True(overlapping[j].JointUpper - overlapping[j].JointLower > 0, $"group {j}: {overlapping[j]}");
            Assert.True(overlapping[j].MarginalUpper - overlapping[j].MarginalLower > 0, $"group {j}: {overlapping[j]}");
        }
        // Every overlapping set spans all four ranks; and the joint set is never narrower than the marginal one.
        Assert.All(overlapping, s => Assert.Equal((1, 4), (s.JointLower, s.JointUpper)));
        var mixed = RankConfidence.Of([0.61, 0.60, 0.45, 0.30, 0.29], [0.01, 0.01, 0.01, 0.01, 0.01]).Sets;
        Assert.All(mixed, s => Assert.True(s.JointLower <= s.MarginalLower && s.JointUpper >= s.MarginalUpper));
        Assert.Equal((3, 3), (mixed[2].JointLower, mixed[2].JointUpper));
        Assert.Equal((1, 2), (mixed[0].JointLower, mixed[0].JointUpper));
    }

    [Fact]
    public void In_a_planted_simulation_the_joint_sets_hold_every_true_rank_at_once_in_at_least_95_percent_of_samples()
    {
        // Five groups with planted true means (two pairs close: 0.560/0.555 and 0.500/0.495), 60–200 surveys each with
        // scores N(mean, 0.2); each sample's means and standard errors (sd / √n) estimated from its own surveys.
        double[] truth = [0.600, 0.560, 0.555, 0.500, 0.495];
        int[] sizes = [60, 120, 200, 80, 150];
        var trueRank = truth.Select(t => 1 + truth.Count(u => u > t)).ToArray();
        var random = new Random(26);
        const int samples = 400;
        int joint = 0;
        var marginal = new int[truth.Length];
        for (var s = 0; s < samples; s++)
        {
            var means = new double[truth.Length];
            var errors = new double[truth.Length];
            for (var g = 0; g < truth.Length; g++)
            {
                var x = Enumerable.Range(0, sizes[g]).Select(_ => truth[g] + 0.2 * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)).ToArray();
                means[g] = x.Average();
                errors[g] = Math.Sqrt(x.Sum(v => (v - means[g]) * (v - means[g])) / (x.Length - 1) / x.Length);
            }
            var sets = RankConfidence.Of(means, errors, 0.95, draws: 4000, seed: s + 1).Sets;
            if (Enumerable.Range(0, truth.Length).All(g => sets[g].JointLower <= trueRank[g] && trueRank[g] <= sets[g].JointUpper)) joint++;
            for (var g = 0; g < truth.Length; g++)
                if (sets[g].MarginalLower <= trueRank[g] && trueRank[g] <= sets[g].MarginalUpper) marginal[g]++;
        }
        Assert.True(joint >= 0.95 * samples, $"joint coverage {joint} of {samples}");
        // Marginal: at least 95% each, less three Monte Carlo standard errors of a share of 400 (0.033).
        Assert.All(marginal, m => Assert.True(m >= 0.917 * samples, $"marginal coverage {m} of {samples}"));
    }
}
