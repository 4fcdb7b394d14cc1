namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>avrr report</c> (docs/commands.md): makes the report again from a result folder, in the language
/// asked for, without the inputs; never overwrites a file it did not make, and adds no file to a result
/// folder (which the next run would then refuse to replace).
/// </summary>
public sealed class ReportCommandTests
{
    /// <summary>A result folder of the sample with every default: a copy of the shared one, for the test to change.</summary>
    private static string Result() => SampleResults.CopyDefault(Path.Combine(TestFiles.TempFolder(), "results"));

    [Fact]
    public void A_french_report_is_made_from_a_result_folder_without_its_inputs()
    {
        var result = Result();
        var target = Path.Combine(TestFiles.TempFolder(), "rapport.html");
        var call = Avrr.Expect(0, "report", result, "--lang", "fr", "--out", target);
        Assert.Contains("Rapport écrit : ", call.Output, StringComparison.Ordinal);
        var html = File.ReadAllText(target);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Durabilité de la réintégration", html, StringComparison.Ordinal);
        // Again over its own report, and in English over the run's report in the result folder.
        Avrr.Expect(0, "report", result, "--lang", "en", "--out", target);
        Assert.Contains("<html lang=\"en\">", File.ReadAllText(target), StringComparison.Ordinal);
        var before = File.ReadAllBytes(Path.Combine(result, "report.html"));
        Avrr.Expect(0, "report", result, "--out", Path.Combine(result, "report.html"));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(result, "report.html")));
        // The folder is still a result the next run may replace.
        Avrr.Expect(0, ["run", Samples.Sample, "--out", result, "--quiet", .. SampleResults.TablesOnly]);
    }

    [Fact]
    public void A_file_it_did_not_make_is_left_as_it_is()
    {
        var result = Result();
        var target = Path.Combine(TestFiles.TempFolder(), "notes.html");
        File.WriteAllText(target, "<p>my notes</p>");
        var call = Avrr.Expect(2, "report", result, "--out", target);
        Assert.Contains("is not a report of avrr", call.Output, StringComparison.Ordinal);
        Assert.Equal("<p>my notes</p>", File.ReadAllText(target));
    }

    [Fact]
    public void No_new_file_is_added_to_a_result_folder()
    {
        var result = Result();
        var call = Avrr.Expect(2, "report", result, "--lang", "fr", "--out", Path.Combine(result, "report-fr.html"));
        // Asked in French, refused in French.
        Assert.Contains("la prochaine évaluation refuse de remplacer", call.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(result, "report-fr.html")));
    }

    [Fact]
    public void A_folder_that_is_not_a_result_is_refused_with_exit_3()
    {
        var folder = TestFiles.TempFolder();
        var call = Avrr.Expect(3, "report", folder, "--out", Path.Combine(folder, "r.html"));
        Assert.Contains("holds no manifest.json", call.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void A_language_the_report_is_not_written_in_is_a_usage_error()
    {
        var call = Avrr.Expect(2, "report", Result(), "--lang", "de", "--out", Path.Combine(TestFiles.TempFolder(), "r.html"));
        Assert.Contains("--lang de: avrr speaks en and fr", call.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_report_and_the_report_key_leave_out_the_report_and_the_workbook()
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        Avrr.Expect(0, "run", Samples.Sample, "--out", out_, "--no-report", "--no-insights", "--no-audit", "--quiet");
        Assert.False(File.Exists(Path.Combine(out_, "report.html")));
        Assert.False(File.Exists(Path.Combine(out_, "results.xlsx")));
        Assert.True(File.Exists(Path.Combine(out_, "data_quality.csv")));

        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q.json");
        File.WriteAllText(config, $$"""{ "inputs": [{{System.Text.Json.JsonSerializer.Serialize(Samples.Sample)}}], "out": "res", "report": false, "insights": false, "audit": false }""");
        Avrr.Expect(0, "run", "--config", config, "--quiet");
        Assert.False(File.Exists(Path.Combine(folder, "res", "report.html")));
        Assert.Equal("false", OutputContract.Manifest(Path.Combine(folder, "res"))["settings"]!["report"]!.ToString());
    }
}
