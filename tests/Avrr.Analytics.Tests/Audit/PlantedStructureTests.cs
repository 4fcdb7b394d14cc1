using System.Globalization;
using Avrr.Analytics.Audit;
using SampleFiles = Avrr.Analytics.Tests.Cli.Samples;

namespace Avrr.Analytics.Tests.Audit;

/// <summary>
/// The audit finds structure planted in the data: an indicator generated independently of its dimension
/// is flagged as not measuring what its dimension measures, a near copy of a sibling as redundant, a
/// heavily skewed one as an outlier, and the derived weights give the independent one almost nothing.
/// </summary>
public sealed class PlantedStructureTests
{
    private static HashSet<(string, string, string)> Flags(IEnumerable<Dictionary<string, string>> rows) =>
        rows.Select(r => (r["indicator"], r["flag"], r["other"])).ToHashSet();

    [Fact]
    public void In_the_R_fixture_the_noise_indicator_the_near_copy_and_the_skewed_one_are_flagged_and_nothing_else_is_weak()
    {
        var flags = Flags(AuditFixture.Run.Table("flags"));
        Assert.Contains(("education", "weak_with_rest_of_dimension", "social"), flags);
        Assert.Contains(("safety", "redundant_with_sibling", "wellbeing"), flags);
        Assert.Contains(("debt", "outlier", ""), flags);
        Assert.Equal(["education"], flags.Where(f => f.Item2.StartsWith("weak", StringComparison.Ordinal)).Select(f => f.Item1).Distinct());
        var weights = AuditFixture.Run.Table("weights").ToDictionary(r => r["node"]);
        Assert.True(AuditFixture.Number(weights["education"]["derived_in_parent"]) < 0.02);
    }

    [Fact]
    public void In_the_sample_an_indicator_whose_answers_are_drawn_independently_of_everything_is_flagged()
    {
        // The sample with children_in_school answered at random (seeded), independently of the returnee.
        var lines = File.ReadAllLines(SampleFiles.Clean);
        var column = Array.IndexOf(lines[0].Split(','), "children_in_school");
        var random = new Random(3);
        var planted = Path.Combine(TestFiles.TempFolder(), "planted.csv");
        File.WriteAllLines(planted, lines.Select((line, i) =>
        {
            if (i == 0) return line;
            var fields = line.Split(',');
            fields[column] = random.Next(2) == 0 ? "yes" : "no";
            return string.Join(',', fields);
        }));
        var before = ScoredSample.Audit(SampleFiles.Clean, new AuditOptions { Samples = 0 });
        var after = ScoredSample.Audit(planted, new AuditOptions { Samples = 0 });

        Assert.DoesNotContain(before.Flags, f => f.Indicator == "education" && f.Flag == "weak_with_rest_of_dimension");
        var flag = Assert.Single(after.Flags, f => f.Indicator == "education" && f.Flag == "weak_with_rest_of_dimension");
        Assert.True(Math.Abs(flag.Value) < 0.05, flag.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(after.Flags, f => f.Indicator == "education" && f.Flag == "alpha_rises_without");
        var derived = after.Weights.Single(w => w.Node == "education").DerivedInParent;
        Assert.True(derived < 0.02, $"education's derived weight in social is {derived}");
    }

    /// <summary>The clean sample with children_in_school answered the other way round ("yes" for "no"): education then moves against the rest of its dimension.</summary>
    internal static string Reversed()
    {
        var lines = File.ReadAllLines(SampleFiles.Clean);
        var column = Array.IndexOf(lines[0].Split(','), "children_in_school");
        var planted = Path.Combine(TestFiles.TempFolder(), "reversed.csv");
        File.WriteAllLines(planted, lines.Select((line, i) =>
        {
            if (i == 0) return line;
            var fields = line.Split(',');
            fields[column] = fields[column] switch { "yes" => "no", "no" => "yes", var other => other };
            return string.Join(',', fields);
        }));
        return planted;
    }

    [Fact]
    public void A_first_component_with_loadings_of_both_signs_is_flagged_as_a_contrast_and_gives_its_dimension_no_derived_weights()
    {
        var before = ScoredSample.Audit(SampleFiles.Clean, new AuditOptions { Samples = 0 });
        var after = ScoredSample.Audit(Reversed(), new AuditOptions { Samples = 0 });

        // The clean sample: every first component is a common factor, every weight is derived.
        Assert.DoesNotContain(before.Flags, f => f.Flag == "contrast_in_first_component");
        Assert.Equal("made", before.Note("derived_weights"));
        Assert.All(before.Weights, w => Assert.True(double.IsFinite(w.DerivedInParent)));

        // Reversed: education loads against the other social indicators on social's first component.
        var loadings = after.Loadings.Where(l => l.Scope == "social" && l.Component == 1).ToDictionary(l => l.Variable, l => l.Loading);
        Assert.True(loadings["education"] <= -DerivedWeights.SignFloor, $"education loads {loadings["education"]}");
        Assert.All(loadings.Where(l => l.Key != "education"), l => Assert.True(l.Value > 0));
        var flag = Assert.Single(after.Flags, f => f.Flag == "contrast_in_first_component");
        Assert.Equal(("education", "social", loadings["education"]), (flag.Indicator, flag.Other, flag.Value));
        Assert.Equal("partial", after.Note("derived_weights"));
        Assert.Equal("social", after.Note("derived_weights_contrasts"));
        // No weight for social's indicators, nor their shares of the composite; the other dimensions' are derived, and sum to 1 within each.
        Assert.All(after.Weights.Where(w => w.Parent == "social"), w => Assert.True(double.IsNaN(w.DerivedInParent) && double.IsNaN(w.Derived)));
        foreach (var dimension in new[] { "economic", "psychosocial" })
            Assert.Equal(1, after.Weights.Where(w => w.Parent == dimension).Sum(w => w.DerivedInParent), 1e-12);
        Assert.All(after.Weights.Where(w => w.Kind == "dimension"), w => Assert.True(double.IsFinite(w.DerivedInParent)));
    }

    [Fact]
    public void A_run_with_a_contrast_writes_no_derived_scheme_and_its_report_says_which_dimension_has_no_derived_weights()
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "results");
        Cli.Avrr.Expect(0, ["run", Reversed(), "--out", folder, "--quiet", "--formats", "csv", "--no-insights", "--audit-samples", "0"]);
        Assert.False(File.Exists(Path.Combine(folder, "audit", "derived-weights.json")));
        Assert.Contains(CsvRecords.ReadTable(Path.Combine(folder, "audit", "flags.csv")),
            r => (r["indicator"], r["flag"], r["other"]) == ("education", "contrast_in_first_component", "social"));
        Assert.All(CsvRecords.ReadTable(Path.Combine(folder, "audit", "weights.csv")).Where(r => r["parent"] == "social"), r => Assert.Equal("", r["derived_in_parent"]));
        string Section(string language) => new Reports.ReportPage(global::Avrr.Analytics.Reports.EvaluationReport.Render(
            global::Avrr.Analytics.Reports.Results.ResultFolder.Open(folder), global::Avrr.Analytics.Reports.Text.ReportLanguage.Of(language)!))
            .Document.QuerySelector("section#audit")!.TextContent;
        var english = Section("en");
        Assert.Contains("No weights could be derived for Social: the first principal component of its parts is a contrast", english, StringComparison.Ordinal);
        Assert.Contains("on the first principal component of Social, against the others: that component is a contrast", english, StringComparison.Ordinal);
        Assert.Contains("Aucun poids n'a pu être dérivé pour Social\u00A0: la première composante principale de ses éléments est un contraste", Section("fr"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.4, -0.3 }, true)]
    [InlineData(new[] { 0.5, 0.4, 0.3 }, false)]
    [InlineData(new[] { 0.6, 0.6, -0.05 }, false)]   // a loading of −0.05 carries 0.25% of the component: its sign is noise
    [InlineData(new[] { -0.5, -0.4, -0.3 }, false)]
    public void A_contrast_has_loadings_of_both_signs_each_at_least_0_1_in_size(double[] loadings, bool contrast) =>
        Assert.Equal(contrast, DerivedWeights.IsContrast(loadings));
}
