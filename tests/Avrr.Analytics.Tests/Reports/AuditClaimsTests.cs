using System.Text.RegularExpressions;
using Avrr.Analytics.Reports;
using Avrr.Analytics.Reports.Results;
using Avrr.Analytics.Reports.Text;

namespace Avrr.Analytics.Tests.Reports;

/// <summary>
/// The audit section never says both that the ranking is stable and that it depends on a choice (issue 26 §2), and
/// never shows a Sobol index outside 0–1 or a first order above its total: the section is read as a reader reads it,
/// in English and in French, for a ranking that moves under no variant (the sample's countries), one that moves
/// (its communities), and a result whose ranks all held while its sensitivity table still carries indices.
/// </summary>
public sealed class AuditClaimsTests
{
    private static readonly Dictionary<string, (Regex Stable, Regex Depends)> Claims = new()
    {
        ["en"] = (new(@"does not depend on|not said to depend"), new(@"depends most on|depend on how the index is built")),
        ["fr"] = (new(@"ne dépend pas des choix|ne dépend d'aucun|n'est donc dit dépendre d'aucun"), new(@"dépend surtout de|dépend de la construction")),
    };

    private static readonly Lazy<string> Communities = new(() =>
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "results");
        Cli.Avrr.Expect(0, ["run", Cli.Samples.Sample, "--out", folder, "--quiet", "--formats", "csv", "--no-insights", "--audit-level", "country+community"]);
        return folder;
    });

    /// <summary>The sample's result with a sensitivity table that carries indices although no rank moved from its 5th to its 95th percentile.</summary>
    private static readonly Lazy<string> StableWithIndices = new(() =>
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "copy");
        Cli.SampleResults.CopyDefault(folder);
        var header = "assumption,nominal,alternatives,first_order,total,first_order_p05,first_order_p95,total_p05,total_p95,first_order_withheld,total_withheld";
        File.WriteAllLines(Path.Combine(folder, "audit", "sensitivity.csv"),
        [
            header,
            "weights,the scheme's weights,x,0.5,0.6,0.45,0.55,0.5,0.7,,",
            "aggregation,arithmetic,arithmetic; geometric,,0.3,,,0.2,0.4,interval_too_wide,",
        ]);
        var notes = Path.Combine(folder, "audit", "notes.csv");
        File.WriteAllLines(notes, File.ReadAllLines(notes).Where(l => !l.StartsWith("sensitivity_", StringComparison.Ordinal))
            .Concat(["sensitivity_moved_runs,20", "sensitivity_ab_runs,64", "sensitivity_max_interval_width,0.3"]));
        return folder;
    });

    private static string Section(string folder, string language)
    {
        var html = EvaluationReport.Render(ResultFolder.Open(folder), ReportLanguage.Of(language)!);
        return new ReportPage(html).Document.QuerySelector("section#audit")!.TextContent;
    }

    public static TheoryData<string, string> Cases() => new()
    {
        { "sample", "en" }, { "sample", "fr" }, { "communities", "en" }, { "communities", "fr" }, { "stable-with-indices", "en" }, { "stable-with-indices", "fr" },
    };

    private static string Folder(string name) => name switch
    {
        "sample" => Cli.SampleResults.Default,
        "communities" => Communities.Value,
        _ => StableWithIndices.Value,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_section_never_says_the_ranking_is_stable_and_that_it_depends_on_a_choice(string result, string language)
    {
        var text = Section(Folder(result), language);
        var (stable, depends) = Claims[language];
        Assert.False(stable.IsMatch(text) && depends.IsMatch(text),
            $"Both \"{stable.Match(text).Value}\" and \"{depends.Match(text).Value}\" in the {language} audit section of {result}");
        // Each result says one of the two, so the patterns are the report's own words.
        Assert.True(stable.IsMatch(text) || depends.IsMatch(text), $"Neither claim found in the {language} audit section of {result}");
        if (result == "communities") Assert.Matches(depends, text);
        else Assert.Matches(stable, text);
    }

    [Fact]
    public void A_withheld_index_is_shown_with_its_reason_in_both_languages()
    {
        Assert.Contains("withheld: its 5–95% interval is wider than 0.30", Section(StableWithIndices.Value, "en"), StringComparison.Ordinal);
        Assert.Contains("non présenté\u00A0: son intervalle 5–95\u00A0% est plus large que 0,30", Section(StableWithIndices.Value, "fr"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ranking_that_moves_names_the_choice_it_depends_most_on_with_an_index_the_table_supports()
    {
        var rows = CsvRecords.ReadTable(Path.Combine(Communities.Value, "audit", "sensitivity.csv"));
        var shown = rows.Where(r => r["total"] != "").ToArray();
        Assert.NotEmpty(shown);
        foreach (var row in rows)
            foreach (var column in new[] { "first_order", "total" })
            {
                if (row[column] == "") { Assert.NotEqual("", row[column + "_withheld"]); continue; }
                var value = double.Parse(row[column], System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(value, 0, 1);
            }
        Assert.Contains("The ranking depends most on", Section(Communities.Value, "en"), StringComparison.Ordinal);
    }
}
