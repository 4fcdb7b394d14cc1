using System.Text;
using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Passes;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;
using static Avrr.Analytics.Tests.Runs.DimensionAnswers;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Panel change (docs/methodology.md, "Estimation") against a hand calculation: per returnee with two or more surveys, last
/// minus first (by survey_date, then input order), counted in the groups of the last survey and weighted
/// by its weight; the standard error is that of a weighted mean of the differences over the design of
/// the panel returnees (ids = ~1 here); suppression on the number of returnees.
/// </summary>
public sealed class PanelChangeTests
{
    // The export, in input order (answers: economic, social, psychosocial; B best = 1, W worst = 0, K all "dk").
    //
    //   #   returnee country community date        round  weight  answers  composite
    //   1   P1       AAA     C1        2025-01-05  r1     1       WWW      0
    //   2   P2       BBB     C2        2025-01-06  r1     1       WWW      0        ← P2 starts in BBB, ends in AAA
    //   3   P3       AAA     C1        2025-03-01  r2     1       BBB      1        ← P3's LAST survey, first in input
    //   4   P4       AAA     C1        2025-01-07  r1     1       BBB      1        ← one survey only: never counted
    //   5   P5       BBB     C2        2025-01-08  r1     1       BBB      1
    //   6   P6       BBB     C2        2025-02-10  r1     1       WWW      0        ← same date as #7: input order decides
    //   7   P6       BBB     C2        2025-02-10  r2     1       WWB      1/3
    //   8   P7       BBB     C2        2025-01-09  r1     1       WWK      missing  ← psychosocial all "dk"
    //   9   P1       AAA     C1        2025-02-05  r2     1       BWW      1/3
    //   10  P2       AAA     C1        2025-02-06  r2     1       BBB      1        ← a middle survey: ignored
    //   11  P3       AAA     C1        2025-01-10  r1     5       WBB      2/3      ← P3's FIRST survey; weight 5 not used
    //   12  P2       AAA     C1        2025-03-06  r3     2       BBW      2/3      ← P2's last: weight 2
    //   13  P5       BBB     C2        2025-02-08  r2     1       WBB      2/3
    //   14  P7       BBB     C2        2025-02-09  r2     1       BBB      1
    //
    // Changes (last − first), weight and group of the last survey:
    //
    //   returnee  composite  economic  social  psychosocial  w  country
    //   P1        1/3        1         0       0             1  AAA     (#9 − #1)
    //   P2        2/3        1         1       0             2  AAA     (#12 − #2; #10 ignored)
    //   P3        1/3        1         0       0             1  AAA     (#3 − #11, by date not input order)
    //   P5        −1/3       −1        0       0             1  BBB     (#13 − #5)
    //   P6        1/3        0         0       1             1  BBB     (#7 − #6, same date: input order)
    //   P7        missing    1         1       missing       1  BBB     (#14 − #8)
    //
    // Six panel returnees: the paired design has n = 6 PSUs (ids = ~1), whatever the measure; a returnee
    // whose change of a measure is missing has u = 0 for it (R: svymean(~d, design, na.rm = TRUE)).
    private static string Export(string folder)
    {
        var export = new SurveyExport();
        export.Add("P1", "AAA", "C1", "2025-01-05", "r1", 1, Worst, Worst, Worst);
        export.Add("P2", "BBB", "C2", "2025-01-06", "r1", 1, Worst, Worst, Worst);
        export.Add("P3", "AAA", "C1", "2025-03-01", "r2", 1, Best, Best, Best);
        export.Add("P4", "AAA", "C1", "2025-01-07", "r1", 1, Best, Best, Best);
        export.Add("P5", "BBB", "C2", "2025-01-08", "r1", 1, Best, Best, Best);
        export.Add("P6", "BBB", "C2", "2025-02-10", "r1", 1, Worst, Worst, Worst);
        export.Add("P6", "BBB", "C2", "2025-02-10", "r2", 1, Worst, Worst, Best);
        export.Add("P7", "BBB", "C2", "2025-01-09", "r1", 1, Worst, Worst, DontKnow);
        export.Add("P1", "AAA", "C1", "2025-02-05", "r2", 1, Best, Worst, Worst);
        export.Add("P2", "AAA", "C1", "2025-02-06", "r2", 1, Best, Best, Best);
        export.Add("P3", "AAA", "C1", "2025-01-10", "r1", 5, Worst, Best, Best);
        export.Add("P2", "AAA", "C1", "2025-03-06", "r3", 2, Best, Best, Worst);
        export.Add("P5", "BBB", "C2", "2025-02-08", "r2", 1, Worst, Best, Best);
        export.Add("P7", "BBB", "C2", "2025-02-09", "r2", 1, Best, Best, Best);
        return export.Write(folder);
    }

    private static (OutputTable Panel, RunResult Result) Run(int minCell)
    {
        var folder = TestFiles.TempFolder();
        var results = Path.Combine(folder, "results");
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [Export(folder)], OutputFolder = results, MinCell = minCell, Formats = OutputFormats.Csv, Threads = 1,
        });
        Assert.Equal(14, result.RowsScored);
        Assert.Equal(0, result.RowsRejected);
        return (OutputTable.Read(Path.Combine(results, "panel_change.csv")), result);
    }

    private static OutputTable.Cells Cell(OutputTable panel, string level, string country, string measure) =>
        panel.Single(("level", level), ("country", country), ("community", level == "country+community" ? country == "AAA" ? "C1" : "C2" : ""),
            ("measure", measure));

    // ---- hand calculations --------------------------------------------------------------------------
    //
    // Composite, level all: the 5 returnees with a composite change; P7 is in the design with u = 0.
    //   Σw = 1 + 2 + 1 + 1 + 1 = 6; Σw·d = 1/3 + 4/3 + 1/3 − 1/3 + 1/3 = 2; d̄ = 2/6 = 1/3.
    //   u_i = w_i (d_i − d̄) / Σw: P1 0, P2 2(1/3)/6 = 1/9, P3 0, P5 (−2/3)/6 = −1/9, P6 0, P7 0.
    //   ū = 0; Σu² = 2/81; V = n/(n − 1) Σu² = 6/5 · 2/81 = 4/135; se = √(4/135) = 0.1721325932…
    private static readonly double CompositeAllSe = Math.Sqrt(4.0 / 135);
    //
    // Economic, level all: 6 returnees. Σw = 7; Σw·d = 1 + 2 + 1 − 1 + 0 + 1 = 4; d̄ = 4/7.
    //   u = w (d − 4/7) / 7: P1 3/49, P2 6/49, P3 3/49, P5 −11/49, P6 −4/49, P7 3/49 (Σ = 0).
    //   Σu² = (9 + 36 + 9 + 121 + 16 + 9)/2401 = 200/2401; V = 6/5 · 200/2401; se = 0.3161619058…
    private static readonly double EconomicAllSe = Math.Sqrt(6.0 / 5 * 200 / 2401);
    //
    // Composite, country AAA (P1, P2, P3; the domain's u, 0 for the other returnees):
    //   Σw = 4; Σw·d = 1/3 + 4/3 + 1/3 = 2; d̄ = 1/2.
    //   u: P1 (1/3 − 1/2)/4 = −1/24, P2 2(2/3 − 1/2)/4 = 2/24, P3 −1/24; Σu² = 6/576 = 1/96.
    //   V = 6/5 · 1/96 = 1/80; se = √(1/80) = 0.1118033988…
    // Composite, country BBB (P5, P6; P7 has no composite change):
    //   Σw = 2; d̄ = (−1/3 + 1/3)/2 = 0; u: P5 −1/6, P6 1/6; Σu² = 1/18; V = 6/5 · 1/18 = 1/15; se = 0.2581988897…

    [Fact]
    public void Panel_change_at_level_all_equals_the_hand_calculation()
    {
        var (panel, result) = Run(minCell: 5);
        Assert.Equal(6, result.PanelReturnees);
        Assert.Equal(
            ["measure", "returnees", "mean_change", "se", "psus", "df", "ci_low", "ci_high", "p_value", "family", "family_size", "p_adjusted",
             "significant", "suppressed", "note"],
            panel.Header.SkipWhile(c => c != "measure"));

        var composite = Cell(panel, "all", "", "composite");
        Assert.Equal("false", composite["suppressed"]);
        Assert.Equal("5", composite["returnees"]);
        Assert.Equal(1.0 / 3, composite.Number("mean_change"), 12);
        Assert.Equal(CompositeAllSe, composite.Number("se"), 12);
        // Returnees with the composite change: 5, each its own PSU, in one stratum: df = 5 − 1 = 4 (the domain rule; the
        // paired design's would be 6 − 1); R's qt(0.975, 4) = 2.7764451051977934.
        Assert.Equal("5", composite["psus"]);
        Assert.Equal("4", composite["df"]);
        Assert.Equal(1.0 / 3 - 2.7764451051977934 * CompositeAllSe, composite.Number("ci_low"), 9);   // negative
        Assert.Equal(1.0 / 3 + 2.7764451051977934 * CompositeAllSe, composite.Number("ci_high"), 9);
        Assert.Equal("", composite["note"]);
        // Its test of a zero change, alone in its family (the composite at level all): R's 2 * pt(-(1/3) / se, 4).
        Assert.Equal(0.12487982574290814, composite.Number("p_value"), 12);
        Assert.Equal(("change:composite:level=all", "1", "false"), (composite["family"], composite["family_size"], composite["significant"]));
        Assert.Equal(composite.Number("p_value"), composite.Number("p_adjusted"));

        var economic = Cell(panel, "all", "", "economic");
        Assert.Equal("6", economic["returnees"]);
        Assert.Equal(4.0 / 7, economic.Number("mean_change"), 12);
        Assert.Equal(EconomicAllSe, economic.Number("se"), 12);
        Assert.Equal("5", economic["df"]);                              // 6 returnees − 1 stratum
        Assert.Equal(0.13050972638233133, economic.Number("p_value"), 12); // R: 2 * pt(-(4/7) / se, 5)

        // Social: d = 0, 1, 0, 0, 0, 1 with w = 1, 2, 1, 1, 1, 1: mean = (2 + 1)/7 = 3/7.
        var social = Cell(panel, "all", "", "social");
        Assert.Equal("6", social["returnees"]);
        Assert.Equal(3.0 / 7, social.Number("mean_change"), 12);
        // Psychosocial: P7 missing; d = 0, 0, 0, 0, 1 with w = 1, 2, 1, 1, 1: mean = 1/6.
        var psychosocial = Cell(panel, "all", "", "psychosocial");
        Assert.Equal("5", psychosocial["returnees"]);
        Assert.Equal(1.0 / 6, psychosocial.Number("mean_change"), 12);
    }

    [Fact]
    public void Panel_change_of_countries_counts_returnees_in_the_groups_of_their_last_survey()
    {
        var (panel, _) = Run(minCell: 2);
        var aaa = Cell(panel, "country", "AAA", "composite");
        Assert.Equal("false", aaa["suppressed"]);
        Assert.Equal("3", aaa["returnees"]);                       // P1, P2 (first survey in BBB), P3; not P4
        Assert.Equal(0.5, aaa.Number("mean_change"), 12);
        Assert.Equal(Math.Sqrt(1.0 / 80), aaa.Number("se"), 12);

        var bbb = Cell(panel, "country", "BBB", "composite");
        Assert.Equal("2", bbb["returnees"]);                       // P5, P6 (P7's composite change is missing)
        Assert.Equal(0, bbb.Number("mean_change"), 12);
        Assert.Equal(Math.Sqrt(1.0 / 15), bbb.Number("se"), 12);
        Assert.Equal("3", Cell(panel, "country", "BBB", "economic")["returnees"]);

        // country+community gives the same groups here (one community per country).
        Assert.Equal(Math.Sqrt(1.0 / 80), Cell(panel, "country+community", "AAA", "composite").Number("se"), 12);
    }

    [Fact]
    public void Panel_change_cells_with_fewer_returnees_than_min_cell_are_withheld()
    {
        // min-cell 5: AAA (3 returnees) and BBB (2) withheld; all composite (5 = min-cell) shown.
        var (panel, _) = Run(minCell: 5);
        foreach (var country in new[] { "AAA", "BBB" })
        {
            var cell = Cell(panel, "country", country, "composite");
            Assert.Equal("true", cell["suppressed"]);
            foreach (var column in new[] { "returnees", "mean_change", "se", "psus", "df", "ci_low", "ci_high" })
                Assert.True(cell[column] == "", $"{country} {column} is '{cell[column]}', not empty");
        }
        Assert.Equal("false", Cell(panel, "all", "", "composite")["suppressed"]);

        // min-cell 6: all composite (5 returnees = min-cell − 1) withheld; all economic (6) shown.
        var (strict, _) = Run(minCell: 6);
        var composite = Cell(strict, "all", "", "composite");
        Assert.Equal("true", composite["suppressed"]);
        Assert.Equal("", composite["returnees"]);
        Assert.Equal("", composite["mean_change"]);
        Assert.Equal("", composite["se"]);
        var economic = Cell(strict, "all", "", "economic");
        Assert.Equal("false", economic["suppressed"]);
        Assert.Equal("6", economic["returnees"]);
        Assert.Equal(4.0 / 7, economic.Number("mean_change"), 12);
    }

    [Fact]
    public void PanelPairing_pairs_first_and_last_by_date_then_input_order()
    {
        // PanelPairing on its own, one measure (the composite), fed the panel surveys of the export above as the
        // runner would: (returnee, date, input sequence, weight, composite, cell of that survey: its country).
        // P4 is not fed: the runner only spills returnees with two surveys. The cells are then regrouped into
        // two levels: all = domain 0; AAA = 1, BBB = 2.
        var spill = TestFiles.TempFolder();
        using var buckets = new SpillBuckets(spill, "panel", 9);
        var panel = new PanelPairing(buckets, measures: 1);
        void Add(long sequence, string id, string date, double weight, double composite, int country) =>
            panel.Add(Encoding.UTF8.GetBytes(id), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), sequence,
                weight, 0, 0, [composite], country);
        const int AAA = 0, BBB = 1;
        Add(1, "P1", "2025-01-05", 1, 0, AAA);
        Add(2, "P2", "2025-01-06", 1, 0, BBB);
        Add(3, "P3", "2025-03-01", 1, 1, AAA);
        Add(5, "P5", "2025-01-08", 1, 1, BBB);
        Add(6, "P6", "2025-02-10", 1, 0, BBB);
        Add(7, "P6", "2025-02-10", 1, 1.0 / 3, BBB);
        Add(8, "P7", "2025-01-09", 1, double.NaN, BBB);
        Add(9, "P1", "2025-02-05", 1, 1.0 / 3, AAA);
        Add(10, "P2", "2025-02-06", 1, 1, AAA);
        Add(11, "P3", "2025-01-10", 5, 2.0 / 3, AAA);
        Add(12, "P2", "2025-03-06", 2, 2.0 / 3, AAA);
        Add(13, "P5", "2025-02-08", 1, 2.0 / 3, BBB);
        Add(14, "P7", "2025-02-09", 1, 1, BBB);

        var (cells, returnees) = panel.Estimate(clustered: false, stratified: false, BandCuts.Default);
        int[][] domainsOfCell = [[0, 1], [0, 2]];
        var estimator = cells.Regroup(cell => domainsOfCell[cell]);
        Assert.Equal(6, returnees);
        var all = estimator.Estimate(0, 0, minCell: 1);
        Assert.Equal(5, all.N);
        Assert.Equal(6, all.WeightSum, 12);
        Assert.Equal(1.0 / 3, all.Mean, 12);
        Assert.Equal(CompositeAllSe, all.StandardError, 12);
        var aaa = estimator.Estimate(1, 0, minCell: 1);
        Assert.Equal(3, aaa.N);
        Assert.Equal(0.5, aaa.Mean, 12);
        Assert.Equal(Math.Sqrt(1.0 / 80), aaa.StandardError, 12);
        var bbb = estimator.Estimate(2, 0, minCell: 1);
        Assert.Equal(3, bbb.Rows);                                  // P5, P6, P7 counted in BBB …
        Assert.Equal(2, bbb.N);                                     // … two of them with a composite change
        Assert.Equal(0, bbb.Mean, 12);
        Assert.Equal(Math.Sqrt(1.0 / 15), bbb.StandardError, 12);
    }
}
