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
        Assert.Contains($"\"insightsSample\": 10 in {config}, line 1: must be at least 100 returnees", key.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_driver_term_that_is_no_column_is_refused_with_the_columns_and_a_misspelling_with_the_closest_one()
    {
        var folder = TestFiles.TempFolder();
        var far = Avrr.Expect(2, "run", Samples.Sample, "--out", Path.Combine(folder, "r"), "--driver-terms", "sex,assistance");
        Assert.Contains("--driver-terms assistance: not a column the models can use (columns: country, community, quarter, round, sex, age_group, assistance_type)",
            far.Output, StringComparison.Ordinal);
        // "did you mean" only for a near misspelling (HeaderMap.Closest), as for every other column the runner names.
        var near = Avrr.Expect(2, "run", Samples.Sample, "--out", Path.Combine(folder, "s"), "--driver-terms", "sex,asistance_type");
        Assert.Contains("--driver-terms asistance_type: not a column the models can use", near.Output, StringComparison.Ordinal);
        Assert.Contains("did you mean assistance_type?", near.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_or_a_sample_that_is_no_whole_number_is_refused_in_words()
    {
        var folder = TestFiles.TempFolder();
        var seed = Avrr.Expect(2, "run", Samples.Sample, "--out", Path.Combine(folder, "a"), "--insights-seed", "1.5");
        Assert.Contains("--insights-seed 1.5: must be a whole number from -2,147,483,648 to 2,147,483,647", seed.Output, StringComparison.Ordinal);
        var sample = Avrr.Expect(2, "run", Samples.Sample, "--out", Path.Combine(folder, "b"), "--insights-sample", "many");
        Assert.Contains("--insights-sample many: must be a whole number from 1 to 2,147,483,647", sample.Output, StringComparison.Ordinal);
        var config = Path.Combine(folder, "q.json");
        File.WriteAllText(config, "{\n  \"insights\": \"no\",\n  \"insightsSeed\": 1.5,\n  \"driverTerms\": \"sex\"\n}");
        var keys = Avrr.Expect(2, "run", Samples.Sample, "--out", Path.Combine(folder, "c"), "--config", config);
        Assert.Contains("has 3 problems", keys.Output, StringComparison.Ordinal);
        Assert.Contains("line 2: \"insights\" must be true or false, got the text \"no\"", keys.Output, StringComparison.Ordinal);
        Assert.Contains("line 3: \"insightsSeed\" must be a whole number", keys.Output, StringComparison.Ordinal);
        Assert.Contains("line 4: \"driverTerms\" must be a list of texts", keys.Output, StringComparison.Ordinal);
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
            Assert.Equal(OutputContract.FilesWithoutInsights, OutputContract.Manifest(out_)["files"]!.AsArray().Select(f => (string)f!));
            Assert.Equal(OutputContract.ReturneeScores(OutputContract.SampleAttributes, insights: false),
                CsvFile.Read(Path.Combine(out_, "returnee_scores.csv")).Header);
        }
    }
}
