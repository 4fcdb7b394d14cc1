using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Tests.Schemes;

/// <summary>The built-in rss-15 is the instrument of docs/instrument.md (tables copied in <see cref="InstrumentTables"/>).</summary>
public sealed class BuiltInSchemeTests
{
    private static readonly Scheme Rss15 = Scheme.Rss15;

    [Fact]
    public void It_is_the_built_in_scheme_rss15_in_english_and_french()
    {
        Assert.Equal("rss-15", Rss15.Id);
        Assert.True(Rss15.IsBuiltIn);
        Assert.Equal("built-in", Rss15.Origin);
        Assert.Equal(["en", "fr"], Rss15.Languages);
        Assert.Equal(64, Rss15.Sha256.Length);
    }

    [Fact]
    public void It_has_3_dimensions_15_indicators_and_29_questions_with_the_ids_and_scales_of_instrument_md()
    {
        Assert.Equal(3, Rss15.Dimensions.Count);
        Assert.Equal(15, Rss15.Indicators.Count);
        Assert.Equal(29, Rss15.Questions.Count);
        Assert.Equal(InstrumentTables.Dimensions, Rss15.Dimensions.Select(d => d.Id));
        Assert.All(Rss15.Dimensions, d => Assert.Equal(5, d.Indicators.Count));

        var actual = Rss15.Dimensions.SelectMany(d => d.Indicators.SelectMany(i => i.Questions.Select(q =>
            new InstrumentTables.QuestionRow(d.Id, i.Id, q.Id, q.Scale.Id)))).ToArray();
        Assert.Equal(InstrumentTables.Questions, actual);

        // economic 9, social 10, psychosocial 10 questions
        Assert.Equal([9, 10, 10], Rss15.Dimensions.Select(d => d.Indicators.Sum(i => i.Questions.Count)));
    }

    [Fact]
    public void Every_weight_is_1_at_every_level()
    {
        Assert.All(Rss15.Dimensions, d => Assert.Equal(1.0, d.Weight.Value));
        Assert.All(Rss15.Indicators, i => Assert.Equal(1.0, i.Weight.Value));
        Assert.All(Rss15.Indicators, i => Assert.Equal(1.0, i.CompositeWeight?.Value ?? 1.0));
        Assert.All(Rss15.Questions, q => Assert.Equal(1.0, q.Weight.Value));
        Assert.True(Rss15.HasEqualWeights);
    }

    [Fact]
    public void Its_options_are_the_defaults_of_scoring_md()
    {
        var o = Rss15.Options;
        Assert.Equal(0.6, o.MinDimensionCoverage);
        Assert.Equal(CompositeRequirement.All, o.CompositeRequires);
        Assert.Equal(1.0, o.MinCompositeCoverage);
        Assert.Equal(CompositeSource.Dimensions, o.CompositeFrom);
        Assert.Equal(0.33, o.Bands.Medium);
        Assert.Equal(0.66, o.Bands.High);
        Assert.Equal(SchemeOptions.Default, o);
    }

    [Fact]
    public void Its_choice_scales_have_the_codes_scores_and_labels_of_instrument_md()
    {
        Assert.Equal(InstrumentTables.ScaleIds, Rss15.Scales.Select(s => s.Id));
        foreach (var (id, expected) in InstrumentTables.ChoiceScales)
        {
            var scale = Rss15.Scales.Single(s => s.Id == id);
            Assert.False(scale.IsCount);
            var actual = scale.Choices.Select(c => new InstrumentTables.Choice(c.Code, c.Score, c.Labels["en"], c.Labels["fr"])).ToArray();
            Assert.Equal(expected, actual);
            Assert.All(scale.Choices, c => Assert.Equal(2, c.Labels.Count));
        }
    }

    [Fact]
    public void Its_count_scale_scores_0_to_3_as_n_over_3()
    {
        var scale = Rss15.Scales.Single(s => s.Id == "count0to3");
        Assert.True(scale.IsCount);
        Assert.Equal(3, scale.CountMax);
        Assert.Equal(["0", "1", "2", "3"], scale.Choices.Select(c => c.Code));
        Assert.Equal([0.0, 1.0 / 3, 2.0 / 3, 1.0], scale.Choices.Select(c => c.Score));
    }

    [Fact]
    public void Its_missing_answers_are_dk_refused_and_na_with_their_english_and_french_labels()
    {
        var actual = Rss15.SpecialAnswers.Select(s => new InstrumentTables.Special(s.Code, s.Labels["en"], s.Labels["fr"])).ToArray();
        Assert.Equal(InstrumentTables.SpecialAnswers, actual);
    }

    [Fact]
    public void No_question_id_is_a_record_column()
    {
        string[] record = ["returnee_id", "country", "community", "survey_date", "round", "weight", "quarter"];
        Assert.DoesNotContain(Rss15.Questions, q => record.Contains(q.Id));
    }
}
