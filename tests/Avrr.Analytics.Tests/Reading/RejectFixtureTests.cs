using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// One fixture per reject reason (RejectReason.cs) and per kind of broken row: every rejected row is counted once,
/// carries every reason found, and each reject names the source, the row (the header is row 1), the column, the
/// value as read and what was expected. Expected rejects come from the comments in DataMaking/make_malformed.py.
/// </summary>
public sealed class RejectFixtureTests
{
    /// <summary>One expected line of rejects.csv; <paramref name="MessageHas"/> are phrases the message must contain.</summary>
    public sealed record Expect(long Row, string ReturneeId, string Column, string Value, string Reason, params string[] MessageHas);

    /// <summary>What rejects.csv holds for a value: text that a spreadsheet would run as a formula (= + - @) gets a leading apostrophe (CsvOutput).</summary>
    private static string InCsv(string value) => value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;

    /// <summary>
    /// Runs the settings through EvaluationRun (rejects.csv, manifest) and ValidationRun (the Reject records), and checks
    /// both against the expected rejects, in row order.
    /// </summary>
    private static FixtureRuns.Evaluation AssertRejects(RunSettings settings, long read, long rejected, params Expect[] expected)
    {
        var source = settings.Inputs.Single();
        var run = FixtureRuns.Evaluate(settings);
        Assert.Equal(read, run.Result.RowsRead);
        Assert.Equal(rejected, run.Result.RowsRejected);
        Assert.Equal(read - rejected, run.Result.RowsScored);
        Assert.Equal(read - rejected, run.Scores.Count);
        var rejects = run.Rejects;
        Assert.Equal(expected.Length, rejects.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (e, r) = (expected[i], rejects[i]);
            Assert.Equal(source, r["source"]);
            Assert.Equal((e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), e.ReturneeId, e.Column, InCsv(e.Value), e.Reason),
                (r["row"], r["returnee_id"], r["column"], r["value"], r["reason"]));
            foreach (var phrase in e.MessageHas) Assert.Contains(phrase, r["message"], StringComparison.Ordinal);
        }
        // The manifest counts each problem under its reason, and the rows once.
        var manifest = run.Manifest;
        Assert.Equal(read, manifest.GetProperty("rows_read").GetInt64());
        Assert.Equal(read - rejected, manifest.GetProperty("rows_scored").GetInt64());
        Assert.Equal(rejected, manifest.GetProperty("rows_rejected").GetInt64());
        Assert.Equal(expected.GroupBy(e => e.Reason).ToDictionary(g => g.Key, g => (long)g.Count()),
            manifest.GetProperty("rejects_by_reason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));

        // avrr validate finds the same, with the values exactly as read.
        var validation = FixtureRuns.Validate(settings);
        Assert.Equal((read, read - rejected, rejected), (validation.RowsRead, validation.RowsScored, validation.RowsRejected));
        var all = validation.AllRejects();
        Assert.Equal(expected.Select(e => (source, e.Row, e.ReturneeId, e.Column, e.Value, e.Reason)).OrderBy(x => x.Row).ThenBy(x => x.Column, StringComparer.Ordinal),
            all.Select(r => (r.Source, r.Row, r.ReturneeId, r.Column, r.Value, r.Reason.Name())).OrderBy(x => x.Row).ThenBy(x => x.Column, StringComparer.Ordinal));
        return run;
    }

    private static FixtureRuns.Evaluation AssertRejects(string fixture, long read, long rejected, params Expect[] expected) =>
        AssertRejects(FixtureRuns.Settings(fixture), read, rejected, expected);

    private const string IsoExpected = "a date in ISO 8601 form, such as 2026-07-14";
    private const string WeightExpected = "is not a positive number";

    [Fact]
    public void Missing_value_names_the_empty_required_column()
    {
        AssertRejects("reject-missing-value.csv", 5, 4,
            new Expect(3, "R302", "country", "", "missing_value", "country is required and is empty"),
            new Expect(4, "", "returnee_id", "", "missing_value", "returnee_id is required and is empty"),
            new Expect(5, "R304", "survey_date", "", "missing_value", "survey_date is required and is empty"),
            new Expect(6, "R305", "country", "", "missing_value", "country is required and is empty"));
    }

    [Fact]
    public void Invalid_date_names_the_column_the_value_and_the_expected_form()
    {
        AssertRejects("reject-invalid-date.csv", 6, 4,
            new Expect(2, "R311", "survey_date", "2026-13-01", "invalid_date", "survey_date '2026-13-01'", IsoExpected),
            new Expect(3, "R312", "survey_date", "14/07/2026", "invalid_date", "survey_date '14/07/2026'", "another form needs the run's date format"),
            new Expect(4, "R313", "survey_date", "2026-02-30", "invalid_date", "survey_date '2026-02-30'", IsoExpected),
            new Expect(6, "R315", "survey_date", "2026-07-14T25:61:00", "invalid_date", "survey_date '2026-07-14T25:61:00'"));
    }

    [Fact]
    public void Invalid_answer_names_the_question_the_value_and_the_accepted_codes_and_a_row_keeps_every_one()
    {
        AssertRejects("reject-invalid-answer.csv", 5, 3,
            new Expect(2, "R321", "econ_satisfaction", "6", "invalid_answer", "'6' is not an answer of econ_satisfaction", "1, 2, 3, 4, 5"),
            new Expect(4, "R323", "can_borrow", "maybe", "invalid_answer", "'maybe' is not an answer of can_borrow", "yes, no"),
            new Expect(4, "R323", "job_access", "Very god", "invalid_answer", "'Very god' is not an answer of job_access", "very_poor, poor, fair, good, very_good"),
            new Expect(5, "R324", "income_sources", "2.5", "invalid_answer", "'2.5' is not an answer of income_sources", "whole number"));
    }

    [Fact]
    public void Invalid_weight_names_the_column_and_value_and_decimal_commas_are_weights()
    {
        var run = AssertRejects("reject-invalid-weight.csv", 8, 5,
            new Expect(2, "R331", "weight", "0", "invalid_weight", "weight '0'", WeightExpected),
            new Expect(3, "R332", "weight", "-1", "invalid_weight", "weight '-1'", WeightExpected),
            new Expect(4, "R333", "weight", "n/a", "invalid_weight", "weight 'n/a'", WeightExpected),
            new Expect(5, "R334", "weight", "1,234.5", "invalid_weight", "weight '1,234.5'", "without thousands separators"),
            new Expect(8, "R337", "weight", "1e999", "invalid_weight", "weight '1e999'", WeightExpected));
        Assert.Equal([("R335", "1.25"), ("R336", "2.5"), ("R338", "1")], run.Scores.Select(s => (s["returnee_id"], s["weight"])));
    }

    [Fact]
    public void Duplicate_survey_with_round_keeps_the_first_and_names_it()
    {
        var fixture = "reject-duplicate-survey.csv";
        var run = AssertRejects(fixture, 5, 2,
            new Expect(4, "R341", "returnee_id", "R341", "duplicate_survey", $"already at row 2 of {TestFiles.Data(fixture)}", "the first one is kept"),
            new Expect(6, "R342", "returnee_id", "R342", "duplicate_survey", $"already at row 5 of {TestFiles.Data(fixture)}"));
        Assert.Equal([("R341", "baseline"), ("R341", "follow_up"), ("R342", "baseline")], run.Scores.Select(s => (s["returnee_id"], s["round"])));
    }

    [Fact]
    public void Duplicate_survey_without_round_is_the_same_returnee_on_the_same_date()
    {
        var fixture = "reject-duplicate-survey-no-round.csv";
        AssertRejects(fixture, 3, 1,
            new Expect(3, "R351", "returnee_id", "R351", "duplicate_survey", $"already at row 2 of {TestFiles.Data(fixture)}"));
    }

    [Theory]
    [InlineData("too-few-fields.csv", "R212", 34)]
    [InlineData("too-many-fields.csv", "R222", 37)]
    public void A_row_with_another_number_of_fields_is_rejected_for_that_alone(string fixture, string id, int fields)
    {
        var run = FixtureRuns.Evaluate(fixture);
        Assert.Equal((3L, 2L, 1L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var reject = Assert.Single(run.Rejects);
        Assert.Equal(("3", id, "field_count"), (reject["row"], reject["returnee_id"], reject["reason"]));
        Assert.Contains($"the row has {fields} fields where the header has 36", reject["message"], StringComparison.Ordinal);
        Assert.StartsWith(id + ",SEN,", reject["value"], StringComparison.Ordinal);   // the row as read
    }

    [Fact]
    public void Field_count_rejects_short_and_long_rows()
    {
        AssertRejects("reject-field-count.csv", 3, 2,
            new Expect(3, "R362", "", "R362,SEN,Dakar,2026-07-14,baseline,1,female,4,rarely,yes", "field_count", "10 fields where the header has 36"),
            // The row as read is longer than 200 characters: it is cut in the reject (Reject.Cut).
            new Expect(4, "R363", "", Avrr.Analytics.Surveys.Reject.Cut(string.Join(',', ["R363", "SEN", "Dakar", "2026-07-14", "baseline", "1", "female",
                "4", "rarely", "yes", "rarely", "debt_below_spending", "yes", "good", "yes", "3",
                "good", "good", "yes", "yes", "good", "good", "good", "good", "good", "yes",
                "often", "yes", "agree", "rarely", "agree", "rarely", "rarely", "no", "agree", "no", "extra"])),
                "field_count", "37 fields where the header has 36"));
    }

    [Fact]
    public void An_unterminated_quote_is_a_malformed_row_and_the_rows_it_swallowed_are_not_counted_twice()
    {
        AssertRejects("reject-malformed-row.csv", 3, 1,
            new Expect(4, "R373", "", "", "malformed_row", "a quote opened in this row is never closed"));
    }

    [Fact]
    public void Missing_design_value_names_the_cluster_or_strata_column()
    {
        var fixture = "reject-missing-design-value.csv";
        var settings = FixtureRuns.Settings(fixture) with { ClusterColumn = "cluster_id", StrataColumn = "stratum" };
        AssertRejects(settings, 4, 2,
            new Expect(3, "R382", "cluster_id", "", "missing_design_value", "cluster_id is the cluster column of the survey design and is empty"),
            new Expect(4, "R383", "stratum", "", "missing_design_value", "stratum is the strata column of the survey design and is empty"));
        // Without a design the same rows are fine.
        Assert.Equal(0, FixtureRuns.Evaluate(fixture).Result.RowsRejected);
    }

    [Fact]
    public void A_row_of_separators_and_a_blank_line_are_passed_over_counted_and_keep_the_row_numbers_a_spreadsheet_shows()
    {
        // blank-rows.csv: header, R391, a line of separators, an empty line, R393 with an invalid answer "7".
        var path = TestFiles.Data("blank-rows.csv");
        var lines = File.ReadAllLines(path);
        lines[4] = lines[4].Replace(",4,rarely,", ",7,rarely,", StringComparison.Ordinal);
        var folder = TestFiles.TempFolder();
        var copy = Path.Combine(folder, "blank-rows.csv");
        File.WriteAllLines(copy, lines);
        var result = Avrr.Analytics.Runs.EvaluationRun.Execute(new Avrr.Analytics.Runs.Planning.RunSettings { Inputs = [copy], OutputFolder = Path.Combine(folder, "out") });
        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.RowsScored, result.RowsRejected));
        Assert.Equal(2, result.Inputs.Single().BlankRowsSkipped);
        var reject = File.ReadAllLines(Path.Combine(folder, "out", "rejects.csv"))[1];
        Assert.StartsWith($"{copy},5,R393,econ_satisfaction,7,invalid_answer,", reject, StringComparison.Ordinal);
        Assert.Contains("\"blank_rows_skipped\": 2", File.ReadAllText(Path.Combine(folder, "out", "manifest.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_five_problems_carries_five_rejects_and_counts_once()
    {
        AssertRejects("several-reasons-one-row.csv", 2, 1,
            new Expect(3, "R402", "country", "", "missing_value", "country is required"),
            new Expect(3, "R402", "survey_date", "2026-99-99", "invalid_date", "survey_date '2026-99-99'"),
            new Expect(3, "R402", "weight", "-2", "invalid_weight", "weight '-2'"),
            new Expect(3, "R402", "can_borrow", "peut-être", "invalid_answer", "'peut-être' is not an answer of can_borrow"),
            new Expect(3, "R402", "feels_safe", "7", "invalid_answer", "'7' is not an answer of feels_safe"));
    }

    [Fact]
    public void Quoted_separators_quotes_and_line_breaks_stay_inside_their_field_and_rows_are_numbered_as_records()
    {
        var run = AssertRejects("quoted-newlines.csv", 3, 1,
            new Expect(4, "R203", "can_borrow", "maybe", "invalid_answer", "'maybe'"));
        var scores = run.Scores;
        Assert.Equal("Saint-Louis, quartier Nord", scores[0]["community"]);
        Assert.Equal("first line\nsecond line, with a comma", scores[0]["note"]);
        Assert.Equal("he said \"bonjour\", then left\r\nthird line", scores[1]["note"]);
    }

    [Fact]
    public void A_nul_byte_in_a_field_rejects_its_row_with_the_nul_shown_as_a_symbol_in_rejects()
    {
        AssertRejects("reject-nul-byte.csv", 5, 1,
            new Expect(3, "R432", "sex", "fe\u2400male", "nul_byte", "sex holds a NUL byte (shown as \u2400), which is not text"));
    }

    [Fact]
    public void An_id_or_a_round_past_1000_characters_is_rejected_as_too_long_and_one_of_1000_is_kept()
    {
        var id = "R" + new string('4', 1000);
        var round = new string('b', 1001);
        AssertRejects("reject-key-too-long.csv", 4, 2,
            new Expect(3, Reject.Cut(id), "returnee_id", Reject.Cut(id), "key_too_long", "returnee_id has 1,001 characters, more than the 1,000"),
            new Expect(4, "R443", "round", Reject.Cut(round), "key_too_long", "round has 1,001 characters"));
    }

    [Fact]
    public void A_field_past_32767_characters_rejects_its_row_unread_and_one_of_32767_characters_or_bytes_is_read()
    {
        // Issue 23 §11: one value of 50 MB made a run hold 6 GB; no field longer than a cell of Excel is read.
        var run = AssertRejects("reject-field-too-long.csv", 6, 2,
            new Expect(3, "R452", "sex", new string('x', 150) + "… (32,768 characters)", "field_too_long",
                "sex holds 32,768 characters, more than the 32,767 a field may have (the most a cell of Excel holds)"),
            new Expect(4, "R453", "econ_satisfaction", new string('5', 150) + "… (40,000 characters)", "field_too_long", "econ_satisfaction holds 40,000 characters"));
        Assert.Equal([new string('y', 32767), new string('\u00e9', 20000)], run.Scores.Where(s => s["returnee_id"] is "R454" or "R455").Select(s => s["sex"]));
        Assert.Contains(run.Scores, s => s["returnee_id"] == "R452" && s["round"] == "followup");
    }

    [Fact]
    public void Every_reject_reason_has_a_fixture()
    {
        var covered = new[]
        {
            "missing_value", "invalid_date", "invalid_answer", "invalid_weight", "duplicate_survey", "field_count",
            "malformed_row", "missing_design_value", "nul_byte", "key_too_long", "field_too_long",
        };
        Assert.Equal(Enum.GetValues<Avrr.Analytics.Surveys.RejectReason>().Select(r => Avrr.Analytics.Surveys.RejectReasons.Name(r)).Order(), covered.Order());
        foreach (var name in covered)
            Assert.True(File.Exists(TestFiles.Data($"reject-{name.Replace('_', '-')}.csv")), name);
    }
}
