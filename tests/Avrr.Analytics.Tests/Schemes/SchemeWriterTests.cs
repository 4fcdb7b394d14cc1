using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Tests.Schemes;

/// <summary>A scheme written by SchemeWriter reads back as the same scheme, with the weights and notes that were changed and nothing else.</summary>
public sealed class SchemeWriterTests
{
    [Fact]
    public void The_built_in_scheme_written_and_read_back_is_the_same_scheme()
    {
        var written = SchemeReader.Parse(SchemeWriter.ToJson(Scheme.Rss15), "written.json");
        Assert.Equal(SchemeContent.Lines(Scheme.Rss15), SchemeContent.Lines(written));
    }

    [Fact]
    public void New_weights_an_id_and_a_comment_are_written_and_everything_else_is_kept()
    {
        var scheme = Scheme.Rss15;
        var indicatorWeights = Enumerable.Range(1, 15).Select(i => i / 7.0).ToArray();
        var json = SchemeWriter.ToJson(scheme, new SchemeWriter.Changes
        {
            Id = "rss-15-derived", Comment = "made by a test", DimensionWeights = [0.2, 0.3, 0.5], IndicatorWeights = indicatorWeights,
        });
        Assert.Contains("\"$comment\": \"made by a test\"", System.Text.Encoding.UTF8.GetString(json));
        var written = SchemeReader.Parse(json, "derived.json");
        Assert.Equal("rss-15-derived", written.Id);
        Assert.Equal([0.2, 0.3, 0.5], written.Dimensions.Select(d => d.Weight.Value));
        Assert.Equal(indicatorWeights, written.Indicators.Select(i => i.Weight.Value));
        Assert.False(written.HasEqualWeights);
        static IEnumerable<string> WithoutWeights(Scheme s) => SchemeContent.Lines(s).Skip(1).Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^(\s*(dimension|indicator) \S+) w=\S+", "$1"));
        Assert.Equal(WithoutWeights(scheme), WithoutWeights(written));
    }
}
