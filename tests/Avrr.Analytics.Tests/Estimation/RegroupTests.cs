using Avrr.Analytics.Estimation;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// A run adds each survey to one cell and merges cells into the groups of every level; that must give
/// the estimates (and the differences between groups) of adding every survey to its groups directly (checked
/// against R in the reference tests).
/// </summary>
public sealed class RegroupTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Merging_cells_gives_the_estimates_of_adding_surveys_to_their_groups(bool clustered, bool stratified)
    {
        var random = new Random(11);
        var directDesign = new SurveyDesign(clustered, stratified);
        var cellDesign = new SurveyDesign(clustered, stratified);
        var direct = new DomainEstimator(directDesign, 2, BandCuts.Default, crossMeasures: [0, 1]);
        var cells = new DomainEstimator(cellDesign, 2, BandCuts.Default, crossMeasures: [0, 1]);
        // Cells: 3 countries × 4 communities; groups: all (0), country (1–3), country+community (4–15).
        for (var i = 0; i < 3000; i++)
        {
            var country = random.Next(3);
            var community = random.Next(4);
            var stratum = random.Next(3);
            var cluster = country * 4 + community + 12 * random.Next(2);
            double[] values =
            [
                random.NextDouble() < 0.1 ? double.NaN : Math.Round(random.NextDouble() * 120) / 120,
                random.NextDouble() < 0.1 ? double.NaN : 0.4 + 0.01 * random.Next(5),
            ];
            var weight = 0.5 + random.NextDouble() * 2;
            var directPsu = directDesign.AddSurvey(stratum, cluster);
            direct.Add([0, 1 + country, 4 + country * 4 + community], stratum, directPsu, weight, values);
            cells.Add(country * 4 + community, stratum, cellDesign.AddSurvey(stratum, cluster), weight, values);
        }
        var merged = cells.Regroup(cell => new[] { 0, 1 + cell / 4, 4 + cell });
        for (var domain = 0; domain < 16; domain++)
            for (var measure = 0; measure < 2; measure++)
            {
                var expected = direct.Estimate(domain, measure, minCell: 1);
                var actual = merged.Estimate(domain, measure, minCell: 1);
                Assert.Equal(expected.Rows, actual.Rows);
                Assert.Equal(expected.N, actual.N);
                foreach (var (e, a) in new[]
                {
                    (expected.WeightSum, actual.WeightSum), (expected.Mean, actual.Mean), (expected.StandardError, actual.StandardError),
                    (expected.EffectiveN, actual.EffectiveN), (expected.Median, actual.Median), (expected.P25, actual.P25),
                    (expected.P75, actual.P75), (expected.ShareLow, actual.ShareLow), (expected.ShareHigh, actual.ShareHigh),
                })
                    Assert.True(Math.Abs(e - a) <= 1e-12 * Math.Max(1, Math.Abs(e)), $"domain {domain} measure {measure}: {e:R} vs {a:R}");
            }

        // Differences too: a country against all, a community against its country, two communities, two measures of a country.
        foreach (var (domain, m, reference, rm, overlap) in new[]
        {
            (1, 0, 0, 0, DomainOverlap.Nested), (5, 1, 1, 1, DomainOverlap.Nested), (4, 0, 9, 0, DomainOverlap.Disjoint),
            (2, 0, 2, 1, DomainOverlap.SameSurveys), (7, 1, 7, 0, DomainOverlap.SameSurveys),
        })
        {
            var expected = direct.Difference(domain, m, reference, rm, overlap, minCell: 1);
            var actual = merged.Difference(domain, m, reference, rm, overlap, minCell: 1);
            Assert.Equal(expected.N, actual.N);
            Assert.Equal(expected.Psus, actual.Psus);
            foreach (var (e, a) in new[] { (expected.Estimate, actual.Estimate), (expected.StandardError, actual.StandardError), (expected.CiLow, actual.CiLow) })
                Assert.True(Math.Abs(e - a) <= 1e-12 * Math.Max(1, Math.Abs(e)), $"difference {domain}/{m} − {reference}/{rm}: {e:R} vs {a:R}");
            Assert.True(expected.StandardError > 0);
        }
    }
}
