namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>avrr init EXPORT</c> (issue 12 §16): reads the header, proposes the column mapping for what it cannot
/// find, lists the columns to group by, and writes a commented evaluation file that runs; never overwrites.
/// </summary>
public sealed class InitCommandTests
{
    /// <summary>The Kobo-shaped export with its id column renamed to a near misspelling of returnee_id.</summary>
    private static string ExportWithNearId(string folder)
    {
        var path = Path.Combine(folder, "RSS_2025_Q3.csv");
        var text = File.ReadAllText(TestFiles.Data("kobo-select-multiple.csv")).Replace("grp_profile/id_beneficiaire", "grp_profile/returne_id", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Init_writes_an_evaluation_file_that_maps_the_near_header_and_runs()
    {
        var folder = TestFiles.TempFolder();
        var export = ExportWithNearId(folder);
        var file = Path.Combine(folder, "q3", "evaluation.json");

        var call = Avrr.Expect(0, "init", export, "--out", file);

        Assert.Contains("returnee_id: 'grp_profile/returne_id' is proposed in \"columns\"; check it", call.Output);
        Assert.Contains("Columns to group by: sex, sources_revenu, grp_eco/autre_precision, assistance_recue, grp_assist/autre_precision", call.Output);
        var text = File.ReadAllText(file);
        Assert.StartsWith("// Evaluation file made by `avrr init` from ../RSS_2025_Q3.csv.", text);
        Assert.Contains("\"returnee_id\": \"grp_profile/returne_id\",   // proposed: check that it holds returnee_id", text);
        Assert.Contains("// Not proposed (they look identifying; validate says why): enumerator.", text);
        // The file is a valid evaluation file: its relative input is found from its own folder, and it runs.
        var results = Path.Combine(folder, "results");
        // 2 of 6 rows rejected is above the 10% allowed: done, exit 1.
        var run = Avrr.Expect(1, "run", "--config", file, "--out", results, "--quiet");
        Assert.Contains("6 rows read, 4 scored, 2 rejected", run.Output);
    }

    [Fact]
    public void An_id_column_of_the_form_s_own_name_is_proposed_by_the_words_of_its_name()
    {
        var file = Path.Combine(TestFiles.TempFolder(), "evaluation.json");
        var call = Avrr.Expect(0, "init", TestFiles.Data("kobo-select-multiple.csv"), "--out", file);
        Assert.Contains("returnee_id: 'grp_profile/id_beneficiaire' is proposed in \"columns\"; check it", call.Output);
        var run = Avrr.Run("validate", "--config", file, "--quiet");
        Assert.Contains("6 rows read, 4 valid, 2 rejected", run.Output);
    }

    [Fact]
    public void A_required_column_with_no_near_header_is_left_as_a_line_to_fill_in()
    {
        var folder = TestFiles.TempFolder();
        var export = Path.Combine(folder, "export.csv");
        File.WriteAllText(export, File.ReadAllText(TestFiles.Data("kobo-select-multiple.csv")).Replace("grp_profile/id_beneficiaire", "grp_profile/q_17", StringComparison.Ordinal));
        var file = Path.Combine(folder, "evaluation.json");
        var call = Avrr.Expect(0, "init", export, "--out", file);
        Assert.Contains("returnee_id: no header looks like it; give its header in \"columns\"", call.Output);
        Assert.Contains("// \"returnee_id\": \"HEADER\",   (no header looks like it", File.ReadAllText(file));
        // Until it is filled in, the run says what is missing.
        var run = Avrr.Expect(3, "validate", "--config", file, "--quiet");
        Assert.Contains("the required column returnee_id is missing", run.Output);
    }

    [Fact]
    public void Init_never_overwrites_a_file()
    {
        var folder = TestFiles.TempFolder();
        var file = Path.Combine(folder, "evaluation.json");
        File.WriteAllText(file, "my notes");
        var call = Avrr.Expect(2, "init", TestFiles.Data("kobo-select-multiple.csv"), "--out", file);
        Assert.Contains("the file exists and is never overwritten", call.Output);
        Assert.Equal("my notes", File.ReadAllText(file));
    }

    [Fact]
    public void Init_classifies_the_columns_as_validate_does()
    {
        var call = Avrr.Expect(0, "init", TestFiles.Data("kobo-select-multiple.csv"), "--out", Path.Combine(TestFiles.TempFolder(), "e.json"));
        Assert.Contains("    select_multiple options ignored: grp_eco/sources_revenu/agriculture", call.Output);
        Assert.Contains("    questions:     29 of 29", call.Output);
    }
}
