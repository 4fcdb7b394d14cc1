using System.Globalization;

namespace Avrr.Analytics.Tests.Reading;

/// <summary>
/// The eight surveys of DataMaking/surveys.py, exported the ways people really have them (plain CSV, KoboToolbox
/// French CSV, ODK English CSV, Windows-1252, tab separated, UTF-16 "Unicode text", KoboToolbox XLSX and its
/// LibreOffice re-save, DuckDB Parquet), give the same returnee scores; and those scores are the ones worked out
/// by hand below from the answers written in the fixtures.
/// </summary>
public sealed class SameSurveysTests
{
    public static TheoryData<string> Formats => new()
    {
        "kobo-fr-semicolon-bom.csv",
        "odk-en-comma.csv",
        "windows-1252-fr.csv",
        "plain-tab.tsv",
        "excel-unicode-text-utf16.txt",
        "kobo-export.xlsx",
        "kobo-export-libreoffice-resaved.xlsx",
        "plain.parquet",
    };

    private const double NA = double.NaN;

    /// <summary>
    /// Indicator scores by hand from the answers (docs/instrument.md scales; equal weights: an indicator is the mean of its
    /// answered questions), in scheme order: econ_satisfaction, food_security, debt, employment, productive_assets |
    /// housing, education, documentation_justice, basic_services, public_services | social_participation, belonging,
    /// safety, wellbeing, remigration.
    /// </summary>
    private static readonly (string Id, string Round, string Date, string Quarter, string Country, string Community, double Weight,
        double[] Indicators, double Composite, string Band, string Weakest, int Answered)[] Expected =
    [
        // S1: every best answer.
        ("R001", "baseline", "2026-07-14", "2026-Q3", "SEN", "Dakar", 1,
            [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 1.0, "high", "economic", 29),
        // S2: every worst answer; a tie of 0s goes to the first dimension.
        ("R002", "baseline", "2026-07-15", "2026-Q3", "SEN", "Thiès", 1.25,
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.0, "low", "economic", 29),
        // S3: debt (yes 1 + sometimes .5 + below .5)/3; employment (no 0 + fair .5)/2; assets (yes 1 + 2/3)/2;
        // housing (fair .5 + poor .25)/2; education na; justice (yes 1 + fair .5)/2; services (good .75 + fair .5 + poor .25)/3;
        // public (fair .5 + no 0)/2; participation (sometimes .5 + yes 1)/2; belonging (neutral .5 + rarely .75)/2;
        // safety (agree .75 + sometimes .5)/2; wellbeing (often .25 + yes 0)/2; remigration (neutral .5 + yes 0)/2.
        // economic 2.75/5 = .55, social 1.875/4 = .46875, psychosocial 2.375/5 = .475.
        ("R003", "baseline", "2026-08-03", "2026-Q3", "GIN", "Conakry", 0.8,
            [0.5, 0.5, 2.0 / 3, 0.25, 5.0 / 6, 0.375, NA, 0.75, 0.5, 0.25, 0.75, 0.625, 0.625, 0.125, 0.25], 0.4979166667, "medium", "social", 28),
        // S4: econ_satisfaction dk, housing_access refused. debt (no 0 + often .25 + above 0)/3; employment (yes 1 + poor .25)/2;
        // assets (no 0 + 1/3)/2; services (fair .5 + good .75 + fair .5)/3; public (poor .25 + yes 1)/2.
        // economic 1.125/4 = .28125, social 2.708333/5, psychosocial 2.375/5 = .475.
        ("R004", "baseline", "2026-08-04", "2026-Q3", "GIN", "N'Zérékoré", 2,
            [NA, 0.25, 1.0 / 12, 0.625, 1.0 / 6, 0.5, 1, 0, 1.75 / 3, 0.625, 0.125, 0.25, 0.625, 0.75, 0.625], 0.4326388889, "medium", "economic", 27),
        // S5: no weight (1), no community; psychosocial has 2 of 5 indicators (0.4 < minDimensionCoverage 0.6), so no
        // psychosocial score and no composite; weakest among the dimensions present (.825 < .85).
        ("R005", "baseline", "2026-09-30", "2026-Q3", "MLI", "(unknown)", 1,
            [0.75, 0.75, 0.75, 0.875, 1, 0.75, 1, 0.875, 0.75, 0.875, 0.875, 0.75, NA, NA, NA], NA, "", "economic", 22),
        // S6: economic 1.25/5 = .25, social (1 + 0 + .625 + 2.75/3 + .5)/5, psychosocial 3.75/5 = .75.
        ("R006", "baseline", "2026-10-01", "2026-Q4", "MLI", "Bamako", 1.5,
            [0.25, 0, 1, 0, 0, 1, 0, 0.625, 2.75 / 3, 0.5, 1, 1, 0, 0.875, 0.875], 0.5361111111, "medium", "economic", 29),
        // S7: R001's follow-up; economic 4.125/5 = .825 ties psychosocial 4.125/5 = .825: the first in scheme order wins.
        ("R001", "follow_up", "2026-12-01", "2026-Q4", "SEN", "Dakar", 1,
            [0.75, 0.75, 0.75, 0.875, 1, 0.75, 1, 0.875, 0.75, 0.875, 0.875, 0.75, 0.75, 0.875, 0.875], 2.5 / 3, "high", "economic", 29),
        // S8: debt (no 0 + rarely .75 + none 1)/3; services (poor .25 + poor .25 + very poor 0)/3; education na.
        ("R008", "baseline", "2026-07-20", "2026-Q3", "CIV", "Abidjan", 0.5,
            [1, 1, 1.75 / 3, 0.75, 1, 0.125, NA, 0.875, 1.0 / 6, 0.75, 0, 0.375, 0.875, 0, 0], 0.5319444444, "medium", "psychosocial", 28),
    ];

    private static readonly string[] IndicatorIds =
    [
        "econ_satisfaction", "food_security", "debt", "employment", "productive_assets",
        "housing", "education", "documentation_justice", "basic_services", "public_services",
        "social_participation", "belonging", "safety", "wellbeing", "remigration",
    ];

    private static double Parse(string text) => text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The mean of the present indicators of a dimension, when they are at least 60% of its five.</summary>
    private static double Dimension(double[] indicators, int first)
    {
        var present = indicators.Skip(first).Take(5).Where(v => !double.IsNaN(v)).ToArray();
        return present.Length >= 3 ? present.Average() : double.NaN;
    }

    private static void AssertScore(double expected, string actual, string what)
    {
        var value = Parse(actual);
        if (double.IsNaN(expected)) Assert.True(double.IsNaN(value), $"{what}: expected empty, got '{actual}'");
        else Assert.True(Math.Abs(expected - value) <= 6e-7, $"{what}: expected {expected:R}, got '{actual}'");
    }

    [Fact]
    public void Plain_csv_gives_the_scores_worked_out_by_hand()
    {
        var run = FixtureRuns.Evaluate("plain.csv");
        Assert.Equal((8L, 8L, 0L), (run.Result.RowsRead, run.Result.RowsScored, run.Result.RowsRejected));
        var rows = run.Scores;
        Assert.Equal(Expected.Length, rows.Count);
        for (var i = 0; i < Expected.Length; i++)
        {
            var e = Expected[i];
            var row = rows[i];
            var what = $"{e.Id} {e.Round}";
            Assert.Equal((e.Id, e.Round, e.Date, e.Quarter, e.Country, e.Community),
                (row["returnee_id"], row["round"], row["survey_date"], row["quarter"], row["country"], row["community"]));
            Assert.Equal(e.Weight, Parse(row["weight"]));
            for (var k = 0; k < IndicatorIds.Length; k++)
                AssertScore(e.Indicators[k], row["indicator_" + IndicatorIds[k]], $"{what} {IndicatorIds[k]}");
            double[] dimensions = [Dimension(e.Indicators, 0), Dimension(e.Indicators, 5), Dimension(e.Indicators, 10)];
            AssertScore(dimensions[0], row["economic_score"], $"{what} economic");
            AssertScore(dimensions[1], row["social_score"], $"{what} social");
            AssertScore(dimensions[2], row["psychosocial_score"], $"{what} psychosocial");
            // The composite needs all three dimensions (compositeRequires: all); the literal is the hand result.
            var composite = dimensions.Any(double.IsNaN) ? double.NaN : dimensions.Average();
            if (!double.IsNaN(e.Composite)) Assert.Equal(e.Composite, composite, 9);
            AssertScore(e.Composite, row["composite_score"], $"{what} composite");
            Assert.Equal(e.Band, row["band"]);
            Assert.Equal(e.Weakest, row["weakest_dimension"]);
            Assert.Equal(e.Answered.ToString(CultureInfo.InvariantCulture), row["answered"]);
            Assert.Equal(i is 1 or 3 or 5 ? "male" : "female", row["sex"]);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_same_surveys_in_another_format_give_identical_returnee_scores(string fixture)
    {
        var plain = FixtureRuns.Evaluate("plain.csv");
        var other = FixtureRuns.Evaluate(fixture);
        Assert.Equal((8L, 8L, 0L), (other.Result.RowsRead, other.Result.RowsScored, other.Result.RowsRejected));
        // Same header (the attribute sex only: bookkeeping and personal-data columns are not attributes) and same lines.
        Assert.Equal(plain.ScoresText, other.ScoresText);
    }

    [Theory]
    [InlineData("kobo-fr-semicolon-bom.csv", "respondent_name", "Diallo; Aminata")]
    [InlineData("kobo-export.xlsx", "respondent_name", "Diallo; Aminata")]
    [InlineData("odk-en-comma.csv", "phone", "+221770000000")]
    public void Personal_data_and_bookkeeping_columns_reach_no_output(string fixture, string personalHeader, string personalValue)
    {
        var run = FixtureRuns.Evaluate(fixture);
        var input = Assert.Single(run.Result.Inputs);
        Assert.Equal(["sex"], input.Attributes);
        Assert.Contains(input.PersonalDataColumns, h => h.EndsWith(personalHeader, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(run.Folder))
            Assert.DoesNotContain(personalValue, File.ReadAllText(file), StringComparison.Ordinal);
        var header = File.ReadLines(Path.Combine(run.Folder, "returnee_scores.csv")).First().Split(',');
        Assert.Equal(["returnee_id", "round", "survey_date", "quarter", "country", "community", "weight", "sex"], header[..8]);
        Assert.StartsWith("indicator_", header[8], StringComparison.Ordinal);
        Assert.DoesNotContain(header, h => h.Contains(personalHeader, StringComparison.Ordinal));
    }
}
