namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// The exit codes a scheduler can use (README, "Exit codes"): 0 done (a few rejected rows are normal),
/// 1 done but the rejected share is above --max-rejected-share, 2 usage or configuration error (the
/// message and one line pointing to the help), 3 an input refused (nothing written).
/// </summary>
public sealed class RunExitCodeTests
{
    private static string NewOut() => Path.Combine(TestFiles.TempFolder(), "results");

    [Fact]
    public void A_clean_export_exits_0_and_rejects_csv_is_the_header_alone()
    {
        var out_ = NewOut();

        var call = Avrr.Expect(0, ["run", Samples.Clean, "--out", out_, .. SampleResults.TablesOnly]);

        Assert.Equal("source,row,returnee_id,column,value,reason,message,submission_id,submission_uuid,submission_time\r\n", File.ReadAllText(Path.Combine(out_, "rejects.csv")));
        var manifest = OutputContract.Manifest(out_);
        Assert.Equal(0, (long)manifest["rows_rejected"]!);
        Assert.Equal((long)manifest["rows_read"]!, (long)manifest["rows_scored"]!);
        Assert.Empty(manifest["rejects_by_reason"]!.AsObject());
        Assert.Contains("0 rejected", call.Output);
    }

    [Fact]
    public void A_few_rejected_rows_are_a_success_exit_0_with_the_rejects_reported()
    {
        var out_ = NewOut();

        // The test sample rejects 17 of its 2,000 rows on purpose: 0.85%, below the default 10%.
        var call = Avrr.Expect(0, ["run", Samples.Sample, "--out", out_, .. SampleResults.TablesOnly]);

        Assert.Equal(17, CsvFile.Read(Path.Combine(out_, "rejects.csv")).Rows.Select(r => r[1]).Distinct().Count());
        Assert.True(File.Exists(Path.Combine(out_, "returnee_scores.csv")));
        Assert.Contains("Top reject reasons", call.Output);
        Assert.DoesNotContain("allowed (--max-rejected-share)", call.Output);
        Assert.Equal(0.1, (double)OutputContract.Manifest(out_)["settings"]!["max_rejected_share"]!);
    }

    [Fact]
    public void A_rejected_share_above_the_threshold_exits_1_writes_every_output_and_prints_the_warning()
    {
        var out_ = NewOut();

        // 17 / 2000 = 0.0085 > 0.005.
        var call = Avrr.Expect(1, "run", Samples.Sample, "--out", out_, "--max-rejected-share", "0.005");

        Assert.Contains("Warning: 0.85% of the rows were rejected, more than the 0.5% allowed", call.Output);
        foreach (var file in new[] { "returnee_scores.csv", "aggregates.csv", "panel_change.csv", "rejects.csv", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(out_, file)), file);
    }

    [Fact]
    public void The_threshold_is_read_from_the_config_file_and_a_share_equal_to_it_is_a_success()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "run.json");
        File.WriteAllText(config, """{ "maxRejectedShare": 0.0084 }""");
        Avrr.Expect(1, ["run", Samples.Sample, "--config", config, "--out", Path.Combine(folder, "a"), "--quiet", .. SampleResults.TablesOnly]);

        // Exactly 17/2000 is not above 17/2000.
        File.WriteAllText(config, """{ "maxRejectedShare": 0.0085 }""");
        Avrr.Expect(0, ["run", Samples.Sample, "--config", config, "--out", Path.Combine(folder, "b"), "--quiet", .. SampleResults.TablesOnly]);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void A_threshold_outside_0_to_1_is_a_usage_error(string share)
    {
        var out_ = NewOut();
        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", out_, "--max-rejected-share", share);
        Assert.Contains($"--max-rejected-share {share}: must be a share between 0 and 1", call.Output);
        Assert.False(Directory.Exists(out_));
    }

    public static TheoryData<string, string[], string> UsageErrors => new()
    {
        { "an unknown flag", ["--no-such-flag"], "no-such-flag" },
        { "--min-cell 0", ["--min-cell", "0"], "--min-cell 0: must be a whole number from 1 to 2,147,483,647" },
        { "--min-cell that is not a number", ["--min-cell", "five"], "five" },
        { "--levels with an unknown column", ["--levels", "country+religion"], "religion" },
        { "--formats xml", ["--formats", "xml"], "xml" },
        { "--lang de", ["--lang", "de"], "--lang de" },
        { "--threads -1", ["--threads", "-1"], "--threads -1: must be a whole number from 0 to 2,147,483,647" },
        { "--cluster with an unknown column", ["--cluster", "village"], "village" },
        { "--strata with an unknown column", ["--strata", "region"], "region" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void A_usage_error_exits_2_names_the_problem_points_to_the_help_and_writes_nothing(string what, string[] flags, string named)
    {
        var out_ = NewOut();

        var call = Avrr.Expect(2, ["run", Samples.Sample, "--out", out_, .. flags]);

        var error = call.Output.Split('\n').FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.True(error is not null && error.Contains(named, StringComparison.Ordinal), $"{what}: no error line naming '{named}':\n{call.Output}");
        AssertRunHelp(call.Output);
        Assert.False(Directory.Exists(out_), $"{what}: --out was created");
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(out_)!));
    }

    [Fact]
    public void No_input_at_all_is_a_usage_error()
    {
        var call = Avrr.Expect(2, "run", "--out", NewOut());
        AssertRunHelp(call.Output);
    }

    [Fact]
    public void A_bad_setting_from_the_config_file_is_worded_as_its_key_and_file_and_from_a_flag_as_the_flag()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, """{ "minCell": 0, "levels": ["country+religion"] }""");

        var fromFile = Avrr.Expect(2, "run", Samples.Sample, "--config", config, "--out", Path.Combine(folder, "a"));
        var fromFlag = Avrr.Expect(2, "run", Samples.Sample, "--config", config, "--min-cell", "-3", "--out", Path.Combine(folder, "b"));

        Assert.Contains($"error: \"minCell\": 0 in {config}, line 1: must be a whole number from 1 to 2,147,483,647", fromFile.Output);
        Assert.Contains("error: --min-cell -3: must be a whole number from 1 to 2,147,483,647", fromFlag.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "a")));
    }

    [Fact]
    public void The_library_names_the_setting_not_a_flag()
    {
        var e = Assert.Throws<global::Avrr.Analytics.Runs.Planning.SettingsException>(() => global::Avrr.Analytics.Runs.EvaluationRun.Execute(
            new global::Avrr.Analytics.Runs.Planning.RunSettings { Inputs = [Samples.Sample], OutputFolder = NewOut(), ClusterColumn = "village" }));
        Assert.Equal(global::Avrr.Analytics.Runs.Planning.RunSetting.Cluster, e.Setting);
        Assert.StartsWith("cluster village: not a column the design can use", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_file_with_an_unknown_key_is_a_usage_error()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "run.json");
        File.WriteAllText(config, """{ "minCells": 3 }""");

        var call = Avrr.Expect(2, "run", Samples.Sample, "--config", config, "--out", Path.Combine(folder, "results"));

        Assert.Contains("minCells", call.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "results")));
    }

    [Fact]
    public void A_refused_input_exits_3_and_says_nothing_was_written()
    {
        var folder = TestFiles.TempFolder();
        var missing = Path.Combine(folder, "no-such-export.csv");

        var call = Avrr.Expect(3, "run", missing, "--out", Path.Combine(folder, "results"));

        Assert.Contains("no-such-export.csv", call.Output);
        Assert.Contains("Nothing was written", call.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    /// <summary>The message, then one line pointing to the help: not the 45 lines of the help itself.</summary>
    private static void AssertRunHelp(string output)
    {
        Assert.Contains("Run 'avrr run --help' for the flags.", output);
        Assert.DoesNotContain("USAGE:", output);
        Assert.True(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 3, output);
    }
}
