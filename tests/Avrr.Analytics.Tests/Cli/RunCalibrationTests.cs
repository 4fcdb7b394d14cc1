using System.Globalization;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// <c>--calibrate</c> through the whole runner (docs/methodology.md, "Calibration"), on Reference/runner-fixture.csv
/// (43 surveys: SEN 19, GIN 14, MLI 10; strata S1–S4): the calibrated totals of calibration.csv and of returnee_scores'
/// weights are the margins' totals, the manifest says how, and every hostile margin file is refused with its level
/// named, the right exit code, and no result folder.
/// </summary>
public sealed class RunCalibrationTests
{
    private static readonly string Fixture = TestFiles.Reference("runner-fixture.csv");

    private static string Margin(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("poststratify")]
    [InlineData("rake")]
    [InlineData("linear")]
    public void The_calibrated_totals_are_the_margins_to_1e9_in_calibration_csv_and_in_the_scores(string method)
    {
        var folder = TestFiles.TempFolder();
        var out_ = Path.Combine(folder, "results");
        var country = Margin(folder, "country.csv", "country,total\nSEN,40\nGIN,30.5\nMLI,20\n");
        var stratum = Margin(folder, "stratum.csv", "stratum;total\nS1;38.5\nS2;32\nS3;15\nS4;5\n");
        string[] margins = method == "poststratify" ? ["--calibrate", country] : ["--calibrate", country, "--calibrate", stratum, "--calibrate-method", method];
        var call = Avrr.Expect(0, ["run", Fixture, "--out", out_, "--cluster", "psu", "--strata", "stratum", "--min-cell", "1", "--formats", "csv", .. margins, .. SampleResults.TablesOnly]);
        Assert.Contains(method == "poststratify" ? "Weights calibrated to the caseload totals of country (poststratify)" : $"Weights calibrated to the caseload totals of country; stratum ({method})", call.Output);

        var table = CsvFile.Read(Path.Combine(out_, "calibration.csv"));
        Assert.Equal(["margin", "variables", "level", "population_total", "surveys", "weight_total_before", "weight_total_after", "ratio_min", "ratio_max", "suppressed"], table.Header);
        Assert.Equal(method == "poststratify" ? 3 : 7, table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var total = double.Parse(row[3], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(double.Parse(row[6], CultureInfo.InvariantCulture) - total) <= 1e-9, string.Join(",", row));
        }
        // returnee_scores.csv carries the calibrated weights: their sums by country are the margin's totals
        // (to the 1e-6 of each weight as written with 6 decimals, 43 of them).
        var scores = CsvFile.Read(Path.Combine(out_, "returnee_scores.csv"));
        int Col(string name) => scores.Header.ToList().IndexOf(name);
        var byCountry = scores.Rows.GroupBy(r => r[Col("country")]).ToDictionary(g => g.Key, g => g.Sum(r => double.Parse(r[Col("weight")], CultureInfo.InvariantCulture)));
        Assert.Equal(40, byCountry["SEN"], 4);
        Assert.Equal(30.5, byCountry["GIN"], 4);
        Assert.Equal(20, byCountry["MLI"], 4);

        var manifest = OutputContract.Manifest(out_);
        var calibration = manifest["calibration"]!;
        Assert.Equal(method, (string)calibration["method"]!);
        Assert.Equal(method == "poststratify" ? 1 : 2, calibration["margins"]!.AsArray().Count);
        Assert.True((double)calibration["weights_design_effect_after"]! >= 1);
        Assert.Contains("calibration.csv", manifest["files"]!.AsArray().Select(f => (string)f!));
    }

    [Theory]
    [InlineData("en", "Estimates are calibrated to the caseload totals of country; stratum (raking)", "Caseload margin (country)")]
    [InlineData("fr", "Les estimations sont calées sur les totaux de l'effectif de country; stratum (calage par raking)", "Marge de l'effectif (country)")]
    public void The_report_says_the_estimates_are_calibrated_and_to_what(string language, string sentence, string provenance)
    {
        var folder = TestFiles.TempFolder();
        var out_ = Path.Combine(folder, "results");
        Avrr.Expect(0, ["run", Fixture, "--out", out_, "--lang", language, "--formats", "csv", "--no-insights", "--no-audit",
            "--calibrate", Margin(folder, "country.csv", "country,total\nSEN,40\nGIN,30.5\nMLI,20\n"),
            "--calibrate", Margin(folder, "stratum.csv", "stratum,total\nS1,38.5\nS2,32\nS3,15\nS4,5\n")]);
        var report = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(out_, "report.html")));
        Assert.Contains(sentence, report);
        Assert.Contains(provenance, report);
        Assert.Contains("calibration.csv", report);
        // results.xlsx has the calibration sheet: its header and one row per margin level (3 countries, 4 strata).
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(Path.Combine(out_, "results.xlsx"));
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(stream);
        var rows = -1;
        do
        {
            if (reader.Name != "calibration") continue;
            rows = 0;
            while (reader.Read())
            {
                if (rows++ == 0) Assert.Equal("population_total", reader.GetValue(3));
            }
        } while (reader.NextResult());
        Assert.Equal(1 + 7, rows);
    }

    [Fact]
    public void The_evaluation_file_names_margins_relative_to_itself()
    {
        var folder = TestFiles.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "margins"));
        Margin(Path.Combine(folder, "margins"), "country.csv", "country,total\nSEN,40\nGIN,30.5\nMLI,20\n");
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, $$"""
            { "inputs": [{{System.Text.Json.JsonSerializer.Serialize(Fixture)}}], "out": "results", "formats": ["csv"],
              "insights": false, "audit": false, "report": false,
              "calibrate": ["margins/country.csv"], "calibrateMethod": "poststratify", "calibrateIterations": 10 }
            """);
        Avrr.Expect(0, ["run", "--config", config]);
        var manifest = OutputContract.Manifest(Path.Combine(folder, "results"));
        Assert.Equal("poststratify", (string)manifest["calibration"]!["method"]!);
        Assert.Equal(10, (int)manifest["calibration"]!["max_iterations"]!);
        Assert.Equal(3, CsvFile.Read(Path.Combine(folder, "results", "calibration.csv")).Rows.Count);
    }

    [Fact]
    public void A_run_without_calibrate_writes_no_calibration_csv_and_no_calibration_in_the_manifest()
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        Avrr.Expect(0, ["run", Fixture, "--out", out_, "--formats", "csv", .. SampleResults.TablesOnly]);
        Assert.False(File.Exists(Path.Combine(out_, "calibration.csv")));
        Assert.Null(OutputContract.Manifest(out_)["calibration"]);
    }

    public static TheoryData<string, string, int, string[]> Hostile => new()
    {
        // A level of the margin that no survey has (a misspelt country).
        { "country,total\nSEN,40\nGIN,30\nMLI,20\nSNE,5\n", "", 3, ["country=SNE", "no scored survey"] },
        // Surveys whose value the margin does not list.
        { "country,total\nSEN,40\nGIN,30\n", "", 3, ["country=MLI", "does not list", "10 scored surveys"] },
        // An empty level.
        { "country,total\nSEN,40\n,30\nMLI,20\n", "", 3, ["line 3", "no value of country"] },
        // A total that is not a number, with the level named.
        { "country,total\nSEN,40\nGIN,thirty\nMLI,20\n", "", 3, ["line 3", "country=GIN", "'thirty'", "not a number"] },
        { "country,total\nSEN,40\nGIN,0\nMLI,20\n", "", 3, ["country=GIN", "above 0"] },
        { "country,total\nSEN,40\nGIN,30\nGIN,31\nMLI,20\n", "", 3, ["country=GIN again"] },
        // Two margins that disagree on the population (90 and 91).
        { "country,total\nSEN,40\nGIN,30\nMLI,20\n", "stratum,total\nS1,35\nS2,30\nS3,20\nS4,6\n", 3, ["disagree", "90", "91"] },
        // Totals no weights can meet: MLI surveys are all in S3 and S4 (and theirs all MLI), but MLI is given 10 and S3 and S4 40.
        { "country,total\nSEN,40\nGIN,40\nMLI,10\n", "stratum,total\nS1,30\nS2,20\nS3,30\nS4,10\n", 3, ["did not converge in 50 iterations"] },
        // A variable that is not a column of the exports.
        { "sex,total\nF,40\nM,50\n", "", 2, ["--calibrate", "'sex' is not a column"] },
        { "country,count\nSEN,40\n", "", 3, ["no column 'total'"] },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_margin_is_refused_with_its_level_named_and_nothing_written(string first, string second, int exitCode, string[] messages)
    {
        var folder = TestFiles.TempFolder();
        var out_ = Path.Combine(folder, "results");
        var args = new List<string> { "run", Fixture, "--out", out_, "--calibrate", Margin(folder, "first.csv", first) };
        if (second.Length > 0) args.AddRange(["--calibrate", Margin(folder, "second.csv", second)]);
        args.AddRange(SampleResults.TablesOnly);

        var call = Avrr.Expect(exitCode, [.. args]);

        foreach (var message in messages) Assert.Contains(message, call.Output);
        Assert.False(Directory.Exists(out_), call.Output);
        Assert.Equal(second.Length > 0 ? ["first.csv", "second.csv"] : ["first.csv"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_calibrated_run_writes_no_partial_and_says_why()
    {
        var folder = TestFiles.TempFolder();
        var call = Avrr.Expect(2, ["run", Fixture, "--out", Path.Combine(folder, "results"), "--partial-out", Path.Combine(folder, "partial"),
            "--calibrate", Margin(folder, "country.csv", "country,total\nSEN,40\nGIN,30\nMLI,20\n"), .. SampleResults.TablesOnly]);
        Assert.Contains("a calibrated run writes no partial", call.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "results")));
        Assert.False(Directory.Exists(Path.Combine(folder, "partial")));
    }

    [Fact]
    public void Post_stratification_takes_one_margin_and_no_bounds()
    {
        var folder = TestFiles.TempFolder();
        var country = Margin(folder, "country.csv", "country,total\nSEN,40\nGIN,30\nMLI,20\n");
        var stratum = Margin(folder, "stratum.csv", "stratum,total\nS1,35\nS2,30\nS3,20\nS4,5\n");
        var call = Avrr.Expect(2, ["run", Fixture, "--out", Path.Combine(folder, "results"), "--calibrate", country, "--calibrate", stratum,
            "--calibrate-method", "poststratify", .. SampleResults.TablesOnly]);
        Assert.Contains("takes one margin", call.Output);
        call = Avrr.Expect(2, ["run", Fixture, "--out", Path.Combine(folder, "results"), "--calibrate", country, "--calibrate-bounds", "0.5,2", .. SampleResults.TablesOnly]);
        Assert.Contains("post-stratification has no bounds", call.Output);
        call = Avrr.Expect(2, ["run", Fixture, "--out", Path.Combine(folder, "results"), "--calibrate", country, "--calibrate", stratum,
            "--calibrate-bounds", "2,3", .. SampleResults.TablesOnly]);
        Assert.Contains("0 ≤ L < 1 < U", call.Output);
    }
}
