using Avrr.Analytics.Audit;
using SampleFiles = Avrr.Analytics.Tests.Cli.Samples;

namespace Avrr.Analytics.Tests.Audit;

/// <summary>
/// Above its limit the audit keeps a seeded subsample of the surveys (docs/audit.md, "Memory and time"): only
/// what uses the kept surveys changes (pairs with a dimension or the composite, the uncertainty analysis), and
/// says so; what streams (indicator pairs, statistics, alpha, principal components) is computed on every survey.
/// </summary>
public sealed class KeptSurveysTests
{
    [Fact]
    public void A_subsample_changes_only_what_uses_the_kept_surveys_and_the_notes_say_so()
    {
        var all = ScoredSample.Audit(SampleFiles.Clean, new AuditOptions { Samples = 2 });
        var some = ScoredSample.Audit(SampleFiles.Clean, new AuditOptions { Samples = 2, MaxKeptSurveys = 500 });

        Assert.Equal("false", all.Note("kept_subsample"));
        Assert.Equal("true", some.Note("kept_subsample"));
        var kept = int.Parse(some.Note("kept_surveys")!);
        Assert.InRange(kept, 400, 600);
        Assert.Equal(kept.ToString(), some.Note("uncertainty_surveys"));
        foreach (var (a, b) in all.Correlations.Zip(some.Correlations))
        {
            Assert.Equal((a.A, a.B, a.FromKeptSurveys), (b.A, b.B, b.FromKeptSurveys));
            if (a.FromKeptSurveys) Assert.True(b.Correlation.N < a.Correlation.N, $"{a.A}-{a.B}");
            else Assert.Equal(a.Correlation, b.Correlation);
        }
        Assert.Equal(all.Reliability, some.Reliability);
        Assert.Equal(all.Components, some.Components);
        Assert.Equal(all.IndicatorStats.Select(s => s.Statistics), some.IndicatorStats.Select(s => s.Statistics));
        // The nominal scores are of every survey either way.
        Assert.Equal(all.Ranks.Select(r => r.NominalScore), some.Ranks.Select(r => r.NominalScore));
    }

    [Fact]
    public void The_same_seed_keeps_the_same_surveys()
    {
        AuditResult Keep(int seed) => ScoredSample.Audit(SampleFiles.Clean, new AuditOptions { Samples = 2, MaxKeptSurveys = 500, Seed = seed });
        Assert.Equal(Keep(3).Note("kept_surveys"), Keep(3).Note("kept_surveys"));
        Assert.Equal(Keep(3).Correlations.Select(c => c.Correlation), Keep(3).Correlations.Select(c => c.Correlation));
        Assert.NotEqual(Keep(3).Correlations.Last().Correlation, Keep(4).Correlations.Last().Correlation);
    }
}
