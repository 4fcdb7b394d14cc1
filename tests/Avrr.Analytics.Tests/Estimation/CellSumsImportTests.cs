using Avrr.Analytics.Estimation;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// The sums of estimators over parts of a sample, exported and imported into one (docs/partials.md), give the
/// estimates of one estimator over the whole sample added in the same order: counts exactly, quantiles to the last
/// bit (with weights such as 0.93, whose sums round), every other statistic and every difference to 1e-12, in the
/// four designs; the PSUs of the parts are matched by their stratum and cluster, so a PSU in two parts counts once.
/// </summary>
public sealed class CellSumsImportTests
{
    /// <summary>The sums of one part, as a partial holds them.</summary>
    private sealed class Recorded : ICellSums
    {
        public readonly List<Action<ICellSums, Func<int, int>, Func<int, int>>> Calls = [];

        public void Cell(int cell, long rows) => Calls.Add((s, _, _) => s.Cell(cell, rows));
        public void Measure(int cell, int measure, in CellMeasureSums sums) { var x = sums; Calls.Add((s, _, _) => s.Measure(cell, measure, x)); }
        public void Stratum(int cell, int measure, int stratum, in CellStratumSums sums) { var x = sums; Calls.Add((s, h, _) => s.Stratum(cell, measure, h(stratum), x)); }
        public void Psu(int cell, int measure, int psu, in CellPsuSums sums) { var x = sums; Calls.Add((s, _, p) => s.Psu(cell, measure, p(psu), x)); }
        public void Value(int cell, int measure, in CellValueSums sums) { var x = sums; Calls.Add((s, _, _) => s.Value(cell, measure, x)); }
        public void Pair(int cell, int stratum, int first, int second, in CellPairSums sums) { var x = sums; Calls.Add((s, h, _) => s.Pair(cell, h(stratum), first, second, x)); }
    }

    private sealed record Survey(int Part, int Cell, int Stratum, int Cluster, double Weight, double[] Values);

    private static DomainEstimator Estimator(SurveyDesign design) => new(design, 3, BandCuts.Default, crossMeasures: [1, 2]);

    /// <summary>An estimator over some surveys, in the order given.</summary>
    private static DomainEstimator Over(IEnumerable<Survey> surveys, bool clustered, bool stratified, out SurveyDesign design)
    {
        design = new SurveyDesign(clustered, stratified);
        var estimator = Estimator(design);
        foreach (var s in surveys) estimator.Add(s.Cell, s.Stratum, design.AddSurvey(s.Stratum, s.Cluster), s.Weight, s.Values);
        return estimator;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Parts_imported_into_one_estimator_give_the_estimates_of_the_whole_sample(bool clustered, bool stratified)
    {
        var random = new Random(5);
        var surveys = Enumerable.Range(0, 4000).Select(_ =>
        {
            var cell = random.Next(12);
            return new Survey(random.Next(3), cell, random.Next(4), cell + 12 * random.Next(3),   // PSUs shared by the parts
                Math.Round(0.5 + random.NextDouble() * 2, 2),
                [
                    Math.Round(random.NextDouble() * 60) / 60,
                    random.NextDouble() < 0.1 ? double.NaN : 0.25 * random.Next(5),
                    random.NextDouble() < 0.1 ? double.NaN : Math.Round(random.NextDouble() * 12) / 12,
                ]);
        }).ToArray();
        // The single estimator sees part 0's surveys, then part 1's, then part 2's: the order of the merge.
        var inOrder = Over(surveys.OrderBy(s => s.Part), clustered, stratified, out _);
        var mergedDesign = new SurveyDesign(clustered, stratified);
        var merged = Estimator(mergedDesign);
        for (var p = 0; p < 3; p++)
        {
            var part = Over(surveys.Where(s => s.Part == p), clustered, stratified, out var design);
            var psus = new Dictionary<int, int>();
            if (clustered) foreach (var (psu, stratum, cluster) in design.Psus()) psus[psu] = mergedDesign.AddSurvey(stratum, cluster);
            else for (var h = 0; h < design.StratumCount; h++) mergedDesign.AddSurveys(h, design.PsuCount(h));
            var recorded = new Recorded();
            part.Export(recorded);
            var import = merged.Import(part.Surveys, part.WeightScale);
            foreach (var call in recorded.Calls) call(import, h => h, psu => psus[psu]);
        }
        Assert.Equal(inOrder.Design.DegreesOfFreedom, mergedDesign.DegreesOfFreedom);

        for (var cell = 0; cell < 12; cell++)
            for (var m = 0; m < 3; m++)
            {
                var (e, a) = (inOrder.Estimate(cell, m, 1), merged.Estimate(cell, m, 1));
                Assert.Equal((e.Rows, e.N, e.Psus, e.DegreesOfFreedom), (a.Rows, a.N, a.Psus, a.DegreesOfFreedom));
                Assert.Equal((e.Median, e.P25, e.P75), (a.Median, a.P25, a.P75));
                foreach (var (x, y) in new[] { (e.WeightSum, a.WeightSum), (e.Mean, a.Mean), (e.StandardError, a.StandardError), (e.EffectiveN, a.EffectiveN),
                    (e.ShareLow, a.ShareLow), (e.ShareMedium, a.ShareMedium), (e.ShareHigh, a.ShareHigh), (e.CiLow, a.CiLow) })
                    Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), $"cell {cell} measure {m}: {x:R} vs {y:R}");
            }
        // Differences: two cells (disjoint), and two measures of one cell (the cross-products, without clusters).
        foreach (var (d1, m1, d2, m2, overlap) in new[] { (0, 0, 5, 0, DomainOverlap.Disjoint), (3, 1, 3, 2, DomainOverlap.SameSurveys), (7, 2, 7, 1, DomainOverlap.SameSurveys) })
        {
            var (e, a) = (inOrder.Difference(d1, m1, d2, m2, overlap, 1), merged.Difference(d1, m1, d2, m2, overlap, 1));
            Assert.True(Math.Abs(e.Estimate - a.Estimate) <= 1e-12 && Math.Abs(e.StandardError - a.StandardError) <= 1e-12, $"{e} vs {a}");
        }
        // Groups of cells (a level's) too: Regroup of the merged cells is Regroup of the single estimator's.
        var (groupsE, groupsA) = (inOrder.Regroup(c => new[] { c % 3 }), merged.Regroup(c => new[] { c % 3 }));
        for (var g = 0; g < 3; g++) Assert.Equal(groupsE.Estimate(g, 0, 1).Median, groupsA.Estimate(g, 0, 1).Median);
    }

    [Fact]
    public void Parts_of_extreme_equal_weights_merge_into_the_estimates_of_weights_of_1()
    {
        var random = new Random(3);
        var surveys = Enumerable.Range(0, 500).Select(_ => (Part: random.Next(2), Cell: random.Next(4), Value: Math.Round(random.NextDouble() * 20) / 20)).ToArray();
        DomainEstimator Merged(double weight)
        {
            var design = SurveyDesign.WeightsOnly();
            var merged = new DomainEstimator(design, 1, BandCuts.Default);
            for (var p = 0; p < 2; p++)
            {
                var partDesign = SurveyDesign.WeightsOnly();
                var part = new DomainEstimator(partDesign, 1, BandCuts.Default);
                foreach (var s in surveys.Where(s => s.Part == p)) part.Add(s.Cell, 0, partDesign.AddSurvey(0, 0), weight, [s.Value]);
                design.AddSurveys(0, partDesign.PsuCount(0));
                var recorded = new Recorded();
                part.Export(recorded);
                var import = merged.Import(part.Surveys, part.WeightScale);
                foreach (var call in recorded.Calls) call(import, h => h, psu => psu);
            }
            return merged;
        }
        var (ones, extreme) = (Merged(1), Merged(1e160));
        Assert.Equal(1e160, extreme.WeightScale);
        for (var cell = 0; cell < 4; cell++)
        {
            var (e, a) = (ones.Estimate(cell, 0, 1), extreme.Estimate(cell, 0, 1));
            Assert.Equal((e.Mean, e.StandardError, e.Median, e.ShareHigh), (a.Mean, a.StandardError, a.Median, a.ShareHigh));
            Assert.Equal(e.WeightSum * 1e160, a.WeightSum, 1e150);
        }
    }
}
