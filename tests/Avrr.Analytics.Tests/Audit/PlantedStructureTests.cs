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
}
