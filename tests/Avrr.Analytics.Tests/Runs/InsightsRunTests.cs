using System.Globalization;
using Avrr.Analytics.IO.Reading;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Surveys;
using Avrr.Analytics.Tests.Cli;
using Avrr.Analytics.Tests.Insights;

namespace Avrr.Analytics.Tests.Runs;

/// <summary>
/// The insights of whole runs on planted exports (<see cref="PlantedExport"/>): what the files of insights/
/// and the profile column of returnee_scores show, their determinism and their respect of people's data.
/// Without the audit and the report, which no test here reads, but for the one that compares every file.
/// </summary>
public sealed class InsightsRunTests
{
    private static (string Output, List<PlantedExport.Planted> Planted) Run(PlantedExport.Options options, int threads = 0, int minCell = 5,
        string? folder = null, int seed = 1, SurveyPeriod? period = null, string name = "", bool everything = false)
    {
        folder ??= TestFiles.TempFolder();
        var input = Path.Combine(folder, $"export{name}.csv");
        var planted = PlantedExport.Write(input, options);
        var output = Path.Combine(folder, $"results{name}-{threads}-{seed}");
        EvaluationRun.Execute(new RunSettings
        {
            Inputs = [input], OutputFolder = output, Threads = threads, MinCell = minCell, InsightsSeed = seed, Period = period,
            Audit = everything, Report = everything,
        });
        return (output, planted);
    }

    private static List<Dictionary<string, string>> Table(string output, string name) => CsvRecords.ReadTable(Path.Combine(output, "insights", name + ".csv"));

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <remarks>
    /// The export plants four profiles, and more groups beside them: the fragile returnees' baselines (debt and
    /// distress answers at the worst) and their follow-ups (every answer near 0.1). The gap statistic finds those
    /// too (7 profiles with this seed: two of the four split into their fragile and other baselines, and the
    /// fragile follow-ups on their own), so the found profiles are checked as a refinement of the planted ones:
    /// merged by the planted profile most of their baselines have, they recover the planted profiles.
    /// </remarks>
    [Fact]
    public void Planted_profiles_are_recovered_in_returnee_scores_csv_and_parquet_with_an_adjusted_Rand_index_of_at_least_0_9()
    {
        var (output, planted) = Run(new PlantedExport.Options(1200, 31));
        var profileOf = planted.ToDictionary(p => p.ReturneeId, p => p.Profile);
        var scores = CsvRecords.ReadTable(Path.Combine(output, "returnee_scores.csv")).Where(r => r["round"] == "baseline").ToList();
        Assert.All(scores, r => Assert.Matches("^P[1-8]$", r["profile"]));
        var found = scores.Select(r => (int)r["profile"][1]).ToList();
        var truth = scores.Select(r => profileOf[r["returnee_id"]]).ToList();
        var majority = found.Zip(truth).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.GroupBy(p => p.Second).MaxBy(h => h.Count())!.Key);
        // Each found profile lies within one planted profile, and every planted profile is found.
        Assert.True(found.Zip(truth).Count(p => majority[p.First] == p.Second) >= 0.95 * found.Count);
        Assert.Equal(4, majority.Values.Distinct().Count());
        var ari = AdjustedRand.Index(truth, found.Select(f => majority[f]).ToList());
        Assert.True(ari >= 0.9, $"ARI {ari}");
        var chosen = int.Parse(Table(output, "profile_selection").Single(r => r["chosen"] == "true")["k"], CultureInfo.InvariantCulture);
        Assert.InRange(chosen, 4, 8);
        Assert.Equal(chosen, Table(output, "profiles").Count);

        var parquet = ParquetTables.Read(Path.Combine(output, "returnee_scores.parquet"));
        var csv = CsvRecords.ReadTable(Path.Combine(output, "returnee_scores.csv"));
        Assert.Equal(csv.Select(r => r["profile"]), parquet.Select(r => (string?)r["profile"]));
    }

    [Fact]
    public void The_profile_mix_gives_each_country_weighted_shares_that_add_up_to_1()
    {
        var (output, _) = Run(new PlantedExport.Options(600, 32));
        var mix = Table(output, "profile_mix").Where(r => r["level"] == "country").GroupBy(r => r["country"]).ToList();
        Assert.Equal(3, mix.Count);
        foreach (var country in mix) Assert.Equal(1.0, country.Sum(r => Number(r["share"])), 12);
    }

    [Fact]
    public void A_planted_driver_is_ranked_first_by_both_models_and_a_noise_attribute_is_not_significant_at_5_percent()
    {
        var (output, _) = Run(new PlantedExport.Options(1500, 33, DriverEffect: 0.3));
        var terms = Table(output, "drivers_terms").Where(r => r["outcome"] == "composite").ToList();
        Assert.Equal("assistance_type", terms.Single(r => r["rank"] == "1")["term"]);
        Assert.True(Number(terms.Single(r => r["term"] == "noise")["p"]) > 0.05);
        Assert.All(Table(output, "drivers_linear").Where(r => r["term"] == "noise"), r => Assert.True(Number(r["p"]) > 0.05, $"{r["outcome"]} {r["level"]}"));
        var business = Table(output, "drivers_linear").Where(r => r["outcome"] == "composite" && r["term"] == "assistance_type").ToList();
        // "business" is the reference (first in byte order): the other types are associated with lower scores.
        Assert.All(business, r => Assert.Equal("business", r["reference"]));
        Assert.All(business, r => Assert.True(Number(r["ci_high"]) < 0));
        var importance = Table(output, "drivers_importance");
        Assert.Equal("assistance_type", importance.Single(r => r["rank"] == "1")["feature"]);
    }

    [Fact]
    public void A_planted_baseline_signal_gives_a_cross_validated_AUC_of_at_least_0_8_and_one_risk_per_baseline_only_returnee()
    {
        var (output, planted) = Run(new PlantedExport.Options(1500, 34));
        var metrics = Table(output, "early_warning").ToDictionary(r => r["metric"], r => r["value"]);
        Assert.Equal("1", metrics["trained"]);
        Assert.True(Number(metrics["auc"]) >= 0.8, $"AUC {metrics["auc"]}");
        var risk = CsvRecords.ReadTable(Path.Combine(output, "insights", "risk.csv"));
        Assert.Equal(planted.Where(p => !p.FollowedUp).Select(p => p.ReturneeId), risk.Select(r => r["returnee_id"]));
        Assert.All(risk, r => Assert.InRange(Number(r["risk"]), 0, 1));
        Assert.Equal(planted.Count(p => !p.FollowedUp).ToString(CultureInfo.InvariantCulture), metrics["scored_returnees"]);
    }

    [Fact]
    public void Risk_csv_holds_no_returnee_whose_only_survey_is_a_follow_up_and_early_warning_counts_them()
    {
        var folder = TestFiles.TempFolder();
        var input = Path.Combine(folder, "export.csv");
        var planted = PlantedExport.Write(input, new PlantedExport.Options(1500, 34));
        // 40 returnees without a follow-up get their one survey's round changed to the follow-up's.
        var orphans = planted.Where(p => !p.FollowedUp).Take(40).Select(p => p.ReturneeId).ToHashSet();
        File.WriteAllLines(input, File.ReadAllLines(input).Select(line =>
            orphans.Contains(line[..line.IndexOf(',')]) ? line.Replace(",baseline,", ",follow_up,") : line));
        var output = Path.Combine(folder, "results");
        EvaluationRun.Execute(new RunSettings { Inputs = [input], OutputFolder = output, Audit = false, Report = false });
        var risk = CsvRecords.ReadTable(Path.Combine(output, "insights", "risk.csv"));
        Assert.Equal(planted.Where(p => !p.FollowedUp && !orphans.Contains(p.ReturneeId)).Select(p => p.ReturneeId), risk.Select(r => r["returnee_id"]));
        var metrics = Table(output, "early_warning").ToDictionary(r => r["metric"], r => r);
        Assert.Equal("40", metrics["follow_up_only_returnees"]["value"]);
        Assert.Contains("\"baseline\"", metrics["follow_up_only_returnees"]["note"]);
        Assert.Equal((planted.Count(p => !p.FollowedUp) - 40).ToString(CultureInfo.InvariantCulture), metrics["scored_returnees"]["value"]);
        // Each line's flag is the model's or the rule's, as early_warning says.
        var byRule = metrics["model_beats_rule"]["value"] == "0";
        var cut = Number(metrics[byRule ? "rule_threshold" : "threshold"]["value"]);
        Assert.All(risk, r => Assert.Equal(byRule ? Number(r["baseline_composite"]) <= cut + 1e-6 : Number(r["risk"]) >= cut - 1e-6, r["flagged"] == "true"));
    }

    [Fact]
    public void Pure_noise_gives_a_cross_validated_AUC_near_0_5()
    {
        var (output, _) = Run(new PlantedExport.Options(1500, 35, PlantedExport.Signal.Noise));
        var auc = Number(Table(output, "early_warning").Single(r => r["metric"] == "auc")["value"]);
        Assert.InRange(auc, 0.42, 0.58);
    }

    [Fact]
    public void Fewer_than_200_panel_returnees_train_no_early_warning_and_say_so()
    {
        var (output, _) = Run(new PlantedExport.Options(250, 36));
        var trained = Table(output, "early_warning").Single(r => r["metric"] == "trained");
        Assert.Equal("0", trained["value"]);
        Assert.Contains("at least 200", trained["note"]);
        Assert.False(File.Exists(Path.Combine(output, "insights", "risk.csv")));
        Assert.Contains(OutputContract.Manifest(output)["insights"]!["notes"]!.AsArray(), n => n!.GetValue<string>().Contains("at least 200"));
    }

    [Fact]
    [Trait("Category", "Slow")]     // four whole runs compared file by file, as the runner's determinism tests
    public void The_same_seed_gives_byte_identical_insights_whatever_the_threads()
    {
        var folder = TestFiles.TempFolder();
        var options = new PlantedExport.Options(800, 37);
        // With the audit and the report: every file of the result is compared.
        var one = Run(options, threads: 1, folder: folder, everything: true).Output;
        var two = Run(options, threads: 2, folder: folder, everything: true).Output;
        var again = Run(options, threads: 2, folder: folder, seed: 1, everything: true).Output;
        Assert.Equal(two, again);
        var first = Files(one);
        Assert.Contains("insights/risk.csv", first.Keys);
        Assert.Contains("insights/drivers_importance.parquet", first.Keys);
        var second = Files(two);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (file, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(second[file]), $"{file} differs between --threads 1 and 2");
        var otherSeed = Files(Run(options, threads: 2, folder: folder, seed: 2).Output);
        Assert.False(otherSeed["insights/profile_selection.csv"].AsSpan().SequenceEqual(first["insights/profile_selection.csv"])
            && otherSeed["insights/drivers_importance.csv"].AsSpan().SequenceEqual(first["insights/drivers_importance.csv"]));
    }

    private static SortedDictionary<string, byte[]> Files(string output) =>
        new(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("manifest.json"))
            .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    [Fact]
    public void Risk_csv_holds_no_column_that_the_personal_data_rule_would_drop()
    {
        var (output, _) = Run(new PlantedExport.Options(600, 38));
        var path = Path.Combine(output, "insights", "risk.csv");
        var header = CsvRecords.Read(path)[0];
        var map = HeaderMap.Create(path, header, header, [], new Dictionary<string, string>());
        Assert.All(map.Roles, role => Assert.Equal(ColumnRole.Read, role));
        Assert.Equal(["returnee_id", "country", "community", "survey_date", "risk", "factor_1", "factor_2", "factor_3", "flagged", "baseline_composite"], header);
    }

    /// <summary>The columns of insights/ that count surveys or returnees.</summary>
    private static readonly string[] Counts = ["surveys", "n_rows", "n", "returnees", "flagged"];

    /// <summary>
    /// Checks every table of insights/ (and the manifest's notes): no count of surveys or returnees from 1 to
    /// min-cell − 1, in a count column or written in a note (a number before "surveys", "returnees", "of"), and no
    /// statistic in a suppressed row. Returns whether some row was suppressed.
    /// </summary>
    private static bool AssertNothingUnderMinCell(string output, int minCell)
    {
        bool Small(string number) => long.Parse(number, CultureInfo.InvariantCulture) is > 0 and var n && n < minCell;
        void CheckNote(string where, string note)
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(note, @"\b(\d+) (surveys|returnees|of|panel)\b"))
                Assert.False(Small(m.Groups[1].Value), $"{where}: \"{note}\"");
        }
        var suppressedSomewhere = false;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(output, "insights"), "*.csv").Where(f => !f.EndsWith("risk.csv")))
            foreach (var row in CsvRecords.ReadTable(file))
            {
                foreach (var column in Counts.Where(row.ContainsKey))
                    if (row[column].Length > 0)
                        Assert.False(Small(row[column]), $"{Path.GetFileName(file)} {column} = {row[column]}");
                if (row.TryGetValue("note", out var note)) CheckNote(Path.GetFileName(file), note);
                if (row.TryGetValue("suppressed", out var suppressed) && suppressed == "true")
                {
                    suppressedSomewhere = true;
                    foreach (var statistic in new[] { "share", "se", "estimate", "mean_risk", "observed_share", "indicator_debt" }.Where(row.ContainsKey))
                        Assert.Equal("", row[statistic]);
                }
            }
        foreach (var note in OutputContract.Manifest(output)["insights"]!["notes"]!.AsArray()) CheckNote("manifest", (string)note!);
        return suppressedSomewhere;
    }

    [Fact]
    public void No_insights_table_shows_a_count_under_min_cell_and_suppressed_rows_show_no_statistic()
    {
        // min-cell 40 on 600 returnees: communities of about 100 surveys, calibration bins of a few returnees.
        var (output, _) = Run(new PlantedExport.Options(600, 39), minCell: 40);
        Assert.True(AssertNothingUnderMinCell(output, 40));
    }

    [Fact]
    public void A_run_smaller_than_min_cell_names_no_count_of_its_surveys_or_returnees_in_insights_and_withholds_its_models_tests()
    {
        // 30 returnees (about 48 surveys) under a min-cell of 60: nothing can be trained, and every note says "fewer than 60".
        var (output, _) = Run(new PlantedExport.Options(30, 43), minCell: 60);
        Assert.True(AssertNothingUnderMinCell(output, 60));
        Assert.Contains(OutputContract.Manifest(output)["insights"]!["notes"]!.AsArray(), n => ((string)n!).StartsWith("profiles: fewer than 60 surveys in the sample", StringComparison.Ordinal));
        Assert.Equal("fewer than 60 returnees have a baseline and a follow-up; at least 200 are needed",
            Table(output, "early_warning").Single(r => r["metric"] == "trained")["note"]);
        Assert.Equal("seeded sample of fewer than 60 of fewer than 60 returnees", Table(output, "models").Single(r => r["model"] == "profiles")["note"]);
        var tests = Table(output, "drivers_terms");
        Assert.NotEmpty(tests);
        Assert.All(tests, r => Assert.Equal(("", "", ""), (r["f"], r["p"], r["n"])));
    }

    [Fact]
    public void Rows_outside_the_period_are_neither_sampled_nor_profiled_nor_modelled()
    {
        // The same baselines (2025) with their follow-ups (2026) and a period of 2025, or without the follow-ups and no
        // period: every file the insights touch is the same, byte for byte.
        var folder = TestFiles.TempFolder();
        var options = new PlantedExport.Options(600, 41);
        var withPeriod = Run(options, folder: folder, period: new SurveyPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), name: "-period").Output;
        var baselines = Run(options with { BaselinesOnly = true }, folder: folder, name: "-baselines").Output;
        var manifest = OutputContract.Manifest(withPeriod);
        Assert.True((long)manifest["rows_outside_period"]! > 300);
        Assert.Equal((long)manifest["rows_scored"]!, (long)manifest["insights"]!["sample_surveys"]!);
        var expected = Files(baselines);
        var actual = Files(withPeriod);
        var touched = expected.Keys.Where(f => f.StartsWith("insights/", StringComparison.Ordinal)).Append("returnee_scores.csv").Append("returnee_scores.parquet").ToArray();
        Assert.Contains("insights/profile_mix.csv", touched);
        Assert.Equal(touched.Where(f => f.StartsWith("insights/", StringComparison.Ordinal)), actual.Keys.Where(f => f.StartsWith("insights/", StringComparison.Ordinal)));
        foreach (var file in touched) Assert.True(expected[file].AsSpan().SequenceEqual(actual[file]), $"{file} differs");
    }

    [Theory]
    [InlineData("e160")]
    [InlineData("e-160")]
    public void Extreme_weights_give_the_insights_of_the_same_weights_near_1(string exponent)
    {
        var folder = TestFiles.TempFolder();
        var options = new PlantedExport.Options(600, 42, DriverEffect: 0.2);
        var plain = Run(options, folder: folder, name: "-plain").Output;
        var extreme = Run(options with { WeightExponent = exponent }, folder: folder, name: "-extreme").Output;
        foreach (var name in new[] { "drivers_linear", "drivers_terms", "profile_mix" })
        {
            var expected = Table(plain, name);
            var actual = Table(extreme, name);
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
                foreach (var (column, text) in expected[i])
                {
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || column is "level" or "country" or "community")
                    {
                        Assert.Equal(text, actual[i][column]);
                        continue;
                    }
                    var other = Number(actual[i][column]);
                    // Relative to the value (p-values go down to 1e-40), with a floor for values near 0.
                    Assert.True(Math.Abs(other - value) <= 1e-9 * Math.Abs(value) + 1e-14, $"{name} row {i} {column}: {text} and {actual[i][column]}");
                }
        }
    }

    [Fact]
    public void Without_insights_returnee_scores_has_no_profile_column_and_there_is_no_insights_folder()
    {
        var folder = TestFiles.TempFolder();
        var input = Path.Combine(folder, "export.csv");
        PlantedExport.Write(input, new PlantedExport.Options(300, 40));
        var output = Path.Combine(folder, "results");
        EvaluationRun.Execute(new RunSettings { Inputs = [input], OutputFolder = output, Insights = false });
        Assert.False(Directory.Exists(Path.Combine(output, "insights")));
        Assert.DoesNotContain("profile", CsvRecords.Read(Path.Combine(output, "returnee_scores.csv"))[0]);
        Assert.False(OutputContract.Manifest(output).ContainsKey("insights"));
    }
}
