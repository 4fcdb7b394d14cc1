using System.Globalization;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// Median, p25 and p75 against R (Reference/quantiles.R on Reference/estimation-fixture.csv →
/// quantiles-expected.csv): weighted, R survey's <c>svyquantile(…, qrule = "hf7")</c> on the weights-only
/// design (per country through <c>svyby</c>); unweighted, <c>quantile(type = 7)</c>, which the engine must
/// give when every weight is 1. Measures: the composite (no ties) and the composite cut down to tenths
/// (many ties, where the rule depends on the order of tied surveys).
/// </summary>
public sealed class QuantileReferenceTests
{
    private sealed record FixtureRow(string Country, double Weight, double Composite)
    {
        public double Measure(string measure) => measure switch
        {
            "composite" => Composite,
            // As quantiles.R: floor(composite * 10) / 10, the same IEEE operations.
            "composite_tenths" => Math.Floor(Composite * 10) / 10,
            _ => throw new ArgumentException(measure),
        };
    }

    private static readonly string[] Measures = ["composite", "composite_tenths"];

    private static List<FixtureRow> Fixture()
    {
        var lines = File.ReadAllLines(TestFiles.Reference("estimation-fixture.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => new FixtureRow(
            f[Col("country")],
            double.Parse(f[Col("weight")], CultureInfo.InvariantCulture),
            f[Col("composite")].Length == 0 ? double.NaN : double.Parse(f[Col("composite")], CultureInfo.InvariantCulture)))
            .ToList();
    }

    private sealed record Expected(string Level, string Country, string Measure, string Kind, double P25, double Median, double P75)
    {
        public override string ToString() => $"{Level} {Country} {Measure} {Kind}";
    }

    private static List<Expected> ExpectedRows()
    {
        var lines = File.ReadAllLines(TestFiles.Reference("quantiles-expected.csv"));
        Assert.Equal("level,country,measure,kind,p25,median,p75", lines[0]);
        double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => new Expected(f[0], f[1], f[2], f[3], D(f[4]), D(f[5]), D(f[6]))).ToList();
    }

    public static TheoryData<string> Kinds => new() { "weighted_hf7", "unweighted" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WeightedQuantiles_equal_R_to_1e9(string kind)
    {
        var rows = Fixture();
        var expected = ExpectedRows().Where(e => e.Kind == kind).ToList();
        Assert.Equal(8, expected.Count);   // (all + 3 countries) × 2 measures
        foreach (var e in expected)
        {
            var quantiles = new WeightedQuantiles();
            foreach (var row in rows.Where(r => e.Level == "all" || r.Country == e.Country))
            {
                var y = row.Measure(e.Measure);
                if (double.IsNaN(y)) continue;                          // na.rm = TRUE
                quantiles.Add(y, kind == "unweighted" ? 1 : row.Weight);
            }
            var q = new double[3];
            quantiles.Compute([0.25, 0.5, 0.75], q);
            AssertClose(e.P25, q[0], $"{e} p25");
            AssertClose(e.Median, q[1], $"{e} median");
            AssertClose(e.P75, q[2], $"{e} p75");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DomainEstimator_median_p25_p75_equal_R_to_1e9(string kind)
    {
        // The weights-only design over the whole fixture, domains all + country, both measures at once
        // (a survey missing the composite is missing both).
        var design = SurveyDesign.WeightsOnly();
        var estimator = new DomainEstimator(design, Measures.Length, BandCuts.Default);
        var domains = new Dictionary<string, int> { ["all"] = 0 };
        foreach (var row in Fixture())
        {
            var psu = design.AddSurvey(0, 0);
            var weight = kind == "unweighted" ? 1 : row.Weight;
            double[] values = [row.Measure(Measures[0]), row.Measure(Measures[1])];
            estimator.Add(0, 0, psu, weight, values);
            var key = "country " + row.Country;
            if (!domains.TryGetValue(key, out var domain)) domains[key] = domain = domains.Count;
            estimator.Add(domain, 0, psu, weight, values);
        }
        foreach (var e in ExpectedRows().Where(e => e.Kind == kind))
        {
            var domain = domains[e.Level == "all" ? "all" : "country " + e.Country];
            var estimate = estimator.Estimate(domain, Array.IndexOf(Measures, e.Measure), minCell: 1);
            Assert.False(estimate.Suppressed);
            AssertClose(e.P25, estimate.P25, $"{e} p25");
            AssertClose(e.Median, estimate.Median, $"{e} median");
            AssertClose(e.P75, estimate.P75, $"{e} p75");
        }
    }

    [Fact]
    public void The_reference_holds_interpolated_values_between_tied_blocks()
    {
        // Guards the reference itself: the tenths measure must give at least one weighted quantile that is
        // not one of its tied values, or the test above would not reach the interpolation between ties.
        var tenths = ExpectedRows().Where(e => e.Measure == "composite_tenths" && e.Kind == "weighted_hf7")
            .SelectMany(e => new[] { e.P25, e.Median, e.P75 });
        Assert.Contains(tenths, q => Math.Abs(q * 10 - Math.Round(q * 10)) > 1e-6);
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9, $"{what}: R gives {expected:R}, the engine {actual:R}");
}
