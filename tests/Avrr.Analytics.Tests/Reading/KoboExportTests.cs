using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// Exports shaped like real KoboToolbox ones (DataMaking/make_field_exports.py): select_multiple option
/// columns, free-text columns that share a name, the returnee id under the form's own name, labels for headers.
/// </summary>
public sealed class KoboExportTests
{
    private static readonly Dictionary<string, string> IdMapping = new() { ["returnee_id"] = "id_beneficiaire" };

    [Fact]
    public void Select_multiple_option_columns_that_share_a_name_do_not_refuse_the_file_and_are_ignored_by_name_in_the_manifest()
    {
        var run = FixtureRuns.Evaluate(FixtureRuns.Settings("kobo-select-multiple.csv") with { ColumnMapping = IdMapping });

        // Rows 2..7: one invalid answer (row 3) and R504's baseline sent twice (row 7 repeats row 5).
        Assert.Equal((6L, 4L, 2L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var input = run.Manifest.GetProperty("inputs")[0];
        Assert.Equal(["grp_eco/sources_revenu/agriculture", "grp_eco/sources_revenu/commerce", "grp_eco/sources_revenu/autre",
                      "grp_assist/assistance_recue/formation", "grp_assist/assistance_recue/autre"],
            input.GetProperty("select_multiple_options_ignored").EnumerateArray().Select(e => e.GetString()));
        // The two "other, specify" texts share their last part: each is kept under its full path.
        Assert.Equal(["grp_eco/autre_precision", "grp_assist/autre_precision"],
            input.GetProperty("attributes_under_full_path").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["sex", "enumerator", "sources_revenu", "grp_eco/autre_precision", "assistance_recue", "grp_assist/autre_precision"],
            input.GetProperty("attributes").EnumerateArray().Select(e => e.GetString()));
        // The question's own column keeps the choices, space-separated as Kobo writes them.
        Assert.Equal("agriculture commerce", run.Scores[0]["sources_revenu"]);
        Assert.Equal("formation autre", run.Scores.Single(s => s["returnee_id"] == "R503")["assistance_recue"]);
        Assert.True(run.Scores[0].ContainsKey("grp_assist/autre_precision"));
        Assert.DoesNotContain(run.Scores[0].Keys, k => k.EndsWith("/autre", StringComparison.Ordinal) || k == "autre");
    }

    [Fact]
    public void The_column_mapping_takes_the_short_name_or_the_full_path_of_a_header()
    {
        var byPath = FixtureRuns.Validate(FixtureRuns.Settings("kobo-select-multiple.csv") with
        {
            ColumnMapping = new Dictionary<string, string> { ["returnee_id"] = "grp_profile/id_beneficiaire" },
        });
        var byName = FixtureRuns.Validate(FixtureRuns.Settings("kobo-select-multiple.csv") with { ColumnMapping = IdMapping });
        Assert.Equal((6L, 4L), (byPath.RowsRead, byPath.RowsScored));
        Assert.Equal((6L, 4L), (byName.RowsRead, byName.RowsScored));
    }

    [Fact]
    public void A_short_name_in_the_mapping_that_several_headers_end_with_is_refused_naming_them()
    {
        var e = Assert.Throws<InputRefusedException>(() => FixtureRuns.Validate(FixtureRuns.Settings("kobo-select-multiple.csv") with
        {
            ColumnMapping = new Dictionary<string, string> { ["returnee_id"] = "id_beneficiaire", ["round"] = "autre_precision" },
        }));
        Assert.Contains("the column mapping names 'autre_precision' for round, and several headers end with it ('grp_eco/autre_precision', 'grp_assist/autre_precision')", e.Problem);
    }

    [Fact]
    public void A_missing_id_gets_no_far_fetched_closest_header_and_the_message_names_the_columns_mapping()
    {
        var e = Assert.Throws<InputRefusedException>(() => FixtureRuns.Validate("kobo-select-multiple.csv"));
        Assert.Contains("the required column returnee_id is missing", e.Problem);
        Assert.DoesNotContain("closest header", e.Problem);        // never deviceid, _id or id_beneficiaire for returnee_id
        Assert.Contains("name it in the evaluation file's column mapping: \"columns\": {\"returnee_id\": \"its header\"}", e.Problem);
    }

    [Theory]
    [InlineData("returnee_id", new[] { "deviceid", "_id", "id_beneficiaire" }, null)]
    [InlineData("survey_date", new[] { "survey_dat", "start" }, "survey_dat")]
    [InlineData("income_sources", new[] { "grp_eco/income_source" }, "grp_eco/income_source")]
    [InlineData("country", new[] { "pays", "county_name" }, null)]
    [InlineData("community", new[] { "comunity" }, "comunity")]
    public void The_closest_header_is_a_near_match_of_the_last_path_part_or_nothing(string wanted, string[] headers, string? closest)
    {
        Assert.Equal(closest, HeaderMap.Closest(wanted, headers));
    }

    [Fact]
    public void A_kobo_export_with_labels_for_headers_is_recognised_and_the_advice_is_to_re_export_with_xml_values_and_headers()
    {
        var e = Assert.Throws<InputRefusedException>(() => FixtureRuns.Validate("kobo-labels-headers.csv"));
        Assert.Contains("the headers are the questions' labels, not their names", e.Problem);
        Assert.Contains("Export it again with \"XML values and headers\"", e.Problem);
        Assert.DoesNotContain("columns a survey export needs are missing", e.Problem);
    }

    [Fact]
    public void A_header_that_is_a_question_of_the_scheme_word_for_word_marks_a_labels_export()
    {
        var wording = Scheme.Rss15.Questions[0].Text["en"];
        string[] headers = ["Returnee", "Country", wording, "Date", "a", "b", "c", "d"];
        var (_, problems) = HeaderMap.Analyze(headers, [.. SurveyColumns.Record, .. Scheme.Rss15.Questions.Select(q => q.Id)],
            [.. SurveyColumns.Required, .. Scheme.Rss15.Questions.Select(q => q.Id)], new Dictionary<string, string>(),
            Scheme.Rss15.Questions.SelectMany(q => q.Text.Values));
        Assert.Contains(problems, p => p.Contains("labels, not their names", StringComparison.Ordinal));
    }

    [Fact]
    public void Kobo_submission_columns_are_bookkeeping_but_read_for_rejects_and_checks()
    {
        var headers = File.ReadLines(TestFiles.Data("kobo-select-multiple.csv")).First().Split(';').Select(h => h.Trim('"')).ToArray();
        var (map, _) = HeaderMap.Analyze(headers, [.. SurveyColumns.Record, .. Scheme.Rss15.Questions.Select(q => q.Id)], [], IdMapping);
        string? SubmissionOf(string header) => map.SubmissionIds[Array.IndexOf(headers, header)];
        Assert.Equal((SubmissionColumns.Id, SubmissionColumns.Uuid, SubmissionColumns.Time, SubmissionColumns.Start, SubmissionColumns.End),
            (SubmissionOf("_id"), SubmissionOf("_uuid"), SubmissionOf("_submission_time"), SubmissionOf("start"), SubmissionOf("end")));
        Assert.All(["_id", "_uuid", "_submission_time", "start", "end"], h => Assert.Equal(ColumnRole.Bookkeeping, map.Roles[Array.IndexOf(headers, h)]));
    }

    [Fact]
    public void An_odk_instance_id_stands_for_the_uuid_when_there_is_no_uuid()
    {
        string[] headers = ["SubmissionDate", "meta-instanceID", "KEY", "returnee_id"];
        var (map, _) = HeaderMap.Analyze(headers, ["returnee_id"], [], new Dictionary<string, string>());
        Assert.Equal([SubmissionColumns.Time, SubmissionColumns.Uuid, null, null], map.SubmissionIds);
    }
}
