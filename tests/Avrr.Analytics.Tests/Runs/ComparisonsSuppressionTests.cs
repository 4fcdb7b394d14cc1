using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs;
using static Avrr.Analytics.Tests.Runs.DimensionAnswers;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// comparisons.csv and small cells (docs/outputs.md, "comparisons"): when either side of a difference has fewer than
/// min-cell surveys, every statistic of the row is empty and suppressed is true, so that no withheld mean can be
/// recovered from a difference; the weakest dimension is ranked among the dimensions shown only; the rows come in
/// the documented order. Weights-only design, min-cell 5, a hand-made export.
/// </summary>
public sealed class ComparisonsSuppressionTests
{
    private static readonly string[] Statistics = ["estimate", "se", "psus", "df", "ci_low", "ci_high", "p_value", "p_adjusted", "significant", "n", "n_reference"];

    //   country  community  date        surveys  answers (economic, social, psychosocial) → composite
    //   AAA      C1         2025-01-10  3 + 2    BWB → 2/3; WWB → 1/3
    //   AAA      C1         2025-04-10  2        WWB → 1/3          (2025-Q2: 2 surveys, below min-cell)
    //   AAA      C2         2025-07-10  5        WBW → 1/3          (2025-Q3)
    //   BBB      C3         2025-01-10  1        BBB → 1
    //   CCC      C4         2025-01-10  4 + 1    BWW → 1/3; BWK → psychosocial and composite missing
    private static OutputTable Run()
    {
        var folder = TestFiles.TempFolder();
        var export = new SurveyExport();
        var id = 0;
        void Add(string country, string community, string date, int surveys, DimensionAnswers e, DimensionAnswers s, DimensionAnswers p)
        {
            for (var i = 0; i < surveys; i++) export.Add($"R{++id}", country, community, date, "baseline", 1, e, s, p);
        }
        Add("AAA", "C1", "2025-01-10", 3, Best, Worst, Best);
        Add("AAA", "C1", "2025-01-10", 2, Worst, Worst, Best);
        Add("AAA", "C1", "2025-04-10", 2, Worst, Worst, Best);
        Add("AAA", "C2", "2025-07-10", 5, Worst, Best, Worst);
        Add("BBB", "C3", "2025-01-10", 1, Best, Best, Best);
        Add("CCC", "C4", "2025-01-10", 4, Best, Worst, Worst);
        Add("CCC", "C4", "2025-01-10", 1, Best, Worst, DontKnow);
        var results = Path.Combine(folder, "results");
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [export.Write(folder)], OutputFolder = results, MinCell = 5, Formats = OutputFormats.Csv, Threads = 1,
        });
        Assert.Equal(18, result.RowsScored);
        return OutputTable.Read(Path.Combine(results, "comparisons.csv"));
    }

    private static void AssertWithheld(OutputTable.Cells row, string note)
    {
        Assert.Equal("true", row["suppressed"]);
        foreach (var column in Statistics) Assert.True(row[column] == "", $"{column} is '{row[column]}', not empty");
        Assert.Equal(note, row["note"]);
    }

    [Fact]
    public void A_difference_with_a_side_below_min_cell_is_withheld_entirely()
    {
        var comparisons = Run();
        // BBB has one survey: its difference from all countries would give its mean away.
        foreach (var measure in new[] { "composite", "economic", "social", "psychosocial" })
            AssertWithheld(comparisons.Single(("level", "country"), ("country", "BBB"), ("measure", measure), ("comparison", "vs_all")),
                EstimateNotes.GroupSuppressed);
        AssertWithheld(comparisons.Single(("level", "country+community"), ("community", "C3"), ("measure", "composite")), EstimateNotes.GroupSuppressed);
        // AAA's 2025-Q2 (2 surveys) against 2025-Q1, and 2025-Q3 against 2025-Q2: the small quarter on either side.
        var q2 = comparisons.Single(("level", "country+quarter"), ("quarter", "2025-Q2"), ("measure", "composite"));
        Assert.Equal(("vs_previous_quarter", "2025-Q1"), (q2["comparison"], q2["reference"]));
        AssertWithheld(q2, EstimateNotes.GroupSuppressed);
        var q3 = comparisons.Single(("level", "country+quarter"), ("quarter", "2025-Q3"), ("measure", "composite"));
        Assert.Equal("2025-Q2", q3["reference"]);
        AssertWithheld(q3, EstimateNotes.ReferenceSuppressed);
        // A country's first quarter has nothing to be compared with.
        Assert.DoesNotContain(comparisons.Rows, r => r[comparisons.Column("quarter")] == "2025-Q1");
    }

    [Fact]
    public void A_shown_difference_is_the_difference_of_the_two_means()
    {
        var comparisons = Run();
        // Composite: AAA has 12 surveys, Σy = 3·2/3 + 2·1/3 + 2·1/3 + 5·1/3 = 5, mean 5/12; all countries have
        // AAA's 12, BBB's 1 (1) and CCC's 4 (1/3 each): Σy = 5 + 1 + 4/3 = 22/3 over 17, mean 22/51.
        var aaa = comparisons.Single(("level", "country"), ("country", "AAA"), ("measure", "composite"), ("comparison", "vs_all"));
        // df: the PSUs of either side (all countries' 17 surveys with a composite, each its own PSU) − 1 stratum.
        Assert.Equal(("false", "all", "12", "17", "17", "16"), (aaa["suppressed"], aaa["reference"], aaa["n"], aaa["n_reference"], aaa["psus"], aaa["df"]));
        Assert.Equal(5.0 / 12 - 22.0 / 51, aaa.Number("estimate"), 12);
        Assert.True(aaa.Number("se") > 0);
        Assert.Equal("", aaa["note"]);
    }

    [Fact]
    public void The_weakest_dimension_is_ranked_among_the_dimensions_shown_and_withheld_with_fewer_than_two()
    {
        var comparisons = Run();
        // BBB: one survey, every dimension withheld.
        var bbb = comparisons.Single(("level", "country"), ("country", "BBB"), ("comparison", "weakest_dimension"));
        Assert.Equal(("", ""), (bbb["measure"], bbb["reference"]));
        AssertWithheld(bbb, EstimateNotes.TooFewDimensions);
        // CCC: psychosocial has 4 surveys (withheld); economic is 1 and social 0 in all 5: social − economic = −1, with
        // se 0 (every linearised value is 0), so the interval is [−1, −1] and excludes 0.
        var ccc = comparisons.Single(("level", "country"), ("country", "CCC"), ("comparison", "weakest_dimension"));
        Assert.Equal(("social", "economic", "false"), (ccc["measure"], ccc["reference"], ccc["suppressed"]));
        Assert.Equal(-1, ccc.Number("estimate"));
        Assert.Equal("0", ccc["se"]);
        Assert.Equal(("0", "true"), (ccc["p_value"], ccc["significant"]));     // a non-zero difference with se 0: p = 0
        Assert.Equal(("5", "5"), (ccc["n"], ccc["n_reference"]));
        Assert.Equal(EstimateNotes.RankedAmongShown, ccc["note"]);
        // AAA, 12 surveys: economic Q1 3·1 + 2·0, Q2 2·0, Q3 5·0 → 3/12; social 0 + 0 + 5 → 5/12; psychosocial 5 + 2 + 0 → 7/12.
        var aaa = comparisons.Single(("level", "country"), ("country", "AAA"), ("comparison", "weakest_dimension"));
        Assert.Equal(("economic", "social"), (aaa["measure"], aaa["reference"]));
        Assert.Equal(3.0 / 12 - 5.0 / 12, aaa.Number("estimate"), 12);
        Assert.Equal("", aaa["note"]);
    }

    [Fact]
    public void Rows_go_by_level_then_group_then_measure_with_the_weakest_dimension_after_a_countrys_measures()
    {
        var comparisons = Run();
        string Key(string[] r) => string.Join("|", new[] { "level", "country", "community", "quarter", "measure", "comparison" }
            .Select(c => r[comparisons.Column(c)]));
        string[] measures = ["composite", "economic", "social", "psychosocial"];
        string[] expected =
        [
            .. new[] { "AAA", "BBB", "CCC" }.SelectMany(c => measures.Select(m => $"country|{c}|||{m}|vs_all")
                .Append($"country|{c}|||{(c == "AAA" ? "economic" : c == "CCC" ? "social" : "")}|weakest_dimension")),
            .. new[] { ("AAA", "C1"), ("AAA", "C2"), ("BBB", "C3"), ("CCC", "C4") }.SelectMany(g => measures.Select(m => $"country+community|{g.Item1}|{g.Item2}||{m}|vs_parent")),
            .. new[] { "2025-Q2", "2025-Q3" }.SelectMany(q => measures.Select(m => $"country+quarter|AAA||{q}|{m}|vs_previous_quarter")),
        ];
        Assert.Equal(expected, comparisons.Rows.Select(Key));
    }
}
