using System.Text;
using System.Text.Json.Nodes;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Scoring;
using Avrr.Analytics.Tests.Schemes;

namespace Avrr.Analytics.Tests.Scoring;

/// <summary>
/// Scheme weights are relative (docs/methodology.md, "Official weights"): weights near the largest double score as
/// their ratios say instead of overflowing to a composite of 0, and sibling weights so far apart that the smaller
/// would count as 0 are refused by the scheme reader, which both <c>avrr scheme check</c> and <c>avrr run</c> use
/// (Cli/SchemeCheckAndRunAgreementTests).
/// </summary>
public sealed class ExtremeSchemeWeightTests
{
    /// <summary>rss-15 as JSON with every dimension, indicator and question weight set (and the first dimension's apart).</summary>
    internal static JsonObject Rss15With(double dimension, double indicator, double question, double? firstDimension = null)
    {
        var root = JsonNode.Parse(TestSchemes.Rss15Bytes())!.AsObject();
        var dimensions = root["dimensions"]!.AsArray().Select(d => d!.AsObject()).ToArray();
        foreach (var d in dimensions)
        {
            d["weight"] = dimension;
            foreach (var i in d["indicators"]!.AsArray().Select(i => i!.AsObject()))
            {
                i["weight"] = indicator;
                foreach (var q in i["questions"]!.AsArray()) q!["weight"] = question;
            }
        }
        if (firstDimension is { } first) dimensions[0]["weight"] = first;
        root["id"] = "extreme";
        return root;
    }

    private static Scheme Parse(JsonObject json) => SchemeReader.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()), "extreme.json");

    /// <summary>Random decoded answers (seeded, 10% missing) scored by two schemes of the same questions.</summary>
    private static IEnumerable<(ScoredSurvey Expected, ScoredSurvey Actual)> ScoreBoth(Scheme expected, Scheme actual, int seed)
    {
        var random = new Random(seed);
        for (var s = 0; s < 1000; s++)
        {
            var answers = expected.Questions.Select(q => random.NextDouble() < 0.1 ? AnswerDecoder.Missing : (byte)random.Next(q.Scale.Choices.Count)).ToArray();
            yield return (ScoredSurvey.OfDecoded(expected, answers), ScoredSurvey.OfDecoded(actual, answers));
        }
    }

    private static void AssertSame(double expected, double actual, string what)
    {
        if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"{what}: expected missing, got {actual}");
        else Assert.True(Math.Abs(expected - actual) <= 1e-12, $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Weights_of_1e308_at_every_level_score_as_equal_weights_not_as_0()
    {
        var extreme = Parse(Rss15With(1e308, 1e308, 1e308));     // what `scheme check` runs: accepted
        var composites = 0;
        foreach (var (expected, actual) in ScoreBoth(Scheme.Rss15, extreme, 17))
        {
            for (var d = 0; d < expected.Dimensions.Length; d++) AssertSame(expected.Dimensions[d], actual.Dimensions[d], "dimension");
            AssertSame(expected.Composite, actual.Composite, "composite");
            if (!double.IsNaN(expected.Composite)) composites++;
        }
        Assert.True(composites > 500);
    }

    [Fact]
    public void Dimension_weights_1e308_and_5e307_weigh_two_to_one()
    {
        // 1e308 : 5e307 : 5e307 is 2 : 1 : 1, the composite (2·economic + social + psychosocial) / 4.
        var extreme = Parse(Rss15With(5e307, 1, 1, firstDimension: 1e308));
        foreach (var (expected, actual) in ScoreBoth(Scheme.Rss15, extreme, 18))
        {
            var d = expected.Dimensions;
            AssertSame(double.IsNaN(expected.Composite) ? double.NaN : (2 * d[0] + d[1] + d[2]) / 4, actual.Composite, "composite");
        }
    }

    [Fact]
    public void Sibling_weights_more_than_1e300_apart_are_refused_naming_the_node()
    {
        var root = Rss15With(1, 1, 1, firstDimension: 1e308);
        root["dimensions"]![1]!["weight"] = 1e-10;
        var e = Assert.Throws<SchemeException>(() => Parse(root));
        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("scheme: the weights of its dimensions range from 1E-10 to 1E+308", problem);
        Assert.Contains("rescale them", problem);
    }
}
