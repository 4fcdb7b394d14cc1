using System.Text;
using System.Text.Json.Nodes;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;
using Avrr.Analytics.Tests.Schemes;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>
/// Properties of scoring over 2,000 random surveys (seeded, about 15% missing answers): scores stay in
/// 0..1; the order of questions inside an indicator does not matter; multiplying every weight of one
/// level by the same constant does not matter.
/// </summary>
public sealed class ScoringPropertyTests
{
    private const int Surveys = 2000;
    private const double MissingShare = 0.15;
    private const double Tolerance = 1e-12;
    private const double Factor = 3.7;

    /// <summary>Random decoded answers, keyed by question id so that they can be laid out for any order of the questions.</summary>
    private static List<Dictionary<string, byte>> RandomSurveys(Scheme scheme, int seed)
    {
        var random = new Random(seed);
        var surveys = new List<Dictionary<string, byte>>(Surveys);
        for (var s = 0; s < Surveys; s++)
            surveys.Add(scheme.Questions.ToDictionary(q => q.Id,
                q => random.NextDouble() < MissingShare ? AnswerDecoder.Missing : (byte)random.Next(q.Scale.Choices.Count)));
        return surveys;
    }

    private static ScoredSurvey Score(Scheme scheme, Dictionary<string, byte> answers) =>
        ScoredSurvey.OfDecoded(scheme, scheme.Questions.Select(q => answers[q.Id]).ToArray());

    private static JsonObject Rss15Json() => JsonNode.Parse(TestSchemes.Rss15Bytes())!.AsObject();

    private static Scheme Parse(JsonObject json) => SchemeReader.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()), "property-test.json");

    private static IEnumerable<JsonObject> Nodes(JsonObject root, string level) => level switch
    {
        "dimension" => root["dimensions"]!.AsArray().Select(d => d!.AsObject()),
        "indicator" or "composite" => Nodes(root, "dimension").SelectMany(d => d["indicators"]!.AsArray().Select(i => i!.AsObject())),
        "question" => Nodes(root, "indicator").SelectMany(i => i["questions"]!.AsArray().Select(q => q!.AsObject())),
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    private static string WeightKey(string level) => level == "composite" ? "compositeWeight" : "weight";

    /// <summary>rss-15 with random unequal weights at every level (so that scaling one level is a real test), optionally composite from indicators.</summary>
    private static JsonObject RandomlyWeighted(int seed, bool compositeFromIndicators)
    {
        var random = new Random(seed);
        var root = Rss15Json();
        foreach (var level in new[] { "dimension", "indicator", "composite", "question" })
            foreach (var node in Nodes(root, level))
                node[WeightKey(level)] = Math.Round(0.5 + 2.5 * random.NextDouble(), 3);
        if (compositeFromIndicators) root["options"]!["compositeFrom"] = "indicators";
        return root;
    }

    private static void AssertSameScore(double expected, double actual, string what)
    {
        if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"{what}: expected missing, got {actual}");
        else Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>The two scorings agree on every indicator (by id), dimension and composite to 1e-12, and on answered.</summary>
    private static void AssertSameScores(ScoredSurvey expected, ScoredSurvey actual, int survey)
    {
        foreach (var indicator in expected.Scheme.Indicators)
            AssertSameScore(expected.Indicator(indicator.Id), actual.Indicator(indicator.Id), $"survey {survey}, indicator {indicator.Id}");
        foreach (var dimension in expected.Scheme.Dimensions)
            AssertSameScore(expected.Dimension(dimension.Id), actual.Dimension(dimension.Id), $"survey {survey}, dimension {dimension.Id}");
        AssertSameScore(expected.Composite, actual.Composite, $"survey {survey}, composite");
        Assert.Equal(expected.Outcome.Answered, actual.Outcome.Answered);
        // The weakest dimension may only differ when two dimensions tie within rounding.
        var present = expected.Dimensions.Where(d => !double.IsNaN(d)).Order().ToArray();
        if (present.Length < 2 || present[1] - present[0] > 1e-9) Assert.Equal(expected.Weakest, actual.Weakest);
    }

    public static TheoryData<string, bool> Schemes() => new()
    {
        { "rss-15", false },
        { "random weights", false },
        { "random weights", true },   // composite from indicators
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Every_present_indicator_dimension_and_composite_score_lies_in_0_to_1(string name, bool compositeFromIndicators)
    {
        var scheme = name == "rss-15" ? Scheme.Rss15 : Parse(RandomlyWeighted(11, compositeFromIndicators));
        var missingComposites = 0;
        foreach (var answers in RandomSurveys(scheme, 20260101))
        {
            var s = Score(scheme, answers);
            foreach (var score in s.Indicators.Concat(s.Dimensions).Append(s.Composite).Where(v => !double.IsNaN(v)))
                Assert.InRange(score, 0.0, 1.0);
            Assert.Equal(answers.Values.Count(a => a != AnswerDecoder.Missing), s.Outcome.Answered);
            Assert.Equal(double.IsNaN(s.Composite), s.Dimensions.Any(double.IsNaN));   // compositeRequires: all
            if (double.IsNaN(s.Composite)) missingComposites++;
        }
        // With 15% missing answers some dimensions fall under the coverage threshold, but most surveys are complete.
        Assert.InRange(missingComposites, 1, Surveys / 2);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Reordering_the_questions_inside_each_indicator_changes_no_score(int seed, bool randomWeights)
    {
        var baseJson = randomWeights ? RandomlyWeighted(seed, compositeFromIndicators: false) : Rss15Json();
        var permutedJson = baseJson.DeepClone().AsObject();
        var random = new Random(seed * 7919);
        var reordered = 0;
        foreach (var indicator in Nodes(permutedJson, "indicator"))
        {
            var questions = indicator["questions"]!.AsArray();
            var items = questions.Select(q => q!.DeepClone()).ToArray();
            if (items.Length < 2) continue;
            var order = items.Select(_ => random.Next()).ToArray();
            Array.Sort(order, items);
            if (items.Length > 1 && items[0]!["id"]!.GetValue<string>() == questions[0]!["id"]!.GetValue<string>())
                items = [.. items.Skip(1), items[0]];   // make sure every indicator really changes order
            questions.Clear();
            foreach (var item in items) questions.Add(item);
            reordered++;
        }
        Assert.Equal(15 - 3, reordered);   // every rss-15 indicator but the one-question econ_satisfaction, food_security and education

        var original = Parse(baseJson);
        var permuted = Parse(permutedJson);
        Assert.NotEqual(original.Questions.Select(q => q.Id), permuted.Questions.Select(q => q.Id));

        var surveys = RandomSurveys(original, 4000 + seed);
        for (var i = 0; i < surveys.Count; i++)
            AssertSameScores(Score(original, surveys[i]), Score(permuted, surveys[i]), i);
    }

    [Theory]
    [InlineData("question", false)]
    [InlineData("indicator", false)]
    [InlineData("dimension", false)]
    [InlineData("composite", true)]   // compositeWeight of indicators, when the composite is built from indicators
    public void Multiplying_every_weight_of_one_level_by_a_constant_changes_no_score(string level, bool compositeFromIndicators)
    {
        var baseJson = RandomlyWeighted(29, compositeFromIndicators);
        var scaledJson = baseJson.DeepClone().AsObject();
        foreach (var node in Nodes(scaledJson, level))
            node[WeightKey(level)] = node[WeightKey(level)]!.GetValue<double>() * Factor;

        var original = Parse(baseJson);
        var scaled = Parse(scaledJson);
        Assert.False(original.HasEqualWeights);

        var surveys = RandomSurveys(original, 5000);
        for (var i = 0; i < surveys.Count; i++)
            AssertSameScores(Score(original, surveys[i]), Score(scaled, surveys[i]), i);
    }

    [Fact]
    public void Multiplying_the_equal_weights_of_rss15_at_every_level_changes_no_score()
    {
        var scaledJson = Rss15Json();
        foreach (var level in new[] { "dimension", "indicator", "question" })
            foreach (var node in Nodes(scaledJson, level))
                node["weight"] = Factor;
        var scaled = Parse(scaledJson);
        var surveys = RandomSurveys(Scheme.Rss15, 6000);
        for (var i = 0; i < surveys.Count; i++)
            AssertSameScores(Score(Scheme.Rss15, surveys[i]), Score(scaled, surveys[i]), i);
    }
}
