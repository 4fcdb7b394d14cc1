namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>--lang fr</c> covers what a person reads (issue 12 §12): the summary with French numbers and "notées",
/// progress, the validation report, reject messages (accepted answers by their French labels), the help, and
/// <c>scheme show</c> with the questions' wording. The data files' columns and values never change with it.
/// </summary>
public sealed class LanguageTests
{
    private static string NewOut() => Path.Combine(TestFiles.TempFolder(), "results");

    [Fact]
    public void The_french_summary_says_notees_and_writes_numbers_the_french_way()
    {
        var call = Avrr.Run("run", Samples.Sample, "--out", NewOut(), "--lang", "fr", "--quiet");
        // 2,000 rows: a space between thousands; means with a decimal comma.
        Assert.Matches(@"2 000 lignes lues, 1 9\d\d notées, \d+ rejetées \(\d+,\d s\)", call.Output);
        Assert.DoesNotContain("scorées", call.Output);
        Assert.Matches(@"│ \w+ +│ +\d+ │ +0,\d{3} │ 0,\d{3} – 0,\d{3} │", call.Output);
    }

    [Fact]
    public void The_summary_names_the_period_and_the_rows_outside_it_in_both_languages()
    {
        var cumulative = TestFiles.Data("kobo-cumulative-quarters.csv");
        var french = Avrr.Run("run", cumulative, "--out", NewOut(), "--period", "2025-q3", "--lang", "fr", "--quiet", "--min-cell", "1");
        Assert.Contains("7 lignes lues, 2 notées, 1 rejetées", french.Output);
        Assert.Contains("4 lignes sont datées hors de la période (du 2025-07-01 au 2025-09-30) : ni notées, ni rejetées.", french.Output);
        var english = Avrr.Run("run", cumulative, "--out", NewOut(), "--period", "2025-Q3", "--quiet", "--min-cell", "1");
        Assert.Contains("4 rows are dated outside the period (2025-07-01 to 2025-09-30): not scored, not rejected.", english.Output);
    }

    [Fact]
    public void The_language_is_case_insensitive()
    {
        var out_ = NewOut();
        var call = Avrr.Expect(0, ["run", Samples.Clean, "--out", out_, "--lang", "FR", "--quiet", .. SampleResults.TablesOnly]);
        Assert.Contains("lignes lues", call.Output);
        Assert.Contains("\"lang\": \"fr\"", File.ReadAllText(Path.Combine(out_, "manifest.json")));
    }

    [Fact]
    public void Reject_messages_follow_the_language_and_list_accepted_answers_by_their_french_labels()
    {
        var out_ = NewOut();
        Avrr.Run("run", TestFiles.Data("reject-invalid-answer.csv"), "--out", out_, "--lang", "fr", "--quiet", "--min-cell", "1");
        var rejects = Reading.FixtureRuns.ReadCsv(Path.Combine(out_, "rejects.csv"));
        var satisfaction = rejects.First(r => r["column"] == "econ_satisfaction");
        Assert.Equal("invalid_answer", satisfaction["reason"]);     // reasons and columns stay ids
        Assert.StartsWith("'6' n'est pas une réponse de econ_satisfaction (échelle satisfaction5) ; réponses acceptées : Très insatisfait (1), Insatisfait (2),", satisfaction["message"]);
        Assert.Contains("ou Ne sait pas (dk), Refuse de répondre (refused), Non applicable (na) ou vide pour une réponse manquante", satisfaction["message"]);
    }

    [Fact]
    public void Validate_reports_in_french()
    {
        var call = Avrr.Run("validate", TestFiles.Data("reject-missing-value.csv"), "--lang", "fr", "--quiet");
        Assert.Contains("5 lignes lues, 1 valides, 4 rejetées", call.Output);
        Assert.Contains("ligne 4 : returnee_id est obligatoire et est vide", call.Output);
        Assert.Contains("  colonnes :", call.Output);
    }

    [Fact]
    public void Progress_lines_are_in_french_too()
    {
        var (_, progress) = Avrr.RunWithProgress(["run", Samples.Clean, "--out", NewOut(), "--lang", "fr", .. SampleResults.TablesOnly]);
        Assert.Contains("vérification des fichiers", progress);
        Assert.Contains("notation", progress);
    }

    [Fact]
    public void The_help_is_in_french()
    {
        var call = Avrr.Run("run", "--help", "--lang", "fr");
        Assert.Contains("Le dossier des résultats (par défaut : results)", call.Output);
        Assert.Contains("Seulement les enquêtes datées de ce trimestre", call.Output);
        var english = Avrr.Run("run", "--help");
        Assert.Contains("The result folder (default: results)", english.Output);
    }

    [Fact]
    public void Every_argument_and_flag_of_every_command_has_its_help_in_french()
    {
        // Every settings class of the runner: a description that HelpText cannot put in French would print in English.
        var settings = typeof(global::Avrr.Analytics.Cli.HelpText).Assembly.GetTypes()
            .Where(t => typeof(Spectre.Console.Cli.CommandSettings).IsAssignableFrom(t) && !t.IsAbstract).ToArray();
        Assert.NotEmpty(settings);
        var described = settings.SelectMany(t => t.GetProperties())
            .Select(p => (Property: p.DeclaringType!.Name + "." + p.Name, Attribute: p.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), true).Cast<System.ComponentModel.DescriptionAttribute>().SingleOrDefault()))
            .Where(d => d.Attribute is not null).ToArray();
        Assert.True(described.Length > 40, $"only {described.Length} described settings found");
        var untranslated = described.Where(d => d.Attribute is not global::Avrr.Analytics.Cli.LocalizedDescriptionAttribute localized
            || !global::Avrr.Analytics.Cli.HelpText.HasFrench(localized.English)).Select(d => d.Property);
        Assert.Empty(untranslated);
    }

    [Fact]
    public void Scheme_show_in_french_shows_the_question_wording_and_the_answer_labels_in_french()
    {
        var call = Avrr.Expect(0, "scheme", "show", "--lang", "fr");
        Assert.Contains("Dans quelle mesure êtes-vous satisfait(e) de votre situation économique actuelle ?", call.Output);
        Assert.Contains("Très insatisfait (1 → 0)", call.Output);
        Assert.Contains("poids", call.Output);
        var english = Avrr.Expect(0, "scheme", "show");
        Assert.Contains("How satisfied are you with your current economic situation?", english.Output);
        Assert.Contains("Very dissatisfied (1 → 0)", english.Output);
    }

    [Fact]
    public void Every_question_of_both_scheme_files_has_its_wording_in_english_and_french()
    {
        foreach (var path in new[] { Path.Combine(TestFiles.Repository, "data-samples", "rss-15.json"), Path.Combine(TestFiles.Repository, "src", "Avrr.Analytics", "Schemes", "rss-15.json") })
        {
            var scheme = global::Avrr.Analytics.Schemes.SchemeReader.Load(path);
            Assert.All(scheme.Questions, q =>
            {
                Assert.True(q.Text.TryGetValue("en", out var en) && en.Length > 10, $"{path}: {q.Id} has no English wording");
                Assert.True(q.Text.TryGetValue("fr", out var fr) && fr.Length > 10 && fr != en, $"{path}: {q.Id} has no French wording");
            });
        }
    }
}
