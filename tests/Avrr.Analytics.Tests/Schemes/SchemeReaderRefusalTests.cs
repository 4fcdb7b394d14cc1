using System.Text;
using System.Text.Json.Nodes;
using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Tests.Schemes;

/// <summary>
/// A broken scheme (docs/methodology.md, "Your own scheme file") is refused by <see cref="SchemeReader.Parse"/> with a
/// <see cref="SchemeException"/> whose message names the node that is wrong. Each test breaks one thing
/// in a small valid scheme.
/// </summary>
public sealed class SchemeReaderRefusalTests
{
    private const string Valid = """
        {
          "id": "tiny",
          "languages": ["en", "fr"],
          "options": { "minDimensionCoverage": 0.6, "compositeRequires": "all", "compositeFrom": "dimensions" },
          "scales": [
            { "id": "yn", "choices": [
              { "code": "yes", "score": 1, "labels": { "en": "Yes", "fr": "Oui" } },
              { "code": "no", "score": 0, "labels": { "en": "No", "fr": "Non" } } ] },
            { "id": "n3", "count": { "max": 3 } }
          ],
          "dimensions": [
            { "id": "economic", "weight": 1, "labels": { "en": "Economic" }, "indicators": [
              { "id": "work", "weight": 1, "compositeWeight": 1, "questions": [
                { "id": "working", "scale": "yn", "weight": 1 },
                { "id": "jobs", "scale": "n3", "weight": 1 } ] } ] },
            { "id": "social", "weight": 1, "indicators": [
              { "id": "housing", "weight": 1, "compositeWeight": 1, "questions": [
                { "id": "housed", "scale": "yn", "weight": 1 } ] } ] }
          ]
        }
        """;

    private static JsonObject Root() => JsonNode.Parse(Valid)!.AsObject();
    private static JsonObject Dimension(JsonObject root, int d) => root["dimensions"]![d]!.AsObject();
    private static JsonObject Indicator(JsonObject root, int d, int i) => Dimension(root, d)["indicators"]![i]!.AsObject();
    private static JsonObject Question(JsonObject root, int d, int i, int q) => Indicator(root, d, i)["questions"]![q]!.AsObject();
    private static JsonObject Choice(JsonObject root, int s, int c) => root["scales"]![s]!["choices"]![c]!.AsObject();

    /// <summary>Breaks the valid scheme, expects a refusal, and returns it after checking that the message holds every fragment.</summary>
    private static SchemeException Refused(Action<JsonObject> breakIt, params string[] fragments)
    {
        var root = Root();
        breakIt(root);
        return RefusedJson(root.ToJsonString(), fragments);
    }

    private static SchemeException RefusedJson(string json, params string[] fragments)
    {
        var e = Assert.Throws<SchemeException>(() => SchemeReader.Parse(Encoding.UTF8.GetBytes(json), "broken.json"));
        Assert.Equal("broken.json", e.Origin);
        Assert.Contains("broken.json", e.Message);
        Assert.NotEmpty(e.Problems);
        foreach (var fragment in fragments)
            Assert.True(e.Message.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' is not in the message:{Environment.NewLine}{e.Message}");
        return e;
    }

    [Fact]
    public void The_unbroken_scheme_is_accepted()
    {
        var scheme = SchemeReader.Parse(Encoding.UTF8.GetBytes(Valid), "tiny.json");
        Assert.Equal(["working", "jobs", "housed"], scheme.Questions.Select(q => q.Id));
    }

    // ---- duplicate ids ----

    [Fact]
    public void A_duplicate_dimension_id_is_refused_naming_the_dimension() =>
        Refused(r => Dimension(r, 1)["id"] = "economic", "dimension 'economic'", "duplicate dimension id");

    [Fact]
    public void A_duplicate_indicator_id_in_another_dimension_is_refused_naming_the_indicator() =>
        Refused(r => Indicator(r, 1, 0)["id"] = "work", "dimension 'social' › indicator 'work'", "duplicate indicator id");

    [Fact]
    public void A_duplicate_question_id_is_refused_naming_the_question() =>
        Refused(r => Question(r, 1, 0, 0)["id"] = "working", "indicator 'housing' › question 'working'", "duplicate question id");

    [Fact]
    public void A_duplicate_scale_id_is_refused_naming_the_scale() =>
        Refused(r => r["scales"]![1] = JsonNode.Parse("""{ "id": "yn", "count": { "max": 2 } }"""), "scale 'yn'", "duplicate scale id");

    [Fact]
    public void A_duplicate_choice_code_is_refused_naming_the_scale_and_the_code() =>
        Refused(r => Choice(r, 0, 1)["code"] = "yes", "scale 'yn' › choice 'yes'", "duplicate");

    [Fact]
    public void A_duplicate_choice_code_without_labels_is_refused() =>
        Refused(r => r["scales"]![0] = JsonNode.Parse("""{ "id": "yn", "choices": [ { "code": "yes", "score": 1 }, { "code": "yes", "score": 0 } ] }"""),
            "scale 'yn' › choice 'yes'", "duplicate");

    [Fact]
    public void A_label_that_means_another_choice_of_the_scale_is_refused() =>
        Refused(r => Choice(r, 0, 1)["labels"]!["fr"] = "oui", "scale 'yn' › choice 'no'", "'oui' already means choice 'yes'");

    [Fact]
    public void A_choice_code_that_is_a_missing_answer_is_refused() =>
        Refused(r => Choice(r, 0, 1)["code"] = "dk", "scale 'yn' › choice 'dk'", "missing answer 'dk'");

    // ---- scales ----

    [Fact]
    public void An_unknown_scale_is_refused_naming_the_question_and_the_scale() =>
        Refused(r => Question(r, 0, 0, 0)["scale"] = "yes_no", "indicator 'work' › question 'working'", "unknown scale 'yes_no'");

    [Fact]
    public void A_question_without_a_scale_is_refused() =>
        Refused(r => Question(r, 0, 0, 0).Remove("scale"), "question 'working'", "scale is missing");

    [Fact]
    public void A_choice_score_below_0_is_refused_naming_the_choice() =>
        Refused(r => Choice(r, 0, 1)["score"] = -0.25, "scale 'yn' › choice 'no'", "score must lie in 0..1", "-0.25");

    [Fact]
    public void A_choice_score_above_1_is_refused_naming_the_choice() =>
        Refused(r => Choice(r, 0, 0)["score"] = 1.5, "scale 'yn' › choice 'yes'", "score must lie in 0..1", "1.5");

    [Fact]
    public void A_choice_score_that_is_not_a_number_is_refused() =>
        Refused(r => Choice(r, 0, 0)["score"] = "1", "scale 'yn' › choice 'yes'", "score must be a finite number");

    [Fact]
    public void A_scale_with_no_choices_is_refused() =>
        Refused(r => r["scales"]![0]!["choices"] = new JsonArray(), "scale 'yn'", "choices must be a non-empty list");

    [Fact]
    public void A_count_scale_without_a_whole_max_is_refused() =>
        Refused(r => r["scales"]![1]!["count"] = JsonNode.Parse("""{ "max": 0 }"""), "scale 'n3'", "count must be");

    // ---- weights ----

    [Fact]
    public void A_weight_of_zero_is_refused_naming_the_node() =>
        Refused(r => Question(r, 0, 0, 1)["weight"] = 0, "indicator 'work' › question 'jobs'", "weight must be a positive, finite number, got 0");

    [Fact]
    public void A_negative_weight_is_refused_naming_the_node() =>
        Refused(r => Indicator(r, 1, 0)["weight"] = -2, "dimension 'social' › indicator 'housing'", "weight must be a positive, finite number, got -2");

    [Fact]
    public void A_dimension_weight_that_is_not_a_number_is_refused_naming_the_dimension() =>
        Refused(r => Dimension(r, 0)["weight"] = "heavy", "dimension 'economic'", "weight must be a finite number, got \"heavy\"");

    [Fact]
    public void A_null_weight_is_refused() =>
        Refused(r => Question(r, 1, 0, 0)["weight"] = null, "question 'housed'", "weight must be a finite number, got null");

    [Fact]
    public void A_weight_too_large_for_a_double_is_refused_as_not_finite() =>
        RefusedJson(Valid.Replace("\"id\": \"housing\", \"weight\": 1", "\"id\": \"housing\", \"weight\": 1e400"), "indicator 'housing'", "weight must be a finite number");

    [Fact]
    public void A_composite_weight_of_zero_is_refused() =>
        Refused(r => Indicator(r, 0, 0)["compositeWeight"] = 0, "indicator 'work'", "compositeWeight must be a positive, finite number");

    // ---- empty nodes ----

    [Fact]
    public void An_empty_dimension_is_refused_naming_it() =>
        Refused(r => Dimension(r, 1)["indicators"] = new JsonArray(), "dimension 'social'", "is empty");

    [Fact]
    public void A_dimension_without_indicators_is_refused_naming_it() =>
        Refused(r => Dimension(r, 1).Remove("indicators"), "dimension 'social'", "is empty");

    [Fact]
    public void An_empty_indicator_is_refused_naming_it() =>
        Refused(r => Indicator(r, 0, 0)["questions"] = new JsonArray(), "dimension 'economic' › indicator 'work'", "is empty");

    [Fact]
    public void A_scheme_with_no_dimensions_is_refused() =>
        Refused(r => r["dimensions"] = new JsonArray(), "dimensions must be a non-empty list");

    [Fact]
    public void A_scheme_without_a_dimensions_list_is_refused() =>
        Refused(r => r.Remove("dimensions"), "dimensions must be a non-empty list");

    // ---- options ----

    [Fact]
    public void An_unknown_option_is_refused_naming_it() =>
        Refused(r => r["options"]!["minDimensionCoverag"] = 0.5, "options", "unknown option 'minDimensionCoverag'");

    [Theory]
    [InlineData("minDimensionCoverage", "0", "minDimensionCoverage must be a share in (0, 1]")]
    [InlineData("minDimensionCoverage", "1.5", "minDimensionCoverage must be a share in (0, 1]")]
    [InlineData("minDimensionCoverage", "\"60%\"", "minDimensionCoverage must be a finite number")]
    [InlineData("minCompositeCoverage", "-0.1", "minCompositeCoverage must be a share in (0, 1]")]
    [InlineData("compositeRequires", "\"most\"", "compositeRequires must be one of all, coverage")]
    [InlineData("compositeRequires", "\"All\"", "compositeRequires must be one of all, coverage")]
    [InlineData("compositeFrom", "\"questions\"", "compositeFrom must be one of dimensions, indicators")]
    [InlineData("bands", "{ \"medium\": 0.7, \"high\": 0.4 }", "cut points must satisfy 0 < medium < high ≤ 1")]
    [InlineData("bands", "{ \"medium\": 0, \"high\": 0.5 }", "cut points must satisfy 0 < medium < high ≤ 1")]
    [InlineData("bands", "{ \"medium\": 0.3, \"high\": 1.2 }", "cut points must satisfy 0 < medium < high ≤ 1")]
    [InlineData("bands", "{ \"medium\": 0.3, \"hi\": 0.6 }", "unknown option 'hi'")]
    [InlineData("bands", "[0.33, 0.66]", "bands must be an object")]
    public void A_bad_option_value_is_refused_naming_the_option(string option, string value, string expected) =>
        Refused(r => r["options"]![option] = JsonNode.Parse(value), "options", expected);

    [Fact]
    public void Options_that_are_not_an_object_are_refused() =>
        Refused(r => r["options"] = "default", "options", "must be an object");

    [Fact]
    public void Composite_from_indicators_without_a_composite_weight_is_refused_naming_the_indicator() =>
        Refused(r =>
        {
            r["options"]!["compositeFrom"] = "indicators";
            Indicator(r, 1, 0).Remove("compositeWeight");
        }, "dimension 'social' › indicator 'housing'", "compositeWeight is required when options.compositeFrom is indicators");

    // ---- ids, JSON, languages ----

    [Theory]
    [InlineData("country")]
    [InlineData("returnee_id")]
    [InlineData("survey_date")]
    [InlineData("weight")]
    [InlineData("round")]
    [InlineData("community")]
    [InlineData("quarter")]
    public void A_question_id_that_is_a_record_column_is_refused_naming_it(string id) =>
        Refused(r => Question(r, 0, 0, 0)["id"] = id, $"question '{id}'", "record column");

    [Theory]
    [InlineData("Working")]
    [InlineData("2work")]
    [InlineData("work-ing")]
    public void A_question_id_that_cannot_be_a_column_name_is_refused(string id) =>
        Refused(r => Question(r, 0, 0, 0)["id"] = id, $"'{id}'", "an id must start with a lower-case letter");

    [Fact]
    public void Invalid_json_is_refused_with_its_line() =>
        RefusedJson(Valid.Replace("\"id\": \"tiny\",", "\"id\": \"tiny\""), "not valid JSON", "line 3");

    [Fact]
    public void A_json_value_that_is_not_an_object_is_refused() => RefusedJson("[]", "must hold a JSON object");

    [Fact]
    public void A_label_in_a_language_the_scheme_does_not_declare_is_refused_naming_the_node() =>
        Refused(r => Choice(r, 0, 0)["labels"]!["de"] = "Ja", "scale 'yn' › choice 'yes'", "language 'de'", "does not list");

    [Fact]
    public void A_dimension_label_in_an_undeclared_language_is_refused_naming_the_dimension() =>
        Refused(r => Dimension(r, 0)["labels"]!["es"] = "Económico", "dimension 'economic'", "labels has language 'es'");

    [Fact]
    public void Dropping_a_language_that_labels_use_is_refused_at_every_label_in_it()
    {
        var e = Refused(r => r["languages"] = new JsonArray("en"), "scale 'yn' › choice 'yes'", "scale 'yn' › choice 'no'", "language 'fr'");
        Assert.Equal(2, e.Problems.Count);
    }

    [Fact]
    public void An_unknown_property_is_refused_naming_the_node() =>
        Refused(r => Question(r, 0, 0, 1)["wieght"] = 2, "indicator 'work' › question 'jobs'", "unknown property 'wieght'");

    [Fact]
    public void Several_problems_are_reported_together_each_naming_its_node()
    {
        var e = Refused(r =>
        {
            Dimension(r, 1)["id"] = "economic";
            Question(r, 0, 0, 0)["scale"] = "nope";
            Question(r, 0, 0, 1)["weight"] = 0;
            Choice(r, 0, 0)["score"] = 2;
            r["options"]!["minDimensionCoverag"] = 0.5;
        });
        Assert.True(e.Problems.Count >= 5, string.Join(Environment.NewLine, e.Problems));
        Assert.Contains(e.Problems, p => p.Contains("duplicate dimension id"));
        Assert.Contains(e.Problems, p => p.Contains("question 'working'") && p.Contains("unknown scale 'nope'"));
        Assert.Contains(e.Problems, p => p.Contains("question 'jobs'") && p.Contains("weight"));
        Assert.Contains(e.Problems, p => p.Contains("choice 'yes'") && p.Contains("0..1"));
        Assert.Contains(e.Problems, p => p.Contains("minDimensionCoverag"));
        foreach (var problem in e.Problems) Assert.Contains(problem, e.Message);
    }
}
