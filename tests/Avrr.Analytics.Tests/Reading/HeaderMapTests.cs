using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>How export headers map onto the run's columns (HeaderMap.Create), as SurveyInput.Open calls it.</summary>
public sealed class HeaderMapTests
{
    private static readonly string[] Questions = Scheme.Rss15.Questions.Select(q => q.Id).ToArray();
    private static readonly string[] Known = [.. SurveyColumns.Record, .. Questions];
    private static readonly string[] Required = [.. SurveyColumns.Required, .. Questions];
    private static readonly string[] RecordIds = ["returnee_id", "country", "community", "survey_date", "round", "weight"];

    private static HeaderMap Map(IEnumerable<string> headers, IReadOnlyDictionary<string, string>? mapping = null) =>
        HeaderMap.Create("export.csv", headers.ToArray(), Known, Required, mapping ?? new Dictionary<string, string>());

    /// <summary>The id each header maps to, by header.</summary>
    private static Dictionary<string, string?> IdsOf(HeaderMap map) =>
        map.Headers.Zip(map.Ids).ToDictionary(p => p.First, p => p.Second);

    private static ColumnRole RoleOf(HeaderMap map, string header) => map.Roles[map.Headers.ToList().IndexOf(header)];

    [Fact]
    public void Exact_ids_map_to_themselves()
    {
        var map = Map([.. RecordIds, .. Questions, "sex"]);
        Assert.All(RecordIds.Concat(Questions), id => Assert.Equal(id, IdsOf(map)[id]));
        Assert.Equal(["sex"], map.Attributes);
        Assert.Contains("round", map.Ids);
        Assert.True(map.HasWeight);
    }

    [Theory]
    [InlineData("grp/")]
    [InlineData("grp_eco/")]
    [InlineData("a/b/")]
    [InlineData("level1/level2/level3/level4/")]
    public void Kobo_group_paths_of_any_depth_are_removed(string prefix)
    {
        var map = Map([.. RecordIds.Select(r => prefix + r), .. Questions.Select(q => prefix + q), prefix + "age_group"]);
        Assert.All(RecordIds.Concat(Questions), id => Assert.Equal(id, IdsOf(map)[prefix + id]));
        Assert.Equal(["age_group"], map.Attributes);
    }

    [Theory]
    [InlineData("grp-")]
    [InlineData("grp_eco-grp_debt-")]
    [InlineData("a-b-c-d-")]
    public void Odk_group_paths_of_any_depth_are_removed_from_questions_and_attributes(string prefix)
    {
        var map = Map([.. RecordIds.Select(r => prefix + r), .. Questions.Select(q => prefix + q), prefix + "age_group", "meta-instanceID"]);
        Assert.All(RecordIds.Concat(Questions), id => Assert.Equal(id, IdsOf(map)[prefix + id]));
        Assert.Equal(["age_group"], map.Attributes);
        Assert.Equal(ColumnRole.Bookkeeping, RoleOf(map, "meta-instanceID"));
    }

    [Fact]
    public void Case_and_surrounding_spaces_and_a_byte_order_mark_are_ignored()
    {
        string[] headers = ["\uFEFFReturnee_ID", " COUNTRY ", "Community", "Survey_Date\t", "ROUND", " Weight",
            .. Questions.Select((q, i) => i % 2 == 0 ? q.ToUpperInvariant() : "  " + q + "  "), "  Sex "];
        var map = Map(headers);
        Assert.Equal(Known.Concat(["sex"]), map.Ids);
        Assert.Equal(["sex"], map.Attributes);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("end")]
    [InlineData("today")]
    [InlineData("deviceid")]
    [InlineData("_id")]
    [InlineData("_uuid")]
    [InlineData("_submission_time")]
    [InlineData("_index")]
    [InlineData("_validation_status")]
    [InlineData("_notes")]
    [InlineData("_status")]
    [InlineData("_submitted_by")]
    [InlineData("__version__")]
    [InlineData("_tags")]
    [InlineData("_geolocation")]
    [InlineData("meta/instanceID")]
    [InlineData("meta-instanceID")]
    [InlineData("meta/rootUuid")]
    [InlineData("meta-deprecatedID")]
    [InlineData("KEY")]
    [InlineData("SubmissionDate")]
    [InlineData("SubmitterID")]
    [InlineData("SubmitterName")]
    [InlineData("AttachmentsPresent")]
    [InlineData("AttachmentsExpected")]
    [InlineData("Status")]
    [InlineData("ReviewState")]
    [InlineData("DeviceID")]
    [InlineData("Edits")]
    [InlineData("FormVersion")]
    public void Kobo_and_odk_bookkeeping_columns_are_skipped_not_attributes(string header)
    {
        var map = Map([header, .. RecordIds, .. Questions]);
        Assert.Equal(ColumnRole.Bookkeeping, RoleOf(map, header));
        Assert.Null(IdsOf(map)[header]);
        Assert.Empty(map.Attributes);
    }

    [Theory]
    [InlineData("respondent_name")]
    [InlineData("grp_id/respondent_name")]
    [InlineData("phone")]
    [InlineData("Phone Number")]
    [InlineData("grp_id-phone")]
    [InlineData("full_name")]
    [InlineData("nom")]
    [InlineData("Prénom")]
    [InlineData("gps")]
    [InlineData("email")]
    [InlineData("phone_2")]                 // a word of the name, not only the whole name
    [InlineData("nom_du_pere")]
    [InlineData("Numéro de téléphone")]
    [InlineData("grp_contact/whatsapp_number")]
    [InlineData("date_of_birth")]
    public void Personal_data_columns_are_dropped(string header)
    {
        // An ODK-style header needs an ODK-style file around it.
        var questions = header.Contains('-') ? Questions.Select(q => "grp-" + q) : Questions;
        var map = Map([header, .. RecordIds, .. questions]);
        Assert.Equal(ColumnRole.PersonalData, RoleOf(map, header));
        Assert.Null(IdsOf(map)[header]);
        Assert.Empty(map.Attributes);
    }

    [Fact]
    public void A_column_without_a_name_is_not_read()
    {
        var map = Map([.. RecordIds, .. Questions, ""]);
        Assert.Equal(ColumnRole.Unnamed, RoleOf(map, ""));
        Assert.Empty(map.Attributes);
    }

    [Fact]
    public void A_column_mapping_covers_other_names()
    {
        var mapping = new Dictionary<string, string> { ["returnee_id"] = "case_number", ["econ_satisfaction"] = "grp/Q1_Satisfaction" };
        var map = Map(["Case_Number", .. RecordIds.Skip(1), .. Questions.Skip(1), "grp/q1_satisfaction"], mapping);
        Assert.Equal("returnee_id", IdsOf(map)["Case_Number"]);
        Assert.Equal("econ_satisfaction", IdsOf(map)["grp/q1_satisfaction"]);
        Assert.Empty(map.Attributes);
    }

    [Fact]
    public void A_mapped_id_does_not_also_count_under_its_own_header()
    {
        // --weight poids: the export's own 'weight' column is set aside, neither the weight nor an attribute.
        var mapping = new Dictionary<string, string> { ["weight"] = "poids" };
        var map = Map([.. RecordIds, "poids", .. Questions], mapping);
        Assert.Equal("weight", IdsOf(map)["poids"]);
        Assert.Null(IdsOf(map)["weight"]);
        Assert.Equal(ColumnRole.Replaced, RoleOf(map, "weight"));
        Assert.Empty(map.Attributes);
    }

    [Theory]
    [InlineData("econ_satisfaction", "grp_eco/econ_satisfaction")]
    [InlineData("grp_eco/econ_satisfaction", "grp_other/deeper/econ_satisfaction")]
    [InlineData("econ_satisfaction", "ECON_SATISFACTION ")]
    [InlineData("returnee_id", "grp_id/returnee_id")]
    public void Two_headers_mapping_to_one_id_the_run_needs_are_refused_naming_both(string first, string second)
    {
        var id = HeaderMap.Key(first)[(HeaderMap.Key(first).LastIndexOf('/') + 1)..];
        string[] headers = [.. RecordIds, .. Questions, "sex"];
        var rest = headers.Where(h => h != id);
        var e = Assert.Throws<InputRefusedException>(() => Map([first, .. rest, second]));
        Assert.Equal("export.csv", e.Path);
        Assert.Contains($"the headers '{first}' and '{second}' both map to the column {id}", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_columns_are_each_listed_with_the_closest_header()
    {
        string[] headers = [.. RecordIds.Select(r => r == "survey_date" ? "survey_dat" : r),
            .. Questions.Where(q => q != "able_to_stay").Select(q => q == "income_sources" ? "grp_eco/income_source" : q)];
        var e = Assert.Throws<InputRefusedException>(() => Map(headers));
        Assert.Contains("the required column survey_date is missing (closest header: 'survey_dat')", e.Problem, StringComparison.Ordinal);
        Assert.Contains("the required column income_sources is missing (closest header: 'grp_eco/income_source')", e.Problem, StringComparison.Ordinal);
        Assert.Contains("the required column able_to_stay is missing", e.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("returnee_id is missing", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Community_round_and_weight_are_optional()
    {
        var map = Map(["returnee_id", "country", "survey_date", .. Questions]);
        Assert.DoesNotContain("round", map.Ids);
        Assert.False(map.HasWeight);
    }

    [Theory]
    [InlineData("composite_score")]
    [InlineData("quarter")]
    [InlineData("band")]
    [InlineData("indicator_debt")]
    public void An_attribute_with_the_name_of_a_computed_column_is_refused(string header)
    {
        var e = Assert.Throws<InputRefusedException>(() => Map([.. RecordIds, .. Questions, header]));
        Assert.Contains($"the column '{header}' has the name of a column the engine computes", e.Problem, StringComparison.Ordinal);
    }
}
