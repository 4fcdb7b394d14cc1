using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// Domain means, standard errors and confidence intervals against R's survey package
/// (Reference/estimation.R on Reference/estimation-fixture.csv → estimation-expected.csv), for designs
/// with weights only, weights + clusters, and weights + strata + clusters (lonely PSU "adjust"). The intervals of that
/// file are R's confint() (normal), so the estimator is asked for normal intervals here; the t intervals are checked
/// through the whole runner (RunnerDesignReferenceTests). A group whose surveys with the measure lie in one PSU has no
/// standard error (R prints 0 or noise): the test counts the PSUs from the fixture itself.
/// </summary>
public sealed class RSurveyReferenceTests
{
    private static readonly string[] Measures = ["composite", "economic", "social", "psychosocial"];

    private sealed record FixtureRow(string Country, string Community, string Stratum, string Cluster, double Weight, double[] Values);

    private static List<FixtureRow> Fixture()
    {
        var lines = File.ReadAllLines(TestFiles.Reference("estimation-fixture.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Select(line => line.Split(',')).Select(f => new FixtureRow(
            f[Col("country")], f[Col("community")], f[Col("stratum")], f[Col("cluster")],
            double.Parse(f[Col("weight")], CultureInfo.InvariantCulture),
            Measures.Select(m => f[Col(m)].Length == 0 ? double.NaN : double.Parse(f[Col(m)], CultureInfo.InvariantCulture)).ToArray()))
            .ToList();
    }

    private static (DomainEstimator Estimator, Dictionary<string, int> Domains) Estimate(string designName)
    {
        var rows = Fixture();
        var design = designName switch
        {
            "weights" => new SurveyDesign(clustered: false, stratified: false),
            "clusters" => new SurveyDesign(clustered: true, stratified: false),
            _ => new SurveyDesign(clustered: true, stratified: true),
        };
        var strata = new Dictionary<string, int>();
        var clusters = new Dictionary<string, int>();
        int Id(Dictionary<string, int> ids, string key) => ids.TryGetValue(key, out var id) ? id : ids[key] = ids.Count;
        var estimator = new DomainEstimator(design, Measures.Length, BandCuts.Default, intervals: IntervalMethod.Normal);
        var domains = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var stratum = Id(strata, row.Stratum);
            var psu = design.AddSurvey(stratum, Id(clusters, row.Cluster));
            foreach (var key in new[] { "all||", $"country|{row.Country}|", $"country+community|{row.Country}|{row.Community}" })
                estimator.Add(Id(domains, key), stratum, psu, row.Weight, row.Values);
        }
        return (estimator, domains);
    }

    public static TheoryData<string> Designs => new() { "weights", "clusters", "strata_clusters" };

    [Theory]
    [MemberData(nameof(Designs))]
    public void Domain_means_standard_errors_and_intervals_equal_R_survey_to_1e9(string designName)
    {
        var (estimator, domains) = Estimate(designName);
        var expected = File.ReadAllLines(TestFiles.Reference("estimation-expected.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[0] == designName).ToList();
        Assert.NotEmpty(expected);
        var rows = Fixture();
        // PSUs: rows without clusters; clusters (each in one stratum in this fixture) with them.
        var psuOf = rows.Select((r, i) => designName == "weights" ? $"row {i}" : r.Stratum + "/" + r.Cluster).ToArray();
        var onePsuGroups = 0;
        foreach (var f in expected)
        {
            var key = $"{f[1]}|{f[2]}|{f[3]}";
            var measure = Array.IndexOf(Measures, f[4]);
            var estimate = estimator.Estimate(domains[key], measure, minCell: 1);
            var what = $"{designName} {key} {f[4]}";
            var psus = Enumerable.Range(0, rows.Count)
                .Where(i => (f[1] == "all" || rows[i].Country == f[2]) && (f[1] != "country+community" || rows[i].Community == f[3]) && !double.IsNaN(rows[i].Values[measure]))
                .Select(i => psuOf[i]).Distinct().Count();
            Assert.False(estimate.Suppressed, what);
            Assert.Equal(double.Parse(f[5], CultureInfo.InvariantCulture), estimate.N);
            Assert.Equal(psus, estimate.Psus);
            AssertClose(f[6], estimate.WeightSum, what + " weight_sum");
            AssertClose(f[7], estimate.Mean, what + " mean");
            if (psus < 2)
            {
                // R: 0 or noise (Labé is one row; Labé and Ségou lie in one PSU). The engine gives no se and says why.
                Assert.True(Math.Abs(double.Parse(f[8], CultureInfo.InvariantCulture)) <= 1e-12, what + ": R's se of a one-PSU group is 0");
                Assert.True(double.IsNaN(estimate.StandardError) && double.IsNaN(estimate.CiLow) && double.IsNaN(estimate.CiHigh), what);
                Assert.Equal(EstimateNotes.OnePsu, estimate.Note);
                onePsuGroups++;
                continue;
            }
            AssertClose(f[8], estimate.StandardError, what + " se");
            AssertClose(f[9], estimate.CiLow, what + " ci_low");
            AssertClose(f[10], estimate.CiHigh, what + " ci_high");
        }
        // Labé (1 row) in every design; Ségou too (one cluster) with clusters: 4 measures each.
        Assert.Equal(designName == "weights" ? 4 : 8, onePsuGroups);
    }

    [Theory]
    [InlineData("weights", 120 - 1)]                // rows − 1 stratum
    [InlineData("clusters", 20 - 1)]                // C01–C20 − 1
    [InlineData("strata_clusters", 20 - 4)]         // 20 (stratum, cluster) PSUs − S1–S4
    public void The_design_has_the_degrees_of_freedom_of_R_degf(string designName, long df)
    {
        var (estimator, _) = Estimate(designName);
        Assert.Equal(df, estimator.Design.DegreesOfFreedom);
    }

    private static void AssertClose(string expected, double actual, string what)
    {
        var e = double.Parse(expected, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(e - actual) <= 1e-9, $"{what}: R gives {e:R}, the engine {actual:R}");
    }
}
