namespace Avrr.Analytics.Tests.Scoring;

/// <summary>
/// Every code and every English and French label of the 8 choice scales of rss-15 decodes to the score
/// docs/instrument.md gives it, whatever the case, the spaces, the accents and the apostrophe.
/// </summary>
public sealed class ChoiceAnswerDecodingTests
{
    public static TheoryData<string, string, double> CodesAndLabels()
    {
        var data = new TheoryData<string, string, double>();
        foreach (var (scale, choices) in InstrumentTables.ChoiceScales)
            foreach (var choice in choices)
            {
                data.Add(scale, choice.Code, choice.Score);
                data.Add(scale, choice.En, choice.Score);
                data.Add(scale, choice.Fr, choice.Score);
            }
        return data;
    }

    public static TheoryData<string, string, double> Labels()
    {
        var data = new TheoryData<string, string, double>();
        foreach (var (scale, choices) in InstrumentTables.ChoiceScales)
            foreach (var choice in choices)
            {
                data.Add(scale, choice.En, choice.Score);
                data.Add(scale, choice.Fr, choice.Score);
            }
        return data;
    }

    [Fact]
    public void The_tables_cover_the_eight_choice_scales_of_the_instrument()
    {
        Assert.Equal(InstrumentTables.ScaleIds.Where(s => s != InstrumentTables.CountScale).Order(), InstrumentTables.ChoiceScales.Keys.Order());
        Assert.Equal(3 * (5 + 5 + 5 + 5 + 5 + 2 + 2 + 3), CodesAndLabels().Count());   // code, en, fr of the 32 choices
    }

    [Theory]
    [MemberData(nameof(CodesAndLabels))]
    public void A_code_or_an_english_or_french_label_decodes_to_the_score_of_its_choice(string scale, string answer, double expected) =>
        Assert.Equal(expected, Rss15Decoding.DecodeScore(scale, answer));

    [Theory]
    [MemberData(nameof(Labels))]
    public void Labels_match_whatever_the_case_and_the_surrounding_or_inner_spaces(string scale, string label, double expected)
    {
        string[] variants =
        [
            label.ToUpperInvariant(),
            label.ToLowerInvariant(),
            "  " + label + "   ",
            "\t" + label + " ",
            label.Replace(" ", "   "),
            " " + label.ToUpperInvariant().Replace(" ", "  ") + " ",
            label.Replace(" ", "\u00A0"),   // a no-break space, as spreadsheets write
        ];
        foreach (var variant in variants)
            Assert.Equal(expected, Rss15Decoding.DecodeScore(scale, variant));
    }

    [Theory]
    // accents dropped
    [InlineData("satisfaction5", "Tres insatisfait", 0)]
    [InlineData("satisfaction5", "TRES SATISFAIT", 1)]
    [InlineData("quality5", "tres mauvais", 0)]
    [InlineData("quality5", "Tres bon", 1)]
    [InlineData("agree5", "Tout a fait d'accord", 1)]
    [InlineData("never_good5", "tres souvent", 0)]
    [InlineData("often_good5", "Tres Souvent", 1)]
    [InlineData("debt3", "Dette inferieure aux depenses mensuelles", 0.5)]
    [InlineData("debt3", "DETTE SUPERIEURE AUX DEPENSES MENSUELLES", 0)]
    // accents added where the label has none, or another accent
    [InlineData("quality5", "Pôor", 0.25)]
    [InlineData("yes_good", "Nön", 0)]
    [InlineData("satisfaction5", "Trés insatisfait", 0)]
    // the typographic apostrophe ’ is the straight one
    [InlineData("agree5", "Pas du tout d’accord", 0)]
    [InlineData("agree5", "Pas d’accord", 0.25)]
    [InlineData("agree5", "Ni d’accord ni pas d’accord", 0.5)]
    [InlineData("agree5", "d’accord", 0.75)]
    [InlineData("agree5", "  TOUT A FAIT D’ACCORD ", 1)]
    public void Labels_match_ignoring_accents_and_the_typographic_apostrophe(string scale, string answer, double expected) =>
        Assert.Equal(expected, Rss15Decoding.DecodeScore(scale, answer));

    [Fact]
    public void Codes_match_whatever_the_case_and_the_surrounding_spaces()
    {
        Assert.Equal(1, Rss15Decoding.DecodeScore("quality5", " VERY_GOOD "));
        Assert.Equal(0, Rss15Decoding.DecodeScore("debt3", "Debt_Above_Spending"));
        Assert.Equal(0.75, Rss15Decoding.DecodeScore("satisfaction5", " 4\t"));
        Assert.Equal(0, Rss15Decoding.DecodeScore("no_good", "YES"));
    }

    [Fact]
    public void The_same_label_scores_by_its_own_scale_never_good5_against_often_good5_and_yes_good_against_no_good()
    {
        // "Souvent" (often) is 0.25 when the frequency is of something bad, 0.75 when it is of something good.
        Assert.Equal(0.25, Rss15Decoding.DecodeScore("never_good5", "Souvent"));
        Assert.Equal(0.75, Rss15Decoding.DecodeScore("often_good5", "Souvent"));
        // "Oui" is 1 on yes_good and 0 on no_good.
        Assert.Equal(1, Rss15Decoding.DecodeScore("yes_good", "Oui"));
        Assert.Equal(0, Rss15Decoding.DecodeScore("no_good", "Oui"));
    }
}
