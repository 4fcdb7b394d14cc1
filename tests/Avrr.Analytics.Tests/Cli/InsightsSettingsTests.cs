namespace Avrr.Analytics.Tests.Cli;

/// <summary>The insights' settings as flags and evaluation-file keys (docs/commands.md), their refusals and the manifest.</summary>
public sealed class InsightsSettingsTests
{
    [Fact]
    public void A_training_sample_below_100_returnees_is_refused_naming_the_flag_or_the_key()
    {
        var folder = TestFiles.TempFolder();
        var flag = Avrr.Expect(2, "run", Samples.Sample, "--out", Path.Combine(folder, "a"), "--insights-sample", "10");
        Assert.Contains("--insights-sample 10: must be at least 100 returnees", flag.Output, StringComparison.Ordinal);
        var config = Path.Combine(folder, "q.json");
        File.WriteAllText(config, "{ \"insightsSample\": 10 }");
        var key = Avrr.Expect(2, "run", Samples.Sample, "--out", Path.Combine(folder, "b"), "--config", config);
        Assert.Contains($"\"insightsSample\": 10 in {config}: must be at least 100 returnees", key.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_driver_term_that_is_no_column_is_refused_with_the_closest_one()
    {
        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", Path.Combine(TestFiles.TempFolder(), "r"), "--driver-terms", "sex,assistance");
        Assert.Contains("--driver-terms assistance: not a column the models can use", call.Output, StringComparison.Ordinal);
        Assert.Contains("closest: assistance_type", call.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_driver_terms_are_the_models_terms_and_the_settings_are_in_the_manifest()
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        Avrr.Expect(0, "run", Samples.Sample, "--out", out_, "--driver-terms", "sex;quarter", "--insights-seed", "7", "--insights-sample", "1000", "--quiet");
        var terms = CsvRecords.ReadTable(Path.Combine(out_, "insights", "drivers_terms.csv"));
        Assert.Equal(["quarter", "sex"], terms.Where(r => r["outcome"] == "composite").Select(r => r["term"]).Order(StringComparer.Ordinal));
        var manifest = OutputContract.Manifest(out_);
        var settings = manifest["settings"]!;
        Assert.True((bool)settings["insights"]!);
        Assert.Equal(7, (int)settings["insights_seed"]!);
        Assert.Equal(1000, (int)settings["insights_sample"]!);
        Assert.Equal(["sex", "quarter"], settings["driver_terms"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(1000, (int)manifest["insights"]!["sample_returnees"]!);
        var returnees = (long)manifest["insights"]!["returnees"]!;
        Assert.True(returnees > 1000);
        Assert.Equal($"seeded sample of 1000 of {returnees} returnees",
            CsvRecords.ReadTable(Path.Combine(out_, "insights", "models.csv")).First(r => r["model"] == "profiles")["note"]);
    }

    [Fact]
    public void No_insights_as_a_flag_or_a_key_writes_no_insights_and_records_it()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q.json");
        File.WriteAllText(config, "{ \"insights\": false }");
        foreach (var args in new[] { new[] { "--no-insights" }, ["--config", config] })
        {
            var out_ = Path.Combine(folder, args[0].TrimStart('-'));
            Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, "--quiet", .. args]);
            Assert.False(Directory.Exists(Path.Combine(out_, "insights")));
            Assert.False((bool)OutputContract.Manifest(out_)["settings"]!["insights"]!);
            Assert.Equal(OutputContract.ReturneeScores(OutputContract.SampleAttributes, insights: false),
                CsvFile.Read(Path.Combine(out_, "returnee_scores.csv")).Header);
        }
    }
}
