using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Avrr.Analytics.IO.Samples;
using Avrr.Analytics.Reports;
using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Text;
using Avrr.Analytics.Reports.Workbook;
using ExcelDataReader;

namespace Avrr.Analytics.Tests.Reports;

/// <summary>
/// The insights section of report.html and the insights sheets of results.xlsx (docs/report.md, "Insights"):
/// the numbers of insights/ shown and traced to their cells (their values are checked, in both languages, by
/// <see cref="ReportNumbersTests"/>), never risk.csv; French words; rows under min-cell withheld, both as the
/// run withholds them and when a suppressed row was tampered with (it holds 0.987654 and 98765, which must
/// show nowhere); names from the data as text; and the section saying why when the insights are off or the
/// early warning had too few returnees.
/// </summary>
public sealed class InsightsSectionTests(SampleResultFixture sample) : IClassFixture<SampleResultFixture>
{
    private static readonly string[] Leaks = ["98765", "98,765", "98\u00A0765", "0.99", "0,99", "99%", "99\u00A0%"];

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ");

    private static IElement Section(ReportPage page) => page.Document.GetElementById("insights")!;

    /// <summary>The text of the section, its charts' text and their labels for screen readers.</summary>
    private static string Everything(IElement section) =>
        section.TextContent + " " + string.Join(" ", section.QuerySelectorAll("[aria-label]").Select(e => e.GetAttribute("aria-label")));

    private static List<Dictionary<string, string>> Csv(string folder, string table) => CsvRecords.ReadTable(Path.Combine(folder, table + ".csv"));

    [Fact]
    public void The_section_shows_the_numbers_of_the_insights_tables_each_traced_to_its_cell()
    {
        var section = Section(new ReportPage(sample.Render("en")));
        var marks = section.QuerySelectorAll("[data-table]").Select(e => (Table: e.GetAttribute("data-table")!, Row: int.Parse(e.GetAttribute("data-row")!), Column: e.GetAttribute("data-col")!)).ToList();
        Assert.All(marks, m => Assert.StartsWith("insights/", m.Table));
        var shown = marks.ToHashSet();
        void Shown(string table, Func<Dictionary<string, string>, bool> where, params string[] columns)
        {
            var rows = Csv(sample.Folder, table);
            var matched = 0;
            for (var r = 0; r < rows.Count; r++)
            {
                if (!where(rows[r])) continue;
                matched++;
                foreach (var column in columns) Assert.True(shown.Contains((table, r, column)), $"{table} row {r} {column} is not shown");
            }
            Assert.True(matched > 0, $"no row of {table} to check");
        }

        Shown("insights/profiles", _ => true, "surveys", "share", "economic_score", "social_score", "psychosocial_score");
        Shown("insights/profile_selection", r => r["chosen"] == "true", "k", "gap");
        Shown("insights/profile_mix", r => r["level"] is "all" or "country", "share", "ci_low", "ci_high");
        Shown("insights/drivers_linear", r => r["term"] != "(Intercept)", "estimate", "ci_low", "ci_high");
        Shown("insights/drivers_linear", r => r["term"] != "(Intercept)" && r["outcome"] == "composite", "n");
        // Each attribute of the composite with its adjusted p-value (the one its decision reads), written "< 0.001" below that.
        Shown("insights/drivers_terms", r => r["outcome"] == "composite" && double.Parse(r["p_adjusted"], System.Globalization.CultureInfo.InvariantCulture) >= 0.001, "p_adjusted");
        Shown("insights/drivers_importance", _ => true, "importance_mean", "importance_sd");
        Shown("insights/early_warning", r => r["metric"] is "auc" or "precision" or "recall" or "threshold" or "brier" or "train_returnees" or "folds", "value");
        Shown("insights/early_warning_calibration", _ => true, "risk_from", "risk_to", "returnees", "mean_risk", "observed_share");
        Shown("insights/risk_by_country", _ => true, "returnees", "flagged", "share_flagged", "mean_risk");
        // Five charts: centroids, profile mix, importance, calibration, risk by country.
        Assert.Equal(5, section.QuerySelectorAll("svg.chart").Length);
        // The sentences say associations, with the comparison category named.
        var text = Squash(section.TextContent);
        Assert.Contains("Associations, not causes.", text);
        Assert.Contains("The early warning ranks returnees by how much they resemble those who fell back", text);
        Assert.Matches(@"“\w+” is associated with a (higher|lower) score than “[\w-]+” \(Composite score\)", text);
        Assert.Contains("the warning ranks a returnee who later fell in the low band above one who did not", text);
    }

    [Fact]
    public void The_list_of_returnees_at_risk_is_in_neither_the_report_nor_the_workbook()
    {
        var html = sample.Render("en");
        var ids = Csv(sample.Folder, "insights/risk").Select(r => r["returnee_id"]).ToArray();
        Assert.True(ids.Length > 100);
        foreach (var id in ids) Assert.DoesNotContain(">" + id + "<", html, StringComparison.Ordinal);
        var sheets = Sheets(Path.Combine(sample.Folder, "results.xlsx"));
        Assert.DoesNotContain(sheets.Values, s => s[0].Contains("factor_1"));
        Assert.DoesNotContain(sheets.Keys, k => k == "risk");
    }

    [Fact]
    public void French_writes_the_section_in_french_with_the_profile_names_of_an_english_run_in_french()
    {
        var section = Section(new ReportPage(sample.Render("fr")));
        var text = section.TextContent;
        Assert.Equal("Analyses\u00A0: profils, facteurs associés, alerte précoce", section.QuerySelector("h2")!.TextContent);
        foreach (var words in new[]
        {
            "Des associations, non des causes.", "Profils des personnes de retour", "Profils par pays", "Ce qui va avec de meilleurs scores",
            "Les attributs qui comptent le plus, interactions comprises", "Alerte précoce", "Personnes avec seulement une enquête initiale\u00A0: risque par pays",
            "en validation croisée",
        })
            Assert.Contains(words, text, StringComparison.Ordinal);
        foreach (var english in new[] { "Associations, not causes", "Returnee profiles", "Early warning", "is associated with", "Flagged" })
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        Assert.Contains(section.QuerySelectorAll("svg text"), t => t.TextContent.Trim() == "Baisse du R² hors échantillon après mélange");

        // The run named its profiles in English (docs/insights.md); the French report writes each part again in French.
        var french = new Dictionary<string, string>
        {
            ["high economic"] = "économique élevé", ["low economic"] = "économique faible", ["high social"] = "social élevé", ["low social"] = "social faible",
            ["high psychosocial"] = "psychosocial élevé", ["low psychosocial"] = "psychosocial faible",
        };
        var names = section.QuerySelectorAll("td").Select(td => td.TextContent).ToHashSet();
        foreach (var profile in Csv(sample.Folder, "insights/profiles"))
        {
            var expected = profile["name"] == "average in every dimension" ? "moyen dans chaque dimension" : string.Join(", ", profile["name"].Split(", ").Select(p => french[p]));
            Assert.Contains(expected, names);
        }
    }

    /// <summary>A byte-for-byte copy of the sample's result, to edit.</summary>
    private string Copy()
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "results");
        foreach (var file in Directory.GetFiles(sample.Folder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(folder, Path.GetRelativePath(sample.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return folder;
    }

    [Theory]
    [InlineData("en", "It is useful to decide whom to call first", "It helps decide whom to call first", "It does not rank better than the simple rule", "It ranks better than the simple rule", "are flagged by the rule: a baseline composite of")]
    [InlineData("fr", "Elle est utile pour décider", "Elle aide à décider", "Elle ne classe pas mieux que la règle simple", "Elle classe mieux que la règle simple", "sont signalées par la règle")]
    public void The_model_is_called_useful_only_when_it_beats_the_simple_rule(string language, string useful, string helps, string noLift, string beats, string byRule)
    {
        // The sample's model does not beat the rule (its AUC difference's interval holds 0): no "useful", the rule flags.
        var metrics = Csv(sample.Folder, "insights/early_warning").ToDictionary(r => r["metric"], r => r["value"]);
        Assert.Equal("0", metrics["model_beats_rule"]);
        string Text(string folder) => Squash(Section(new ReportPage(EvaluationReport.Render(ResultFolder.Open(folder), ReportLanguage.Of(language)!))).TextContent);
        var text = Text(sample.Folder);
        Assert.DoesNotContain(useful, text, StringComparison.Ordinal);
        Assert.DoesNotContain(helps, text, StringComparison.Ordinal);
        Assert.Contains(noLift, text, StringComparison.Ordinal);
        Assert.Contains(byRule, text, StringComparison.Ordinal);

        // The same result where the model beat the rule: the sentence of usefulness, and the model's flags.
        var folder = Copy();
        Edit(folder, "insights/early_warning", r => r["metric"] == "model_beats_rule", c => c == "value" ? "1" : null);
        var beaten = Text(folder);
        Assert.Contains(Number(metrics["auc"]) >= 0.8 ? useful : helps, beaten, StringComparison.Ordinal);
        Assert.Contains(beats, beaten, StringComparison.Ordinal);
        Assert.DoesNotContain(byRule, beaten, StringComparison.Ordinal);

        // A result without the comparison (made before it existed) calls the model useful nowhere either.
        var older = Copy();
        var path = Path.Combine(older, "insights", "early_warning.csv");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("model_beats_rule,", StringComparison.Ordinal)));
        var old = Text(older);
        Assert.DoesNotContain(useful, old, StringComparison.Ordinal);
        Assert.DoesNotContain(helps, old, StringComparison.Ordinal);
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("en", "No distinct profiles: of the numbers of profiles tried (k = 1 to 8)")]
    [InlineData("fr", "Pas de profils distincts\u00A0: parmi les nombres de profils essayés (k = 1 à 8)")]
    public void One_profile_chosen_says_there_are_no_distinct_profiles_instead_of_charts(string language, string sentence)
    {
        var folder = Copy();
        // The result of a run whose gap statistic chose k = 1: one profile, chosen k 1.
        var path = Path.Combine(folder, "insights", "profiles.csv");
        File.WriteAllLines(path, File.ReadAllLines(path).Take(2));
        Edit(folder, "insights/profile_selection", _ => true, c => c == "chosen" ? "false" : null);
        Edit(folder, "insights/profile_selection", r => r["k"] == "1", c => c == "chosen" ? "true" : null);
        var section = Section(new ReportPage(EvaluationReport.Render(ResultFolder.Open(folder), ReportLanguage.Of(language)!)));
        var text = section.TextContent;
        Assert.Contains(sentence, text, StringComparison.Ordinal);
        // No centroid chart and no profile mix chart: three charts left (importance, calibration, risk by country).
        Assert.Equal(3, section.QuerySelectorAll("svg.chart").Length);
    }

    /// <summary>A copy of the sample's result whose insights/ CSVs are edited: suppressed rows that still hold numbers, and hostile names.</summary>
    private string Tampered()
    {
        var folder = Copy();
        var profiles = Csv(folder, "insights/profiles");
        var last = profiles[^1]["profile"];
        var leaked = (string c) => c.StartsWith("indicator_", StringComparison.Ordinal) || c.EndsWith("_score", StringComparison.Ordinal) || c == "share" ? "0.987654" : c == "surveys" ? "98765" : null;
        Edit(folder, "insights/profiles", r => r["profile"] == last, c => c == "suppressed" ? "true" : leaked(c));
        Edit(folder, "insights/profiles", r => r["profile"] == "P1", c => c == "name" ? "<script>alert(1)</script>" : null);
        Edit(folder, "insights/profile_mix", r => r["level"] == "country" && r["country"] == "SEN" && r["profile"] == "P1",
            c => c switch { "suppressed" => "true", "share" or "ci_low" or "ci_high" or "se" => "0.987654", "n" => "98765", _ => null });
        Edit(folder, "insights/profile_mix", r => r["country"] == "GIN", c => c == "country" ? "<i>GIN</i>" : null);
        Edit(folder, "insights/drivers_linear", r => r["outcome"] == "composite" && r["term"] == "sex",
            c => c switch { "suppressed" => "true", "estimate" or "ci_low" or "ci_high" or "se" => "0.987654", "n" => "98765", _ => null });
        Edit(folder, "insights/drivers_linear", r => r["term"] == "assistance_type" && r["level"] == "social", c => c == "level" ? "<b>social</b>" : null);
        Edit(folder, "insights/early_warning_calibration", r => r["risk_from"] == "0.3",
            c => c switch { "suppressed" => "true", "mean_risk" or "observed_share" => "0.987654", "returnees" => "98765", _ => null });
        Edit(folder, "insights/risk_by_country", r => r["country"] == "MLI",
            c => c switch { "suppressed" => "true", "share_flagged" or "mean_risk" => "0.987654", "returnees" or "flagged" => "98765", _ => null });
        Edit(folder, "insights/risk_by_country", r => r["country"] == "GIN", c => c == "country" ? "<i>GIN</i>" : null);
        return folder;
    }

    /// <summary>Rewrites the rows of a table that match, each column's cell replaced by what <paramref name="set"/> gives (null: kept).</summary>
    private static void Edit(string folder, string table, Func<Dictionary<string, string>, bool> where, Func<string, string?> set)
    {
        var path = Path.Combine(folder, table + ".csv");
        var records = CsvRecords.Read(path);
        var header = records[0];
        var edited = 0;
        foreach (var record in records.Skip(1))
        {
            if (!where(header.Zip(record).ToDictionary(x => x.First, x => x.Second))) continue;
            for (var c = 0; c < header.Length; c++) record[c] = set(header[c]) ?? record[c];
            edited++;
        }
        Assert.True(edited > 0, $"no row of {table} was edited");
        static string Quote(string field) => field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
        File.WriteAllLines(path, records.Select(r => string.Join(',', r.Select(Quote))));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void A_suppressed_row_of_insights_shows_no_number_in_text_charts_or_labels_and_names_from_the_data_are_text(string language)
    {
        var control = Everything(Section(new ReportPage(sample.Render(language))));
        foreach (var leak in Leaks) Assert.DoesNotContain(leak, control, StringComparison.Ordinal);

        var folder = Tampered();
        var page = new ReportPage(EvaluationReport.Render(ResultFolder.Open(folder), ReportLanguage.Of(language)!));
        var section = Section(page);
        var everything = Everything(section);
        foreach (var leak in Leaks) Assert.DoesNotContain(leak, everything, StringComparison.Ordinal);
        foreach (var (table, row, _, _) in page.Numbers().Where(n => n.Table.StartsWith("insights/", StringComparison.Ordinal)))
            Assert.NotEqual("true", Csv(folder, table)[row].GetValueOrDefault("suppressed"));
        var suppressed = language == "fr" ? "masqué" : "suppressed";
        // The profile, the calibration bin and the country are named, with "suppressed" for their numbers; a group that would be a bar is none.
        Assert.Contains(section.QuerySelectorAll("svg text"), t => t.TextContent.Trim() == $"SEN ({suppressed})");
        Assert.Contains(section.QuerySelectorAll("svg text"), t => t.TextContent.Trim() == $"MLI ({suppressed})");
        var mli = section.QuerySelectorAll("tr").Single(tr => tr.QuerySelector("th")?.TextContent == "MLI" && tr.QuerySelectorAll("td").Length == 1);
        Assert.Equal($"{suppressed} (n < 5)", mli.QuerySelector("td")!.TextContent);

        Assert.Empty(page.Document.QuerySelectorAll("script, b, i"));
        Assert.Contains(section.QuerySelectorAll("td"), td => td.TextContent == "<script>alert(1)</script>");
        Assert.Contains(section.QuerySelectorAll("td"), td => td.TextContent == "<b>social</b>");
        Assert.Contains(section.QuerySelectorAll("th"), th => th.TextContent == "<i>GIN</i>");
        Assert.Contains(section.QuerySelectorAll("svg text"), t => t.TextContent.Trim() == "<i>GIN</i>");
    }

    private static Dictionary<string, List<object?[]>> Sheets(string path)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var sheets = new Dictionary<string, List<object?[]>>();
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
            sheets[reader.Name] = rows;
        } while (reader.NextResult());
        return sheets;
    }

    [Fact]
    public void A_suppressed_row_of_insights_is_empty_in_the_workbook_but_its_names_and_hostile_names_are_text()
    {
        var folder = Tampered();
        var path = Path.Combine(TestFiles.TempFolder(), "results.xlsx");
        ResultsWorkbook.Write(ResultFolder.Open(folder), path);
        var sheets = Sheets(path);
        foreach (var (name, rows) in sheets.Where(s => ResultsWorkbook.InsightSheets.Any(i => i.EndsWith("/" + s.Key, StringComparison.Ordinal))))
            foreach (var cell in rows.SelectMany(r => r))
                Assert.False(cell is 98765.0 or 0.987654, $"sheet {name} shows a number of a suppressed row");
        var mix = sheets["profile_mix"];
        var header = mix[0].Select(h => (string)h!).ToList();
        var sen = mix.Single(r => (string?)r[header.IndexOf("level")] == "country" && (string?)r[header.IndexOf("country")] == "SEN" && (string?)r[header.IndexOf("profile")] == "P1");
        Assert.Equal(true, sen[header.IndexOf("suppressed")]);
        Assert.Null(sen[header.IndexOf("share")]);
        Assert.IsType<string>(sen[header.IndexOf("name")]);
        Assert.Contains(sheets["profiles"], r => r.Contains("<script>alert(1)</script>"));
        Assert.Contains(sheets["drivers_linear"], r => r.Contains("<b>social</b>"));
    }

    [Fact]
    public void Rows_under_min_cell_are_withheld_by_the_run_and_shown_as_suppressed_in_the_section_and_empty_in_the_sheets()
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "results");
        Cli.Avrr.Expect(0, "run", Cli.Samples.Sample, "--out", folder, "--min-cell", "25", "--formats", "csv", "--no-audit", "--quiet");
        var bins = Csv(folder, "insights/early_warning_calibration");
        Assert.Contains(bins, b => b["suppressed"] == "true");
        var page = new ReportPage(File.ReadAllText(Path.Combine(folder, "report.html")));
        var section = Section(page);
        foreach (var (table, row, _, _) in page.Numbers().Where(n => n.Table.StartsWith("insights/", StringComparison.Ordinal)))
            Assert.NotEqual("true", Csv(folder, table)[row].GetValueOrDefault("suppressed"));
        // Each withheld bin keeps its bounds and says "suppressed (n < 25)" for its counts and shares.
        Assert.Equal(bins.Count(b => b["suppressed"] == "true"),
            section.QuerySelectorAll("td[colspan='3']").Count(td => td.TextContent == "suppressed (n < 25)"));

        var sheet = Sheets(Path.Combine(folder, "results.xlsx"))["early_warning_calibration"];
        var header = sheet[0].Select(h => (string)h!).ToList();
        for (var r = 0; r < bins.Count; r++)
        {
            if (bins[r]["suppressed"] != "true") continue;
            Assert.Equal(true, sheet[r + 1][header.IndexOf("suppressed")]);
            foreach (var column in new[] { "returnees", "mean_risk", "observed_share" }) Assert.Null(sheet[r + 1][header.IndexOf(column)]);
        }
    }

    [Fact]
    public void With_the_insights_off_the_section_says_so_in_both_languages_and_the_workbook_has_no_insights_sheet()
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "results");
        Cli.Avrr.Expect(0, "run", Cli.Samples.Sample, "--out", folder, "--no-insights", "--no-audit", "--formats", "csv", "--quiet");
        var section = Section(new ReportPage(File.ReadAllText(Path.Combine(folder, "report.html"))));
        Assert.Equal("Not shown: the run was made with the insights turned off (--no-insights, or \"insights\": false in the evaluation file), so there are no profiles, drivers or early warning.",
            Assert.Single(section.QuerySelectorAll("p.left-out")).TextContent);
        Assert.Empty(section.QuerySelectorAll("svg"));
        var french = Section(new ReportPage(EvaluationReport.Render(ResultFolder.Open(folder), ReportLanguage.Of("fr")!)));
        Assert.Contains("le traitement a été fait sans les analyses (--no-insights", Assert.Single(french.QuerySelectorAll("p.left-out")).TextContent, StringComparison.Ordinal);
        var sheets = Sheets(Path.Combine(folder, "results.xlsx"));
        Assert.DoesNotContain(sheets.Keys, k => ResultsWorkbook.InsightSheets.Any(i => i.EndsWith("/" + k, StringComparison.Ordinal)));
    }

    [Fact]
    public void Too_few_returnees_with_a_follow_up_the_section_says_why_there_is_no_early_warning_and_shows_the_rest()
    {
        var input = Path.Combine(TestFiles.TempFolder(), "small.csv");
        SampleExport.Write(input, 300, 5);
        var folder = Path.Combine(TestFiles.TempFolder(), "results");
        Cli.Avrr.Expect(0, "run", input, "--out", folder, "--formats", "csv", "--no-audit", "--quiet");
        var metrics = Csv(folder, "insights/early_warning");
        Assert.Equal("0", metrics.Single(m => m["metric"] == "trained")["value"]);
        var panel = int.Parse(metrics.Single(m => m["metric"] == "train_returnees")["value"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(panel, 5, 199);

        var section = Section(new ReportPage(File.ReadAllText(Path.Combine(folder, "report.html"))));
        Assert.Contains($"No early warning: {panel} returnees of the training sample have a baseline and a follow-up survey, and it needs at least 200 to learn from.",
            Squash(section.TextContent));
        Assert.DoesNotContain(section.QuerySelectorAll("h3, h4"), h => h.TextContent is "Calibration" || h.TextContent.StartsWith("Returnees with only a baseline", StringComparison.Ordinal));
        Assert.Contains(section.QuerySelectorAll("h3"), h => h.TextContent == "Returnee profiles");
        Assert.Empty(section.QuerySelectorAll("p.left-out"));
        var french = Section(new ReportPage(EvaluationReport.Render(ResultFolder.Open(folder), ReportLanguage.Of("fr")!))).TextContent;
        Assert.Contains($"Pas d'alerte précoce\u00A0: {panel} personnes de retour de l'échantillon ont une enquête initiale et une de suivi, et il en faut au moins 200", french, StringComparison.Ordinal);
    }
}
