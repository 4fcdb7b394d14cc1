using Avrr.Analytics.Estimation;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using Avrr.Analytics.Runs;
using Parquet;
using static Avrr.Analytics.Tests.Runs.DimensionAnswers;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// Suppression end to end: <see cref="EvaluationRun.Execute"/> on a hand-made export, then the cells of
/// aggregates.csv as written (and aggregates.parquet): a withheld statistic is an EMPTY cell (a null in
/// Parquet), never "0"; suppressed is "true"; n_rows is still given.
/// </summary>
public sealed class RunnerSuppressionTests
{
    private static readonly string[] WithheldColumns =
        ["n", "weight_sum", "mean", "se", "psus", "df", "ci_low", "ci_high", "n_eff", "median", "p25", "p75", "share_low", "share_medium", "share_high"];

    // Composite = (dimensions answered best) / 3; K = every question of the dimension "dk".
    //
    //   country  community  surveys  answers (economic, social, psychosocial) → composite, weight
    //   AAA      Five       5        BBB → 1 (w 1), BBW → 2/3 (w 2), BWW → 1/3 (w 1), WWW → 0 (w 1), BBB → 1 (w 1)
    //   AAA      Four       4        BWB → 2/3 (w 1 each)
    //   AAA      NoPsy      5        BWK → composite and psychosocial missing; economic 1, social 0 (w 1 each)
    //   BBB      One        1        BWB → 2/3 (w 3.1)
    private static string Export(string folder)
    {
        var export = new SurveyExport();
        void Add(string id, string country, string community, double weight, DimensionAnswers e, DimensionAnswers s, DimensionAnswers p) =>
            export.Add(id, country, community, "2025-01-15", "baseline", weight, e, s, p);
        Add("F1", "AAA", "Five", 1, Best, Best, Best);
        Add("F2", "AAA", "Five", 2, Best, Best, Worst);
        Add("F3", "AAA", "Five", 1, Best, Worst, Worst);
        Add("F4", "AAA", "Five", 1, Worst, Worst, Worst);
        Add("F5", "AAA", "Five", 1, Best, Best, Best);
        for (var i = 1; i <= 4; i++) Add($"G{i}", "AAA", "Four", 1, Best, Worst, Best);
        for (var i = 1; i <= 5; i++) Add($"N{i}", "AAA", "NoPsy", 1, Best, Worst, DontKnow);
        Add("O1", "BBB", "One", 3.1, Best, Worst, Best);
        return export.Write(folder);
    }

    private static (string Folder, RunResult Result) Run(int minCell, OutputFormats formats = OutputFormats.Csv)
    {
        var folder = TestFiles.TempFolder();
        var input = Export(folder);
        var result = EvaluationRun.Execute(new RunSettings
        {
            Inputs = [input], OutputFolder = Path.Combine(folder, "results"), MinCell = minCell, Formats = formats, Threads = 1,
        });
        Assert.Equal(15, result.RowsScored);
        Assert.Equal(0, result.RowsRejected);
        return (Path.Combine(folder, "results"), result);
    }

    private static OutputTable.Cells Cell(OutputTable table, string level, string country, string community, string measure) =>
        table.Single(("level", level), ("country", country), ("community", community), ("measure", measure));

    private static void AssertWithheld(OutputTable.Cells row, string rows)
    {
        Assert.Equal(rows, row["n_rows"]);
        foreach (var column in WithheldColumns) Assert.True(row[column] == "", $"{column} is '{row[column]}', not empty");
        Assert.Equal("true", row["suppressed"]);
    }

    [Fact]
    public void Cells_below_min_cell_are_empty_with_suppressed_true_and_n_rows_shown()
    {
        var (results, _) = Run(minCell: 5);
        var aggregates = OutputTable.Read(Path.Combine(results, "aggregates.csv"));
        Assert.Equal(
            ["measure", "n_rows", "n", "weight_sum", "mean", "se", "psus", "df", "ci_low", "ci_high", "n_eff",
             "median", "p25", "p75", "share_low", "share_medium", "share_high", "suppressed", "note"],
            aggregates.Header.SkipWhile(c => c != "measure"));

        // n = 4 = min-cell − 1: withheld, for every measure.
        foreach (var measure in new[] { "composite", "economic", "social", "psychosocial" })
            AssertWithheld(Cell(aggregates, "country+community", "AAA", "Four", measure), "4");
        // n = 0 (composite and psychosocial all missing) although n_rows = 5: withheld.
        AssertWithheld(Cell(aggregates, "country+community", "AAA", "NoPsy", "composite"), "5");
        AssertWithheld(Cell(aggregates, "country+community", "AAA", "NoPsy", "psychosocial"), "5");
        // One survey: withheld at community and country level.
        AssertWithheld(Cell(aggregates, "country+community", "BBB", "One", "composite"), "1");
        AssertWithheld(Cell(aggregates, "country", "BBB", "", "composite"), "1");
    }

    [Fact]
    public void A_cell_with_n_equal_to_min_cell_is_shown_with_hand_computed_statistics()
    {
        var (results, _) = Run(minCell: 5);
        var aggregates = OutputTable.Read(Path.Combine(results, "aggregates.csv"));
        var five = Cell(aggregates, "country+community", "AAA", "Five", "composite");
        Assert.Equal("false", five["suppressed"]);
        Assert.Equal("5", five["n_rows"]);
        Assert.Equal("5", five["n"]);
        // Values (weight): 1 (1), 2/3 (2), 1/3 (1), 0 (1), 1 (1). Σw = 6, Σwy = 1 + 4/3 + 1/3 + 0 + 1 = 11/3.
        Assert.Equal(6, five.Number("weight_sum"), 12);
        Assert.Equal(11.0 / 18, five.Number("mean"), 12);
        // The design is all 15 accepted surveys (weights only, each its own PSU). z = w (y − ȳ) / Σw for the 5
        // surveys of the cell, 0 for the 10 others:
        //   (1 − 11/18)/6 = 7/108, 2(12/18 − 11/18)/6 = 2/108, (6/18 − 11/18)/6 = −5/108, (0 − 11/18)/6 = −11/108, 7/108.
        //   Σz = 0; Σz² = (49 + 4 + 25 + 121 + 49)/108² = 248/11664.
        //   V = n/(n − 1) Σ(z − z̄)² with n = 15 (not 5: a domain is not analysed as the whole sample) = 15/14 · 248/11664.
        var se = Math.Sqrt(15.0 / 14 * 248 / 11664);
        Assert.Equal(se, five.Number("se"), 12);
        // Five surveys, each its own PSU, in one stratum: df = 5 − 1 = 4 (the domain rule; the design's is 15 − 1),
        // R's qt(0.975, 4) = 2.7764451051977934.
        Assert.Equal("5", five["psus"]);
        Assert.Equal("4", five["df"]);
        Assert.Equal(11.0 / 18 - 2.7764451051977934 * se, five.Number("ci_low"), 9);
        Assert.Equal(11.0 / 18 + 2.7764451051977934 * se, five.Number("ci_high"), 9);
        Assert.Equal("", five["note"]);
        // n_eff = (Σw)² / Σw² = 36 / (1 + 4 + 1 + 1 + 1) = 4.5.
        Assert.Equal(4.5, five.Number("n_eff"), 12);
        // hf7: sorted 0 (w 1), 1/3 (w 1), 2/3 (w 2), 1 (w 1), 1 (w 1); positions = weight before / (Σw − last weight = 5)
        //   = 0, 1/5, 2/5, 4/5, 5/5. In weight units t = p · 5: 0 → 0, 1/3 → 1, 2/3 → 2, 1 → 4 and 5.
        //   p25: t = 1.25, between 1/3 (1) and 2/3 (2): 1/3 + 0.25 · 1/3 = 5/12.
        //   p50: t = 2.5, between 2/3 (2) and 1 (4): 2/3 + (0.5/2) · 1/3 = 3/4.
        //   p75: t = 3.75: 2/3 + (1.75/2) · 1/3 = 23/24.
        Assert.Equal(5.0 / 12, five.Number("p25"), 12);
        Assert.Equal(0.75, five.Number("median"), 12);
        Assert.Equal(23.0 / 24, five.Number("p75"), 12);
        // Bands: low 0 (w 1), medium 1/3 (w 1), high 2/3, 1, 1 (w 4), over Σw = 6.
        Assert.Equal(1.0 / 6, five.Number("share_low"), 12);
        Assert.Equal(1.0 / 6, five.Number("share_medium"), 12);
        Assert.Equal(4.0 / 6, five.Number("share_high"), 12);

        // The measures NoPsy does have are shown: economic all 1, social all 0 → se exactly 0, written "0".
        var economic = Cell(aggregates, "country+community", "AAA", "NoPsy", "economic");
        Assert.Equal("false", economic["suppressed"]);
        Assert.Equal("5", economic["n"]);
        Assert.Equal("1", economic["mean"]);
        Assert.Equal("0", economic["se"]);
        var social = Cell(aggregates, "country+community", "AAA", "NoPsy", "social");
        Assert.Equal("0", social["mean"]);
        Assert.Equal("0", social["se"]);
        Assert.Equal("1", social["share_low"]);

        // Country AAA composite: n_rows 14, n = 9 (Five 5 + Four 4; NoPsy has none); all: n_rows 15, n 10.
        var aaa = Cell(aggregates, "country", "AAA", "", "composite");
        Assert.Equal("14", aaa["n_rows"]);
        Assert.Equal("9", aaa["n"]);
        Assert.Equal("false", aaa["suppressed"]);
        var all = Cell(aggregates, "all", "", "", "composite");
        Assert.Equal("15", all["n_rows"]);
        Assert.Equal("10", all["n"]);
    }

    [Fact]
    public void A_negative_interval_bound_is_written_as_a_plain_number()
    {
        // All surveys, social: 10 of 15 surveys score 0, so the mean is low and its interval reaches below 0.
        // Values (weight): Five 1, 1, 0, 0, 1 (1, 2, 1, 1, 1); Four 0 ×4; NoPsy 0 ×5; One 0 (3.1).
        // Σw = 18.1; Σwy = 1 + 2 + 1 = 4; ȳ = 4/18.1 = 0.22099…
        // z = w (y − ȳ)/Σw for all 15 surveys (Σz = 0): Σ w²(y − ȳ)² = (1 + 4 + 1)(1 − ȳ)² (the three 1s, weights 1, 2, 1)
        //   + (1 + 1 + 4 + 5 + 3.1²)ȳ² (the twelve 0s) = 6(1 − ȳ)² + 20.61ȳ²; V = 15/14 · that / 18.1²; se = 0.1233…
        // Interval: ȳ ∓ qt(0.975, 14)·se with R's qt(0.975, 14) = 2.1447866879178039: the lower bound is −0.043…, negative,
        // and must be written "-0.04…" (a number), not quoted or prefixed as spreadsheet text.
        var (results, _) = Run(minCell: 5);
        var social = Cell(OutputTable.Read(Path.Combine(results, "aggregates.csv")), "all", "", "", "social");
        const double mean = 4 / 18.1;
        var se = Math.Sqrt(15.0 / 14 * (6 * (1 - mean) * (1 - mean) + 20.61 * mean * mean) / (18.1 * 18.1));
        Assert.Equal(mean, social.Number("mean"), 12);
        Assert.Equal(se, social.Number("se"), 12);
        Assert.StartsWith("-0.", social["ci_low"]);
        Assert.Equal(mean - 2.1447866879178039 * se, social.Number("ci_low"), 9);
    }

    [Fact]
    public void At_min_cell_1_a_one_survey_group_shows_its_value_without_se_and_an_all_missing_group_stays_withheld()
    {
        var (results, _) = Run(minCell: 1);
        var aggregates = OutputTable.Read(Path.Combine(results, "aggregates.csv"));
        foreach (var level in new[] { "country+community", "country" })
        {
            var one = Cell(aggregates, level, "BBB", level == "country" ? "" : "One", "composite");
            Assert.Equal("false", one["suppressed"]);
            Assert.Equal("1", one["n_rows"]);
            Assert.Equal("1", one["n"]);
            Assert.Equal("3.1", one["weight_sum"]);
            Assert.Equal(2.0 / 3, one.Number("mean"));                 // the value itself, to the last bit
            // One survey is one PSU: no design-based variance, so no se and no interval, and a note says why.
            Assert.Equal("1", one["psus"]);
            Assert.Equal("1", one["df"]);                              // 1 PSU − 1 stratum, at least 1
            Assert.Equal("", one["se"]);
            Assert.Equal("", one["ci_low"]);
            Assert.Equal("", one["ci_high"]);
            Assert.Equal("one PSU: no design-based variance", one["note"]);
            Assert.Equal("1", one["n_eff"]);
            Assert.Equal(2.0 / 3, one.Number("median"));
            Assert.Equal(2.0 / 3, one.Number("p25"));
            Assert.Equal(2.0 / 3, one.Number("p75"));
            Assert.Equal("0", one["share_low"]);
            Assert.Equal("0", one["share_medium"]);
            Assert.Equal("1", one["share_high"]);
        }
        // n = 0 is withheld whatever min-cell is.
        AssertWithheld(Cell(aggregates, "country+community", "AAA", "NoPsy", "composite"), "5");
        // And the cells of four are shown now.
        Assert.Equal("false", Cell(aggregates, "country+community", "AAA", "Four", "composite")["suppressed"]);
    }

    [Fact]
    public async Task Withheld_statistics_are_nulls_in_aggregates_parquet()
    {
        var (results, _) = Run(minCell: 5, OutputFormats.Csv | OutputFormats.Parquet);
        var csv = OutputTable.Read(Path.Combine(results, "aggregates.csv"));
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(results, "aggregates.parquet"));
        Assert.Equal(1, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        var rows = (int)group.RowCount;
        Assert.Equal(csv.Rows.Count, rows);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);

        var level = new string?[rows];
        var community = new string?[rows];
        var measure = new string?[rows];
        var suppressed = new bool[rows];
        var nRows = new long?[rows];
        var n = new long?[rows];
        await group.ReadAsync(fields["level"], level.AsMemory(), null);
        await group.ReadAsync(fields["community"], community.AsMemory(), null);
        await group.ReadAsync(fields["measure"], measure.AsMemory(), null);
        await group.ReadAsync(fields["suppressed"], suppressed.AsMemory(), null);
        await group.ReadAsync(fields["n_rows"], nRows.AsMemory(), null);
        await group.ReadAsync(fields["n"], n.AsMemory(), null);
        var psus = new long?[rows];
        var df = new long?[rows];
        await group.ReadAsync(fields["psus"], psus.AsMemory(), null);
        await group.ReadAsync(fields["df"], df.AsMemory(), null);
        var statistics = new Dictionary<string, double?[]>();
        foreach (var name in WithheldColumns.Where(c => c is not ("n" or "psus" or "df")))
        {
            statistics[name] = new double?[rows];
            await group.ReadAsync(fields[name], statistics[name].AsMemory(), null);
        }

        var four = Enumerable.Range(0, rows).Single(r => level[r] == "country+community" && community[r] == "Four" && measure[r] == "composite");
        var five = Enumerable.Range(0, rows).Single(r => level[r] == "country+community" && community[r] == "Five" && measure[r] == "composite");

        Assert.True(suppressed[four]);
        Assert.Equal(4L, nRows[four]);
        Assert.Null(n[four]);
        Assert.Null(psus[four]);
        Assert.Null(df[four]);
        foreach (var (name, values) in statistics) Assert.True(values[four] is null, $"{name} is {values[four]}, not null");

        Assert.False(suppressed[five]);
        Assert.Equal(5L, n[five]);
        Assert.Equal(5L, psus[five]);
        Assert.Equal(4L, df[five]);
        Assert.Equal(11.0 / 18, statistics["mean"][five]!.Value, 12);
    }

    [Fact]
    public void A_run_without_panel_returnees_writes_no_panel_change()
    {
        var (results, result) = Run(minCell: 5);
        Assert.Equal(0, result.PanelReturnees);
        Assert.False(File.Exists(Path.Combine(results, "panel_change.csv")));
    }
}
