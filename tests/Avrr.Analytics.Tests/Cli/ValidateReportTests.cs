namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// What <c>validate</c> prints beyond the counts (issue 12 §14, issue 17 §21): how every column of an input
/// was classified, attributes that look identifying, the checks, and nothing from the data that a terminal
/// would take as a command.
/// </summary>
public sealed class ValidateReportTests
{
    private static AvrrCall Validate(params string[] more) =>
        Avrr.Run(["validate", TestFiles.Data("kobo-select-multiple.csv"), "--quiet", "--config", MappingFile(), .. more]);

    private static string MappingFile()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "q3.json");
        File.WriteAllText(path, """{ "columns": { "returnee_id": "id_beneficiaire" } }""");
        return path;
    }

    [Fact]
    public void Validate_prints_how_every_column_was_classified()
    {
        var output = Validate().Output;
        Assert.Contains("    record:        grp_profile/id_beneficiaire → returnee_id, grp_profile/country → country, grp_profile/community → community, grp_profile/survey_date → survey_date, grp_profile/round → round", output);
        Assert.Contains("    questions:     29 of 29", output);
        Assert.Contains("    bookkeeping:   start, end, today, deviceid, _id, _uuid, _submission_time, _validation_status, _notes, _status, _submitted_by, __version__, _tags, _index", output);
        Assert.Contains("    personal data dropped: none", output);
        Assert.Contains("    attributes:    grp_profile/sex → sex, grp_profile/enumerator → enumerator, grp_eco/sources_revenu → sources_revenu, grp_eco/autre_precision, grp_assist/assistance_recue → assistance_recue, grp_assist/autre_precision", output);
        Assert.Contains("    select_multiple options ignored: grp_eco/sources_revenu/agriculture, grp_eco/sources_revenu/commerce, grp_eco/sources_revenu/autre, grp_assist/assistance_recue/formation, grp_assist/assistance_recue/autre", output);
    }

    [Fact]
    public void Validate_warns_about_an_attribute_that_names_the_enumerator()
    {
        Assert.Contains("Warning: the attribute enumerator looks identifying (its name says it is an enumerator or a user)", Validate().Output);
    }

    [Fact]
    public void Validate_warns_about_free_text_attributes()
    {
        var folder = TestFiles.TempFolder();
        var lines = File.ReadAllLines(TestFiles.Data("reject-invalid-answer.csv")).ToList();
        var header = lines[0] + ",remarks";
        var row = lines[2];       // a valid row, R322
        var rows = Enumerable.Range(0, 12).Select(i => row.Replace("R322", $"R9{i:00}", StringComparison.Ordinal) + $",the returnee said on visit {i} that the family had moved to another house");
        var path = Path.Combine(folder, "free-text.csv");
        File.WriteAllLines(path, [header, .. rows]);
        Assert.Contains("the attribute remarks looks identifying (its values look like free text (long, and nearly all different))", Avrr.Run("validate", path, "--quiet").Output);
    }

    [Fact]
    public void Validate_prints_short_interviews_by_day_and_enumerator()
    {
        var output = Validate().Output;
        Assert.Contains("Interview length (from start and end): 6 interviews, median 12 minutes.", output);
        Assert.Contains("Warning: 3 interviews took less than 5 minutes (flagged, not rejected):", output);
        Assert.Contains("    2025-07-15       3", output);
        Assert.Contains("  by enumerator:", output);
        Assert.Contains("    enq_B       3", output);
    }

    [Fact]
    public void Validate_prints_the_spellings_of_one_place_and_the_recode_to_merge_them()
    {
        var output = Avrr.Run("validate", TestFiles.Data("spellings-of-one-place.csv"), "--quiet").Output;
        Assert.Contains("Warning: the country values 'Senegal' (2), 'Sénégal' (1), 'sénégal' (1) differ only by case, accents or spaces", output);
        Assert.Contains("\"recode\": {\"country\": {\"sénégal\": \"Senegal\"}}", output);
    }

    [Fact]
    public void Control_characters_from_the_data_are_escaped_in_everything_printed()
    {
        var folder = TestFiles.TempFolder();
        var lines = File.ReadAllLines(TestFiles.Data("reject-invalid-answer.csv"));
        // An answer that would set the terminal's title and clear the screen, and a header with a bell.
        var hostile = lines[2].Replace(",4,", ",\u001b]0;pwned\u0007\u001b[2J,", StringComparison.Ordinal);
        var path = Path.Combine(folder, "hostile.csv");
        File.WriteAllLines(path, [lines[0] + ",note\u0007", hostile + ",x"]);
        var output = Avrr.Run("validate", path, "--quiet").Output;
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u0007', output);
        Assert.Contains("\\x1B]0;pwned\\x07\\x1B[2J", output);
        Assert.Contains("note\\x07", output);
    }
}
