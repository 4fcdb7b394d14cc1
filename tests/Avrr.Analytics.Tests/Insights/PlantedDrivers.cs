using Avrr.Analytics.Estimation;
using Avrr.Analytics.Insights.Drivers;

namespace Avrr.Analytics.Tests.Insights;

/// <summary>
/// Surveys with planted drivers, from a seeded generator: the outcome is 0.5 plus an effect of the
/// assistance type (strong: 0, +0.15, +0.05, +0.10), of sex (small: +0.03 for one of them) and a cluster
/// effect, plus noise; the attribute "noise" has no effect at all. 60 clusters, weights in 0.5..2.
/// </summary>
internal static class PlantedDrivers
{
    public static readonly FactorTerm[] Terms =
    [
        new("assistance_type", ["cash", "economic", "psychosocial", "social"]),
        new("noise", ["a", "b", "c"]),
        new("sex", ["female", "male"]),
    ];

    private static readonly double[] AssistanceEffect = [0, 0.15, 0.05, 0.10];

    public sealed record Survey(int Cluster, double Weight, int[] Levels, double Outcome);

    public static List<Survey> Surveys(int count, int seed)
    {
        var random = new Random(seed);
        var clusterEffect = Enumerable.Range(0, 60).Select(_ => 0.03 * ProfileTrainingTests.Gaussian(random)).ToArray();
        return Enumerable.Range(0, count).Select(_ =>
        {
            var cluster = random.Next(60);
            int[] levels = [random.Next(4), random.Next(3), random.Next(2)];
            var y = 0.5 + AssistanceEffect[levels[0]] + 0.03 * levels[2] + clusterEffect[cluster] + 0.12 * ProfileTrainingTests.Gaussian(random);
            return new Survey(cluster, 0.5 + 1.5 * random.NextDouble(), levels, y);
        }).ToList();
    }

    public static LinearFit Linear(List<Survey> surveys)
    {
        var model = new SurveyLinearModel(new TreatmentCoding(Terms), 1);
        var design = new SurveyDesign(clustered: true, stratified: false);
        var cells = surveys.Select(s => model.CellOf(s.Levels)).ToArray();
        for (var i = 0; i < surveys.Count; i++)
        {
            design.AddSurvey(0, surveys[i].Cluster);
            model.Add(0, cells[i], surveys[i].Weight, [surveys[i].Outcome]);
        }
        model.Solve();
        for (var i = 0; i < surveys.Count; i++) model.AddResidual(0, surveys[i].Cluster, cells[i], surveys[i].Weight, [surveys[i].Outcome]);
        return model.Fit(design)[0];
    }
}
