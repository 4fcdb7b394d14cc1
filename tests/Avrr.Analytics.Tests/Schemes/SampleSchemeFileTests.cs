using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Tests.Schemes;

/// <summary>data-samples/rss-15.json is the editable copy of the built-in scheme: it loads, and says the same.</summary>
public sealed class SampleSchemeFileTests
{
    private static string SampleScheme => Path.Combine(TestFiles.Repository, "data-samples", "rss-15.json");

    [Fact]
    public void The_editable_copy_exists_in_data_samples() =>
        Assert.True(File.Exists(SampleScheme), $"{SampleScheme} is missing");

    [Fact]
    public void The_editable_copy_loads_to_a_scheme_with_the_same_content_as_the_built_in()
    {
        var copy = SchemeReader.Load(SampleScheme);
        Assert.False(copy.IsBuiltIn);
        Assert.Equal(SampleScheme, copy.Origin);
        Assert.Equal(SchemeContent.Lines(Scheme.Rss15), SchemeContent.Lines(copy));
    }

    [Theory]
    [InlineData("weight")]
    [InlineData("label")]
    [InlineData("score")]
    public void The_comparison_sees_a_changed_weight_label_or_score(string change)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllBytes(SampleScheme))!;
        switch (change)
        {
            case "weight": json["dimensions"]![2]!["indicators"]![4]!["questions"]![1]!["weight"] = 2; break;
            case "label": json["scales"]![3]!["choices"]![0]!["labels"]!["fr"] = "Jamais !"; break;
            default: json["scales"]![7]!["choices"]![1]!["score"] = 0.4; break;
        }
        var changed = TestSchemes.Parse(json.ToJsonString());
        Assert.NotEqual(SchemeContent.Lines(Scheme.Rss15), SchemeContent.Lines(changed));
    }

    [Fact]
    public void The_content_lines_cover_every_node_of_the_scheme()
    {
        // 3 header lines + 3 missing answers + 9 scales + 32 choices + 4 count choices + 3 dimensions + 15 indicators + 29 questions
        Assert.Equal(3 + 3 + 9 + 32 + 4 + 3 + 15 + 29, SchemeContent.Lines(Scheme.Rss15).Count);
    }
}
