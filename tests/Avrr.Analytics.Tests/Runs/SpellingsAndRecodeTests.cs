using Avrr.Analytics.Checks;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Spellings of one place (DataMaking/make_field_exports.py, spellings-of-one-place.csv: Senegal ×2, Sénégal,
/// sénégal, Guinée; Dakar ×2, "dakar ", DAKAR, Conakry): warned about, and merged by a recode table.
/// </summary>
public sealed class SpellingsAndRecodeTests
{
    [Fact]
    public void Values_that_differ_only_by_case_accents_or_spaces_are_warned_about_with_their_counts()
    {
        var report = Reading.FixtureRuns.Validate("spellings-of-one-place.csv");
        var spellings = report.Checks.Spellings.ToDictionary(s => s.Column, s => s.Variants);
        Assert.Equal([("Senegal", 2L), ("Sénégal", 1L), ("sénégal", 1L)], Assert.Single(spellings["country"]));
        Assert.Equal([("Dakar", 2L), ("DAKAR", 1L), ("dakar", 1L)], Assert.Single(spellings["community"]));
    }

    [Theory]
    [InlineData("Côte d'Ivoire", "cote  d'ivoire", true)]
    [InlineData("Saint-Louis", "SAINT-LOUIS ", true)]
    [InlineData("Ségou", "Se gou", true)]
    [InlineData("N'Zérékoré", "NZerekore", false)]      // a letter (the apostrophe) is missing: not only case, accents or spaces
    [InlineData("Kindia", "Kankan", false)]
    public void Spellings_are_one_value_when_case_accents_and_spaces_are_ignored(string a, string b, bool same)
    {
        Assert.Equal(same, SpellingVariants.Key(a) == SpellingVariants.Key(b));
    }

    [Fact]
    public void A_recode_table_is_applied_before_grouping_and_recorded_in_the_manifest()
    {
        var recode = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["country"] = new Dictionary<string, string> { ["Senegal"] = "SEN", ["Sénégal"] = "SEN", ["sénégal"] = "SEN" },
            ["community"] = new Dictionary<string, string> { ["dakar"] = "Dakar", ["DAKAR"] = "Dakar" },
        };
        var run = Reading.FixtureRuns.Evaluate(Reading.FixtureRuns.Settings("spellings-of-one-place.csv") with { Recode = recode });
        Assert.Equal(["SEN", "SEN", "SEN", "SEN", "Guinée"], run.Scores.Select(s => s["country"]));
        Assert.Equal(["Dakar", "Dakar", "Dakar", "Dakar", "Conakry"], run.Scores.Select(s => s["community"]));
        var countries = run.Result.Aggregates.Where(a => a.Level == "country" && a.Measure == "composite").Select(a => (a.GroupValues[0], a.Estimate.N));
        Assert.Equal([("Guinée", 1.0), ("SEN", 4.0)], countries.Select(c => (c.Item1!, (double)c.N)));
        Assert.Empty(run.Manifest.GetProperty("checks").GetProperty("spelling_variants").EnumerateArray());
        var recorded = run.Manifest.GetProperty("settings").GetProperty("recode").GetProperty("country");
        Assert.Equal("SEN", recorded.GetProperty("Sénégal").GetString());
    }

    [Fact]
    public void Without_a_recode_table_the_manifest_lists_the_spellings()
    {
        var variants = Reading.FixtureRuns.Evaluate("spellings-of-one-place.csv").Manifest.GetProperty("checks").GetProperty("spelling_variants");
        var country = variants.EnumerateArray().Single(v => v.GetProperty("column").GetString() == "country").GetProperty("values");
        Assert.Equal(2, country.GetProperty("Senegal").GetInt32());
    }

    [Theory]
    [InlineData("returnee_id")]
    [InlineData("survey_date")]
    [InlineData("can_borrow")]
    [InlineData("village")]
    public void Ids_dates_answers_and_unknown_columns_cannot_be_recoded(string column)
    {
        var recode = new Dictionary<string, IReadOnlyDictionary<string, string>> { [column] = new Dictionary<string, string> { ["a"] = "b" } };
        var e = Assert.Throws<Avrr.Analytics.Runs.Planning.SettingsException>(() =>
            Reading.FixtureRuns.Validate(Reading.FixtureRuns.Settings("spellings-of-one-place.csv") with { Recode = recode }));
        Assert.Equal(Avrr.Analytics.Runs.Planning.RunSetting.Recode, e.Setting);
    }
}
