using System.Text;
using System.Text.Json.Nodes;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Issue 22 §4 and issue 23 §12: an evaluation file's bad values are all listed at once with their lines; an
/// evaluation file given as an input points to --config; a folder's files that are not exports are skipped
/// and listed, not a reason to refuse the run; an evaluation file and its tables are bounded.
/// </summary>
public sealed class EveryProblemAtOnceTests
{
    [Fact]
    public void Three_bad_values_of_an_evaluation_file_are_listed_at_once_with_their_lines()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, $$"""
            {
              "inputs": [{{System.Text.Json.JsonSerializer.Serialize(Samples.Sample)}}],
              "minCell": 0,
              "ci": "wide",
              "keep": "middle",
              "insights": "yes"
            }
            """);
        var call = Avrr.Expect(2, "run", "--config", config, "--out", Path.Combine(folder, "r"));
        Assert.Contains($"--config {config} has 4 problems:", call.Output);
        Assert.Contains("line 6: \"insights\" must be true or false", call.Output);
        Assert.Contains($"\"minCell\": 0 in {config}, line 3: must be a whole number from 1", call.Output);
        Assert.Contains($"\"ci\": wide in {config}, line 4: unknown interval method", call.Output);
        Assert.Contains($"\"keep\": middle in {config}, line 5: must be first or last", call.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "r")));

        var fr = Avrr.Expect(2, "run", "--config", config, "--out", Path.Combine(folder, "r"), "--lang", "fr");
        Assert.Contains($"--config {config} a 4 problèmes :", fr.Output);
    }

    [Theory]
    [InlineData("sql")]
    [InlineData("seal")]
    public void The_recipes_commands_list_every_bad_value_at_once_as_run_does(string command)
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, """
            {
              "minCell": 0,
              "ci": "wide",
              "partialPanel": "people",
              "insights": "yes"
            }
            """);
        string[] args = command == "sql"
            ? ["partial", "sql", "--tree", Path.Combine(folder, "tree"), "--to", Path.Combine(folder, "to"), "--config", config]
            : ["partial", "seal", folder, "--config", config];
        var call = Avrr.Expect(2, args);
        Assert.Contains($"--config {config} has 4 problems:", call.Output);
        Assert.Contains("line 5: \"insights\" must be true or false", call.Output);
        Assert.Contains($"\"minCell\": 0 in {config}, line 2: must be a whole number from 1", call.Output);
        Assert.Contains($"\"ci\": wide in {config}, line 3: unknown interval method", call.Output);
        Assert.Contains($"\"partialPanel\": people in {config}, line 4: unknown way to carry panel change", call.Output);

        var fr = Avrr.Expect(2, [.. args, "--lang", "fr"]);
        Assert.Contains($"--config {config} a 4 problèmes :", fr.Output);
        Assert.Contains($"\"minCell\": 0 dans {config}, ligne 2 : doit être un nombre entier de 1", fr.Output);
    }

    [Fact]
    public void A_path_with_a_null_character_is_a_problem_of_the_file_not_a_crash()
    {
        // Found by the evaluation file's fuzz harness: "\u0000" in a path reached the file system, which threw (exit 4).
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, """{"inputs": ["a\u0000b.csv"], "out": "r\u0000", "minCell": 0}""");
        var call = Avrr.Expect(2, "run", "--config", config);
        Assert.Contains($"--config {config} has 3 problems:", call.Output);
        Assert.Contains("line 1: \"inputs\" holds a null character (\\u0000), which no file name can", call.Output);
        Assert.Contains("line 1: \"out\" holds a null character", call.Output);
        Assert.Single(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void One_bad_value_is_worded_as_before()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, $$"""{"inputs": [{{System.Text.Json.JsonSerializer.Serialize(Samples.Sample)}}], "keep": "middle"}""");
        var call = Avrr.Expect(2, "run", "--config", config, "--out", Path.Combine(folder, "r"));
        Assert.Contains($"error: \"keep\": middle in {config}, line 1: must be first or last", call.Output);
    }

    [Theory]
    [InlineData("run", "en", "q3.json is an evaluation file, not an export: give it with --config (avrr run --config ")]
    [InlineData("validate", "fr", "q3.json est un fichier d'évaluation, pas un export : donnez-le avec --config (avrr validate --config ")]
    public void An_evaluation_file_given_as_an_input_points_to_config(string command, string lang, string expected)
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, "{}");
        var call = Avrr.Expect(2, command, config, "--lang", lang);
        Assert.Contains(expected, call.Output);
    }

    [Fact]
    public void A_folder_s_files_that_are_not_exports_are_skipped_and_listed_in_the_summary_and_the_manifest()
    {
        var folder = TestFiles.TempFolder();
        var exports = Path.Combine(folder, "exports");
        Directory.CreateDirectory(exports);
        File.Copy(Samples.Clean, Path.Combine(exports, "q3.csv"));
        File.WriteAllText(Path.Combine(exports, "notes.txt"), "Mission de suivi à Kayes, juillet 2026.\nRAS.\n");
        File.WriteAllText(Path.Combine(exports, "empty.csv"), "");
        var results = Path.Combine(folder, "results");

        var run = Avrr.Expect(0, "run", exports, "--out", results, "--quiet", "--no-audit", "--no-insights");
        Assert.Contains($"2 files of the input folders were skipped (not survey exports): {Path.Combine(exports, "empty.csv")} (empty), {Path.Combine(exports, "notes.txt")} (no column of a survey export)", run.Output);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(results, "manifest.json")))!;
        Assert.Equal(["empty_file", "not_an_export"], manifest["inputs_skipped"]!.AsArray().Select(s => (string)s!["reason"]!));
        Assert.Single(manifest["inputs"]!.AsArray());
        Assert.Contains("files of the input folders were skipped", File.ReadAllText(Path.Combine(results, "report.html")));

        var validate = Avrr.Run("validate", exports, "--quiet", "--lang", "fr");
        Assert.Contains("2 fichiers des dossiers donnés ont été ignorés (pas des exports d'enquêtes)", validate.Output);
    }

    [Fact]
    public void A_file_given_by_name_is_never_skipped_and_a_folder_of_no_export_is_refused()
    {
        var folder = TestFiles.TempFolder();
        var notes = Path.Combine(folder, "notes.txt");
        File.WriteAllText(notes, "Mission de suivi.\n");
        var named = Avrr.Expect(3, "run", notes, "--out", Path.Combine(folder, "r"));
        Assert.Contains("input refused:", named.Output);

        var only = Path.Combine(folder, "only-notes");
        Directory.CreateDirectory(only);
        File.Copy(notes, Path.Combine(only, "notes.txt"));
        var call = Avrr.Expect(3, "run", only, "--out", Path.Combine(folder, "r"), "--lang", "fr");
        Assert.Contains("aucun fichier des dossiers donnés n'est un export d'enquêtes (ignorés : notes.txt)", call.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "r")));
    }

    [Fact]
    public void A_folder_s_export_with_a_missing_column_is_refused_not_skipped()
    {
        // A real export with a problem must not vanish from the run: only files with no export column are skipped.
        var folder = TestFiles.TempFolder();
        var exports = Path.Combine(folder, "exports");
        Directory.CreateDirectory(exports);
        var (header, rows) = Samples.Fields(Samples.Clean);
        Samples.Write(Path.Combine(exports, "q3.csv"), header.Select(h => h == "returnee_id" ? "case" : h).ToArray(), rows);
        var call = Avrr.Expect(3, "run", exports, "--out", Path.Combine(folder, "r"));
        Assert.Contains("the required column returnee_id is missing", call.Output);
    }

    [Fact]
    public void An_evaluation_file_larger_than_the_limit_is_refused_before_it_is_parsed()
    {
        // Issue 23 §12: a 105 MB file of 5 million recode entries took 2.8 GB; anything past 4 MB is refused unread.
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "big.json");
        using (var writer = new StreamWriter(config, false, new UTF8Encoding(false)))
        {
            writer.Write("{\"recode\": {\"community\": {");
            for (var i = 0; i < 400_000; i++) writer.Write($"\"v{i}\": \"c\", ");
            writer.Write("\"last\": \"c\"}}}");
        }
        Assert.True(new FileInfo(config).Length > 4 * 1024 * 1024);
        var call = Avrr.Expect(2, "run", Samples.Sample, "--config", config, "--out", Path.Combine(folder, "r"));
        Assert.Contains($"--config {config}: the file is", call.Output);
        Assert.Contains("more than an evaluation file may be (4 MB)", call.Output);
        var fr = Avrr.Expect(2, "validate", Samples.Sample, "--config", config, "--lang", "fr");
        Assert.Contains("plus que ce qu'un fichier d'évaluation peut faire (4 Mo)", fr.Output);
    }

    [Fact]
    public void A_recode_table_with_more_entries_than_the_limit_is_refused()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "many.json");
        var body = new StringBuilder("{\"recode\": {\"community\": {");
        for (var i = 0; i < 100_001; i++) body.Append($"\"{i}\":\"c\",");
        body.Append("}}}");
        File.WriteAllText(config, body.ToString());
        Assert.True(new FileInfo(config).Length < 4 * 1024 * 1024);
        var call = Avrr.Expect(2, "run", Samples.Sample, "--config", config, "--out", Path.Combine(folder, "r"));
        Assert.Contains("\"recode\" has 100,002 entries, more than an evaluation file may hold (100,000)", call.Output);
    }
}
