using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// Differences between domain means (<see cref="DomainEstimator.Difference"/>) against R's <c>svycontrast</c>
/// (Reference/contrasts.R on Reference/contrast-fixture.csv → contrasts-expected.csv), for a weights-only, a
/// clustered and a stratified-clustered design with a lonely stratum: each country − all countries (a domain
/// nested in its reference) and each quarter − the previous quarter present (disjoint domains), per country and
/// for all countries. Estimates, SEs, df and t intervals to 1e-9, with the design's degrees of freedom (--df design). A side whose surveys lie in one PSU (GMB, all in
/// cluster C40) has no design-based variance: no SE, no interval, a note (R's number ignores that side's variance).
/// </summary>
public sealed class ContrastReferenceTests
{
    private sealed record Row(string Country, string Quarter, double Weight, string Cluster, string Stratum, double Y);

    private static List<Row> Fixture()
    {
        var lines = File.ReadAllLines(TestFiles.Reference("contrast-fixture.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => new Row(f[Col("country")], f[Col("quarter")],
            double.Parse(f[Col("weight")], CultureInfo.InvariantCulture), f[Col("cluster")], f[Col("stratum")],
            f[Col("y")].Length == 0 ? double.NaN : double.Parse(f[Col("y")], CultureInfo.InvariantCulture))).ToList();
    }

    public static TheoryData<string> Designs => new() { "weights", "clusters", "strata_clusters" };

    [Theory]
    [MemberData(nameof(Designs))]
    public void Differences_and_their_standard_errors_equal_R_svycontrast_to_1e9(string designName)
    {
        var rows = Fixture();
        var design = new SurveyDesign(clustered: designName != "weights", stratified: designName == "strata_clusters");
        // contrasts-expected.csv gives the whole design's df (R's degf(design)): the design rule.
        var estimator = new DomainEstimator(design, 1, BandCuts.Default, degreesOfFreedom: DegreesOfFreedomRule.Design);
        var domains = new Dictionary<string, int>();
        var strata = new Dictionary<string, int>();
        var clusters = new Dictionary<string, int>();
        int Id(Dictionary<string, int> ids, string key) => ids.TryGetValue(key, out var id) ? id : ids[key] = ids.Count;
        foreach (var row in rows)
        {
            var stratum = Id(strata, row.Stratum);
            var psu = design.AddSurvey(stratum, Id(clusters, row.Cluster));
            // Domains: all; the country; the quarter (all countries); country and quarter.
            int[] of = [Id(domains, "|"), Id(domains, row.Country + "|"), Id(domains, "|" + row.Quarter), Id(domains, row.Country + "|" + row.Quarter)];
            estimator.Add(of, stratum, psu, row.Weight, [row.Y]);
        }
        // The PSUs of each side, counted from the fixture: rows without clusters, clusters (each in one stratum) with them.
        int Psus(string country, string quarter) => rows
            .Where(r => (country == "" || r.Country == country) && (quarter == "" || r.Quarter == quarter) && !double.IsNaN(r.Y))
            .Select((r, i) => designName == "weights" ? $"{r.Country}{r.Quarter}{i}" : r.Cluster).Distinct().Count();

        var lines = File.ReadAllLines(TestFiles.Reference("contrasts-expected.csv"));
        var header = lines[0].Split(',');
        var expected = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[0] == designName).ToList();
        Assert.Equal(16, expected.Count);
        var onePsu = 0;
        foreach (var f in expected)
        {
            string E(string column) => f[Array.IndexOf(header, column)];
            var (kind, country, quarter, from) = (E("kind"), E("country"), E("quarter"), E("quarter_from"));
            var what = $"{designName} {kind} {country} {from}→{quarter}";
            var difference = kind == "country_vs_all"
                ? estimator.Difference(domains[country + "|"], 0, domains["|"], 0, DomainOverlap.Nested, minCell: 1)
                : estimator.Difference(domains[country + "|" + quarter], 0, domains[country + "|" + from], 0, DomainOverlap.Disjoint, minCell: 1);
            Assert.False(difference.Suppressed, what);
            AssertClose(E("estimate"), difference.Estimate, what + " estimate");
            Assert.Equal(long.Parse(E("df"), CultureInfo.InvariantCulture), difference.DegreesOfFreedom);
            var sides = kind == "country_vs_all" ? (Psus(country, ""), Psus("", "")) : (Psus(country, quarter), Psus(country, from));
            Assert.Equal(sides, ((int)difference.Psus, (int)difference.ReferencePsus));
            if (sides.Item1 < 2 || sides.Item2 < 2)
            {
                Assert.True(double.IsNaN(difference.StandardError) && double.IsNaN(difference.CiLow) && double.IsNaN(difference.CiHigh), what);
                Assert.Null(difference.IntervalExcludesZero);
                Assert.Equal(EstimateNotes.OnePsu, difference.Note);
                onePsu++;
                continue;
            }
            Assert.Null(difference.Note);
            AssertClose(E("se"), difference.StandardError, what + " se");
            AssertClose(E("ci_low_t"), difference.CiLow, what + " ci_low (t)");
            AssertClose(E("ci_high_t"), difference.CiHigh, what + " ci_high (t)");
            Assert.Equal(double.Parse(E("ci_low_t"), CultureInfo.InvariantCulture) > 0 || double.Parse(E("ci_high_t"), CultureInfo.InvariantCulture) < 0,
                difference.IntervalExcludesZero);
        }
        // GMB lies in one cluster (C40): its country_vs_all row and its two quarter changes, in the clustered designs.
        Assert.Equal(designName == "weights" ? 0 : 3, onePsu);
    }

    [Fact]
    public void Normal_intervals_of_differences_equal_R_confint()
    {
        var rows = Fixture();
        var design = SurveyDesign.WeightsOnly();
        var estimator = new DomainEstimator(design, 1, BandCuts.Default, intervals: IntervalMethod.Normal);
        foreach (var row in rows)
            estimator.Add([0, row.Country == "SEN" ? 1 : 2], 0, design.AddSurvey(0, 0), row.Weight, [row.Y]);
        var lines = File.ReadAllLines(TestFiles.Reference("contrasts-expected.csv"));
        var header = lines[0].Split(',');
        var sen = lines.Select(l => l.Split(',')).Single(f => f[0] == "weights" && f[1] == "country_vs_all" && f[2] == "SEN");
        var difference = estimator.Difference(1, 0, 0, 0, DomainOverlap.Nested, minCell: 1);
        AssertClose(sen[Array.IndexOf(header, "ci_low")], difference.CiLow, "SEN vs all ci_low (normal)");
        AssertClose(sen[Array.IndexOf(header, "ci_high")], difference.CiHigh, "SEN vs all ci_high (normal)");
    }

    private static void AssertClose(string expected, double actual, string what)
    {
        var e = double.Parse(expected, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(e - actual) <= 1e-9, $"{what}: R gives {e:R}, the engine {actual:R}");
    }
}
