using System.Text.Json.Nodes;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Issue 22 §1 and §3: an export whose record columns have the French names field teams give them
/// (<c>id_beneficiaire;Pays;Communauté;date_enquete;vague;poids</c>) goes through <c>avrr init --lang fr</c> and
/// <c>avrr run --config</c> to the same weighted estimates, with communities, as the same export with the
/// engine's own names, in French; a run whose weights are not mapped says so in the summary, the manifest
/// and the report, unless it is unweighted on purpose.
/// </summary>
public sealed class FieldHeaderTests
{
    private static readonly string[] FrenchRecordHeaders = ["id_beneficiaire", "Pays", "Communauté", "date_enquete", "vague", "poids"];

    /// <summary>The sample (no field is quoted) with its record columns renamed as a French field team names them, ';'-separated.</summary>
    private static string FrenchExport(string folder)
    {
        var (header, rows) = Samples.Fields(Samples.Sample);
        Assert.Equal(["returnee_id", "country", "community", "survey_date", "round", "weight"], header[..6]);
        var path = Path.Combine(folder, "export-fr.csv");
        File.WriteAllLines(path, new[] { string.Join(';', [.. FrenchRecordHeaders, .. header[6..]]) }.Concat(rows.Select(r => string.Join(';', r))));
        return path;
    }

    private static JsonNode Manifest(string results) => JsonNode.Parse(File.ReadAllText(Path.Combine(results, "manifest.json")))!;

    [Fact]
    public void The_French_header_export_through_init_fr_and_run_gives_the_weighted_estimates_with_communities_of_the_English_one_in_French()
    {
        var folder = TestFiles.TempFolder();
        var french = FrenchExport(folder);
        var english = Path.Combine(folder, "export-en.csv");
        File.Copy(Samples.Sample, english);

        var init = Avrr.Expect(0, "init", french, "--lang", "fr", "--out", Path.Combine(folder, "fr.json"));
        Assert.Contains("Fichier d'évaluation écrit", init.Output);
        Assert.Contains("weight : 'poids' est proposé dans \"weight\"", init.Output);
        var file = File.ReadAllText(Path.Combine(folder, "fr.json"));
        Assert.Contains("\"lang\": \"fr\"", file);
        Assert.Contains("// Fichier d'évaluation fait par `avrr init`", file);
        Assert.Contains("\"community\": \"Communauté\",", file);
        Assert.Contains("\"round\": \"vague\",", file);
        Assert.Contains("\"weight\": \"poids\",", file);
        Assert.Contains("\"levels\": [\"sex\", \"age_group\"],", file);
        Avrr.Expect(0, "init", english, "--out", Path.Combine(folder, "en.json"));

        var fr = Path.Combine(folder, "results-fr");
        var en = Path.Combine(folder, "results-en");
        var frRun = Avrr.Expect(0, "run", "--config", Path.Combine(folder, "fr.json"), "--out", fr, "--quiet", "--no-audit");
        Avrr.Expect(0, "run", "--config", Path.Combine(folder, "en.json"), "--out", en, "--quiet", "--no-audit");

        Assert.Contains("lignes lues", frRun.Output);
        Assert.DoesNotContain("Attention", frRun.Output);
        foreach (var table in new[] { "aggregates.csv", "comparisons.csv", "panel_change.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(en, table)), File.ReadAllText(Path.Combine(fr, table)));
        var aggregates = CsvFile.Read(Path.Combine(fr, "aggregates.csv"));
        var communities = aggregates.Rows.Where(r => r[0] == "country+community").Select(r => r[aggregates.Index("community")]).Distinct().ToArray();
        Assert.True(communities.Length > 5, string.Join(", ", communities));
        Assert.DoesNotContain(communities, c => c.Contains("(unknown)", StringComparison.Ordinal));
        Assert.True((bool)Manifest(fr)["settings"]!["weighted"]!);
        Assert.Contains("<html lang=\"fr\">", File.ReadAllText(Path.Combine(fr, "report.html")));
        Assert.DoesNotContain("warning banner", File.ReadAllText(Path.Combine(fr, "report.html")));
    }

    /// <summary>The evaluation file of the French export with the weight and community lines taken out: what init wrote before.</summary>
    private static (string Folder, string Config) WithoutWeightAndCommunity()
    {
        var folder = TestFiles.TempFolder();
        FrenchExport(folder);
        Avrr.Expect(0, "init", Path.Combine(folder, "export-fr.csv"), "--lang", "fr", "--out", Path.Combine(folder, "full.json"));
        var config = Path.Combine(folder, "partial.json");
        File.WriteAllLines(config, File.ReadAllLines(Path.Combine(folder, "full.json")).Where(l => !l.Contains("\"weight\": \"poids\"") && !l.Contains("\"community\":")));
        return (folder, config);
    }

    [Fact]
    public void A_run_whose_weights_are_not_mapped_says_so_in_the_summary_the_manifest_and_a_banner_of_the_report()
    {
        var (folder, config) = WithoutWeightAndCommunity();
        var results = Path.Combine(folder, "results");
        var run = Avrr.Expect(0, "run", "--config", config, "--out", results, "--quiet", "--no-audit", "--no-insights", "--lang", "en");

        Assert.Contains("Warning: no column of sampling weights was read, so the estimates are UNWEIGHTED (every survey weighs 1), but the column poids looks like weights", run.Output);
        Assert.Contains("Warning: community is empty in", run.Output);
        var manifest = Manifest(results);
        Assert.False((bool)manifest["settings"]!["weighted"]!);
        Assert.False((bool)manifest["settings"]!["unweighted"]!);
        Assert.Equal(["poids"], manifest["checks"]!["weight_like_columns"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("community", (string)manifest["checks"]!["mostly_unknown"]![0]!["column"]!);
        var report = File.ReadAllText(Path.Combine(results, "report.html"));
        Assert.Contains("<div class=\"warning banner\" role=\"alert\">Unweighted estimates: no column of sampling weights was read", report);
        Assert.Contains("Weights: none, the estimates are unweighted (every survey weighs 1)", report);
        Assert.DoesNotContain("Weights: the column weight (1 when absent)", report);
        // The banner comes before the first section.
        Assert.True(report.IndexOf("warning banner", StringComparison.Ordinal) < report.IndexOf("<section", StringComparison.Ordinal));

        // The French report says it too.
        var fr = Avrr.Expect(0, "report", results, "--lang", "fr", "--out", Path.Combine(folder, "rapport.html"));
        Assert.Contains("Estimations non pondérées", File.ReadAllText(Path.Combine(folder, "rapport.html")), StringComparison.Ordinal);
        _ = fr;
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("key")]
    [InlineData("null")]
    public void An_unweighted_run_on_purpose_is_said_so_without_a_warning(string how)
    {
        var (folder, config) = WithoutWeightAndCommunity();
        if (how != "flag")
            File.WriteAllText(config, File.ReadAllText(config).Replace("\"cluster\": null,", how == "key" ? "\"unweighted\": true, \"cluster\": null," : "\"weight\": null, \"cluster\": null,", StringComparison.Ordinal));
        var results = Path.Combine(folder, "results");
        string[] args = ["run", "--config", config, "--out", results, "--quiet", "--no-audit", "--no-insights", "--lang", "en"];
        var run = Avrr.Expect(0, how == "flag" ? [.. args, "--unweighted"] : args);

        Assert.DoesNotContain("looks like weights", run.Output);
        Assert.Contains("The estimates are unweighted (every survey weighs 1): as asked", run.Output);
        var manifest = Manifest(results);
        Assert.True((bool)manifest["settings"]!["unweighted"]!);
        Assert.Empty(manifest["checks"]!["weight_like_columns"]!.AsArray());
        Assert.DoesNotContain("Unweighted estimates:", File.ReadAllText(Path.Combine(results, "report.html")));
    }

    [Fact]
    public void Unweighted_with_a_weight_column_named_is_a_usage_error_in_both_languages()
    {
        var call = Avrr.Expect(2, "run", Samples.Sample, "--unweighted", "--weight", "weight", "--out", Path.Combine(TestFiles.TempFolder(), "r"));
        Assert.Contains("--unweighted says that no column holds weights, and --weight weight names one", call.Output);
        var fr = Avrr.Expect(2, "run", Samples.Sample, "--unweighted", "--weight", "weight", "--lang", "fr", "--out", Path.Combine(TestFiles.TempFolder(), "r"));
        Assert.Contains("--unweighted dit qu'aucune colonne ne contient de poids", fr.Output);
    }

    [Fact]
    public void Unweighted_leaves_a_weight_column_unread()
    {
        var results = Path.Combine(TestFiles.TempFolder(), "r");
        Avrr.Expect(0, "run", Samples.Clean, "--unweighted", "--out", results, "--quiet", "--no-audit", "--no-insights", "--formats", "csv");
        Assert.All(CsvFile.Read(Path.Combine(results, "returnee_scores.csv")).Column("weight"), w => Assert.Equal("1", w));
        Assert.False((bool)Manifest(results)["settings"]!["weighted"]!);
    }

    [Fact]
    public void Init_never_proposes_a_weight_an_id_or_a_date_as_a_level_and_asks_when_unsure()
    {
        var folder = TestFiles.TempFolder();
        var (header, rows) = Samples.Fields(Samples.Sample);
        // English record names kept, plus columns named like weights, ids and dates, and a second column that could be the community.
        string[] extra = ["poids_menage", "Date de retour", "code_beneficiaire_2", "commune_origine"];
        var export = Samples.Write(Path.Combine(folder, "export.csv"), [.. header.Select(h => h == "community" ? "localite_actuelle" : h), .. extra],
            rows.Select(r => (string[])[.. r, "1.5", "2024-01-01", "X1", "Dakar"]).ToList());
        var call = Avrr.Expect(0, "init", export, "--out", Path.Combine(folder, "e.json"));
        var file = File.ReadAllText(Path.Combine(folder, "e.json"));
        var levels = file.Split('\n').Single(l => l.TrimStart().StartsWith("\"levels\"", StringComparison.Ordinal));
        foreach (var never in extra.Take(3)) Assert.DoesNotContain(never.ToLowerInvariant(), levels, StringComparison.Ordinal);
        Assert.Contains("// Not proposed (an id, a date or weights is never a group): poids_menage, date de retour.", file);
        // Two headers could hold the community: the first by its words is proposed, the other named, and init says it is unsure.
        Assert.Contains("\"community\": \"localite_actuelle\",   // proposed: check that it holds community (unsure: only a word or the spelling of its name is near); unsure: or is it \"commune_origine\"?", file);
        Assert.Contains("(or 'commune_origine'?)", call.Output);
        // The export has a weight column of its own: init names it, and never writes "weight": null.
        Assert.Contains("\"weight\": \"weight\",", file);
    }

    [Fact]
    public void Init_without_a_weight_column_leaves_the_weight_to_fill_in_and_never_writes_weight_null()
    {
        var folder = TestFiles.TempFolder();
        var (header, rows) = Samples.Fields(Samples.Sample);
        var w = Array.IndexOf(header, "weight");
        var export = Samples.Write(Path.Combine(folder, "export.csv"), header.Where((_, j) => j != w).ToArray(), rows.Select(r => r.Where((_, j) => j != w).ToArray()).ToList());
        var call = Avrr.Expect(0, "init", export, "--out", Path.Combine(folder, "e.json"), "--lang", "fr");
        var file = File.ReadAllText(Path.Combine(folder, "e.json"));
        Assert.DoesNotContain("\n  \"weight\": null", file);
        Assert.Contains("// Aucune colonne de poids de sondage trouvée.", file);
        Assert.Contains("weight : aucune colonne de poids trouvée", call.Output);
        // It runs, and says it is unweighted.
        var run = Avrr.Expect(0, "run", "--config", Path.Combine(folder, "e.json"), "--out", Path.Combine(folder, "r"), "--quiet", "--no-audit", "--no-insights");
        Assert.Contains("Les estimations ne sont pas pondérées (chaque enquête pèse 1) : les fichiers n'ont pas de colonne weight.", run.Output);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\r")]
    [InlineData("\u0001")]
    [InlineData("\u202E")]
    public void Init_escapes_what_it_writes_so_that_a_header_with_a_line_separator_leaves_valid_JSON(string separator)
    {
        // Issue 23 §8: a header holding U+2028 was written raw into a // comment, which a JSON reader ends there.
        var folder = TestFiles.TempFolder();
        var (header, rows) = Samples.Fields(Samples.Clean);
        var odd = $"remarque{separator}\"levels\": 5, x";
        var export = Path.Combine(folder, $"export{separator}q3.csv");
        File.WriteAllLines(export, new[] { string.Join(',', header.Select(h => h == "weight" ? "poids" : h)) + ",\"" + odd.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" }
            .Concat(rows.Select(r => string.Join(',', r) + ",a")));
        Avrr.Expect(0, "init", export, "--out", Path.Combine(folder, "e.json"));
        var file = File.ReadAllText(Path.Combine(folder, "e.json"));
        Assert.DoesNotContain(separator, file, StringComparison.Ordinal);
        var validate = Avrr.Run("validate", "--config", Path.Combine(folder, "e.json"), "--quiet");
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }
}
