using Avrr.Analytics.Insights.Profiles;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Tests.Insights;

/// <summary>Returnee profiles on planted data: four groups of surveys whose indicator scores centre on four different points.</summary>
public sealed class ProfileTrainingTests
{
    /// <summary>Indicator scores around each planted profile's level of the three dimensions (5 indicators each).</summary>
    private static readonly double[][] Planted =
    [
        [0.8, 0.8, 0.8],
        [0.2, 0.7, 0.6],
        [0.6, 0.5, 0.15],
        [0.2, 0.2, 0.25],
    ];

    private static (List<float[]> Points, List<int> Labels) Surveys(int count, int seed, double noise = 0.08)
    {
        var random = new Random(seed);
        var points = new List<float[]>();
        var labels = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var profile = random.Next(Planted.Length);
            var point = new float[15];
            for (var j = 0; j < 15; j++)
                point[j] = (float)Math.Clamp(Planted[profile][j / 5] + noise * Gaussian(random), 0, 1);
            points.Add(point);
            labels.Add(profile);
        }
        return (points, labels);
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static ProfileModel Train(List<float[]> points, string language = "en", int seed = 7) =>
        ProfileTraining.Train(points, new ProfileFeatures(Scheme.Rss15),
            Scheme.Rss15.Dimensions.Select(d => Scheme.Rss15.Label(d.Labels, d.Id, language)).ToArray(), language, seed)!;

    [Fact]
    public void Four_planted_profiles_are_found_and_recovered_with_an_adjusted_Rand_index_of_at_least_0_9()
    {
        var (points, labels) = Surveys(3000, 11);
        var model = Train(points);
        Assert.Equal(4, model.Profiles.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], model.Selection.Select(s => s.K));
        var assigned = points.Select(p => model.Assign(p)).ToList();
        Assert.True(AdjustedRand.Index(labels, assigned) >= 0.9, $"ARI {AdjustedRand.Index(labels, assigned)}");
    }

    [Fact]
    public void Profiles_are_named_from_their_centroids_in_the_run_language()
    {
        var (points, _) = Surveys(3000, 11);
        // Planted dimension levels (economic, social, psychosocial), a quarter of the surveys each: means 0.45,
        // 0.55, 0.45, standard deviations about 0.26, 0.22, 0.26, so half a deviation is 0.13, 0.11, 0.13. Profile
        // (0.2, 0.7, 0.6) is low economic (−0.25), high social (+0.15) and high psychosocial (+0.15); profile
        // (0.6, 0.5, 0.15) is high economic (+0.15), average social (−0.05), low psychosocial (−0.30).
        // Ordered by the centroid's mean score: 0.8, 0.5, 0.42, 0.22.
        var english = Train(points).Profiles.Select(p => p.Name).ToArray();
        Assert.Equal(["high economic, high social, high psychosocial", "low economic, high social, high psychosocial",
            "high economic, low psychosocial", "low economic, low social, low psychosocial"], english);
        var french = Train(points, "fr").Profiles.Select(p => p.Name).ToArray();
        Assert.Equal(["économique élevé, social élevé, psychosocial élevé", "économique faible, social élevé, psychosocial élevé",
            "économique élevé, psychosocial faible", "économique faible, social faible, psychosocial faible"], french);
    }

    [Fact]
    public void The_same_seed_gives_the_same_profiles()
    {
        var (points, _) = Surveys(2000, 5, noise: 0.2);
        var a = Train(points);
        var b = Train(points);
        Assert.Equal(a.Profiles.SelectMany(p => p.Centroid), b.Profiles.SelectMany(p => p.Centroid));
        Assert.Equal(a.Selection, b.Selection);
    }

    [Fact]
    public void A_missing_indicator_takes_the_mean_of_its_dimension_and_a_dimension_without_any_gives_no_point()
    {
        var features = new ProfileFeatures(Scheme.Rss15);
        var scores = Enumerable.Repeat(0.5, 15).ToArray();
        scores[0] = double.NaN;     // econ_satisfaction
        scores[1] = 0.2;
        scores[2] = 0.3;
        var point = new float[15];
        Assert.True(features.TryPoint(scores, point));
        Assert.Equal((0.2 + 0.3 + 0.5 + 0.5) / 4, point[0], 6);
        for (var i = 5; i < 10; i++) scores[i] = double.NaN;    // every social indicator
        Assert.False(features.TryPoint(scores, point));
    }

    [Fact]
    public void Scores_without_groups_give_one_profile_the_mean_of_every_survey()
    {
        // One blob: every score around 0.5 (sd 0.12), correlated within a dimension as real scores are.
        var random = new Random(21);
        var points = Enumerable.Range(0, 1500).Select(_ =>
        {
            var level = Enumerable.Range(0, 3).Select(_ => 0.5 + 0.1 * Gaussian(random)).ToArray();
            return Enumerable.Range(0, 15).Select(j => (float)Math.Clamp(level[j / 5] + 0.07 * Gaussian(random), 0, 1)).ToArray();
        }).ToList();
        var model = Train(points);
        Assert.False(model.Distinct);
        var profile = Assert.Single(model.Profiles);
        Assert.Equal("average in every dimension", profile.Name);
        for (var j = 0; j < 15; j++) Assert.Equal(points.Average(p => (double)p[j]), profile.Centroid[j], 5);
        Assert.Equal(1, model.Selection.Where(g => g.K == 1).Single().K);
        Assert.Equal(500, model.GapSurveys);
    }

    [Fact]
    public void The_gap_of_four_planted_profiles_is_largest_near_4_and_its_rule_stops_there()
    {
        var (points, _) = Surveys(1200, 13, noise: 0.1);
        var model = Train(points);
        Assert.Equal(4, model.Profiles.Count);
        // Tibshirani's rule: k = 4 is the first k whose gap is at least the next one's less its standard error.
        var gaps = model.Selection.ToDictionary(g => g.K);
        double Less(int k) => gaps[k].StandardError;
        for (var k = 1; k < 4; k++) Assert.True(gaps[k].Gap < gaps[k + 1].Gap - Less(k + 1), $"k = {k}");
        Assert.True(gaps[4].Gap >= gaps[5].Gap - Less(5));
    }
}
