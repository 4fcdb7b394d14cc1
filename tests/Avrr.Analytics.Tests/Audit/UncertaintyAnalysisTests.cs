using Avrr.Analytics.Audit;
using Avrr.Analytics.Grouping;
using SampleFiles = Avrr.Analytics.Tests.Cli.Samples;
using AvrrCli = Avrr.Analytics.Tests.Cli.Avrr;

namespace Avrr.Analytics.Tests.Audit;

/// <summary>
/// The uncertainty and sensitivity analysis (docs/audit.md): with no noise and every assumption fixed it
/// gives exactly the nominal ranking with intervals of zero width; the same seed gives the same result and
/// another seed another; the nominal scores are the groups' design-weighted mean composites.
/// </summary>
public sealed class UncertaintyAnalysisTests
{
    private static readonly Level Communities = Level.Parse("country+community");

    [Fact]
    public void No_noise_and_every_assumption_fixed_give_exactly_the_nominal_ranking_with_zero_width_intervals()
    {
        var audit = ScoredSample.Audit(SampleFiles.Sample, new AuditOptions
        {
            Level = Communities, Samples = 16, WeightSpread = 0, Varied = new HashSet<Assumption>(),
        });
        Assert.Equal("done", audit.Note("uncertainty"));
        Assert.Equal("16", audit.Note("uncertainty_runs"));
        var ranked = audit.Ranks.Where(r => !r.Suppressed).ToList();
        Assert.True(ranked.Count > 10);
        Assert.Equal(Enumerable.Range(1, ranked.Count).Select(r => (double)r), ranked.Select(r => r.NominalRank).Order());
        foreach (var row in ranked)
        {
            Assert.Equal(row.NominalRank, row.MedianRank);
            Assert.Equal(row.NominalRank, row.RankLow);
            Assert.Equal(row.NominalRank, row.RankHigh);
            Assert.Equal(row.NominalScore, row.ScoreLow);
            Assert.Equal(row.NominalScore, row.ScoreHigh);
        }
        Assert.Empty(audit.Sensitivity);
    }

    [Fact]
    public void Weights_varied_with_no_noise_change_nothing_either()
    {
        var audit = ScoredSample.Audit(SampleFiles.Sample, new AuditOptions
        {
            Level = Communities, Samples = 8, WeightSpread = 0, Varied = new HashSet<Assumption> { Assumption.Weights },
        });
        Assert.All(audit.Ranks.Where(r => !r.Suppressed), r => Assert.Equal((r.NominalRank, r.NominalScore), (r.RankHigh, r.ScoreHigh)));
        Assert.All(audit.Ranks.Where(r => !r.Suppressed), r => Assert.Equal((r.NominalRank, r.NominalScore), (r.RankLow, r.ScoreLow)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_analysis_and_another_seed_another()
    {
        AuditResult Run(int seed) => ScoredSample.Audit(SampleFiles.Sample, new AuditOptions { Level = Communities, Samples = 16, Seed = seed });
        var (first, again, other) = (Run(7), Run(7), Run(8));
        static string Text(AuditResult a) => string.Join("\n", a.Ranks.Select(r => string.Join("|", r.Group) + (r with { Group = [] })));
        Assert.Equal(Text(first), Text(again));
        Assert.Equal(first.Sensitivity, again.Sensitivity);
        Assert.NotEmpty(first.Sensitivity);
        Assert.Contains(first.Sensitivity, s => (double.IsFinite(s.Total) && s.Total > 0) || s.TotalWithheld is not null);
        Assert.NotEqual(first.Sensitivity, other.Sensitivity);
    }

    [Fact]
    public void Every_sensitivity_index_shown_is_a_share_within_its_total_and_its_bound_and_every_other_has_its_reason()
    {
        // Communities: a ranking that moves under the choices varied, at the default 256 base samples.
        var options = new AuditOptions { Level = Communities };
        var audit = ScoredSample.Audit(SampleFiles.Sample, options);
        Assert.Equal(5, audit.Sensitivity.Count);
        Assert.Contains(audit.Sensitivity, s => double.IsFinite(s.Total));
        foreach (var s in audit.Sensitivity)
        {
            foreach (var (value, low, high, why) in new[] { (s.FirstOrder, s.FirstOrderLow, s.FirstOrderHigh, s.FirstOrderWithheld), (s.Total, s.TotalLow, s.TotalHigh, s.TotalWithheld) })
            {
                if (double.IsNaN(value)) { Assert.NotNull(why); Assert.True(double.IsNaN(low) && double.IsNaN(high)); continue; }
                Assert.Null(why);
                Assert.InRange(value, 0, 1);
                Assert.InRange(high - low, 0, options.SobolMaxIntervalWidth);
            }
            if (double.IsFinite(s.FirstOrder) && double.IsFinite(s.Total)) Assert.True(s.FirstOrder <= s.Total, $"{s.Assumption}: {s.FirstOrder} > {s.Total}");
        }
        Assert.Equal("1792", audit.Note("uncertainty_runs"));
        Assert.Equal("512", audit.Note("sensitivity_ab_runs"));
    }

    [Fact]
    public void Above_the_budget_of_survey_variants_the_variants_are_scored_on_a_seeded_subsample()
    {
        var options = new AuditOptions { Samples = 8, MaxSurveyVariants = 56 * 1000 };
        var audit = ScoredSample.Audit(SampleFiles.Sample, options);
        var used = long.Parse(audit.Note("uncertainty_surveys")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(used, 800, 1170);   // about 56,000 / 57 = 982 of the kept surveys
        Assert.True(long.Parse(audit.Note("kept_surveys")!, System.Globalization.CultureInfo.InvariantCulture) > used + 500);
        Assert.Equal(audit.Ranks.Select(r => r.MedianRank), ScoredSample.Audit(SampleFiles.Sample, options).Ranks.Select(r => r.MedianRank));
    }

    [Fact]
    public void The_nominal_score_of_a_group_is_its_weighted_mean_composite_in_aggregates()
    {
        // The clean sample: the library reads it as the runner does (no duplicate to reject).
        var audit = ScoredSample.Audit(SampleFiles.Clean, new AuditOptions { Samples = 4 });
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        AvrrCli.Expect(0, "run", SampleFiles.Clean, "--out", out_, "--quiet", "--no-audit", "--formats", "csv");
        var means = CsvRecords.ReadTable(Path.Combine(out_, "aggregates.csv"))
            .Where(r => r["level"] == "country" && r["measure"] == "composite")
            .ToDictionary(r => r["country"], r => double.Parse(r["mean"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(means.Count, audit.Ranks.Count);
        foreach (var row in audit.Ranks) Assert.Equal(means[row.Group[0]], row.NominalScore, 1e-12);
    }

    [Fact]
    public void Ranks_put_the_highest_score_first_and_ties_share_the_best_rank()
    {
        var ranks = UncertaintyAnalysis.Ranks([0.5, 0.7, 0.5, double.NaN, 0.2], [true, true, true, true, false]);
        Assert.Equal([2, 1, 2, double.NaN, double.NaN], ranks);
    }

    [Fact]
    public void Quantiles_are_those_of_R_type_7()
    {
        // quantile(c(1, 2, 4, 8), c(0.05, 0.5, 0.95)) in R: 1.15, 3, 7.4
        double[] values = [1, 2, 4, 8];
        Assert.Equal(1.15, Quantiles.Type7(values, 0.05), 12);
        Assert.Equal(3, Quantiles.Type7(values, 0.5), 12);
        Assert.Equal(7.4, Quantiles.Type7(values, 0.95), 12);
    }
}
