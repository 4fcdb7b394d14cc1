namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// The exit codes of outputs.md: 0 done, 1 done with rejects, 2 usage or configuration error (with the
/// command's help), 3 an input refused (nothing written).
/// </summary>
public sealed class RunExitCodeTests
{
    private static string NewOut() => Path.Combine(TestFiles.TempFolder(), "results");

    [Fact]
    public void A_clean_export_exits_0_and_rejects_csv_is_the_header_alone()
    {
        var out_ = NewOut();

        var call = Avrr.Expect(0, "run", Samples.Clean, "--out", out_);

        Assert.Equal("source,row,returnee_id,column,value,reason,message\r\n", File.ReadAllText(Path.Combine(out_, "rejects.csv")));
        var manifest = OutputContract.Manifest(out_);
        Assert.Equal(0, (long)manifest["rows_rejected"]!);
        Assert.Equal((long)manifest["rows_read"]!, (long)manifest["rows_scored"]!);
        Assert.Empty(manifest["rejects_by_reason"]!.AsObject());
        Assert.Contains("0 rejected", call.Output);
    }

    [Fact]
    public void An_export_with_rejected_rows_exits_1_and_still_writes_every_result()
    {
        var out_ = NewOut();

        var call = Avrr.Expect(1, "run", Samples.Sample, "--out", out_);

        Assert.True(CsvFile.Read(Path.Combine(out_, "rejects.csv")).Rows.Count > 0);
        Assert.True(File.Exists(Path.Combine(out_, "returnee_scores.csv")));
        Assert.Contains("Top reject reasons", call.Output);
    }

    public static TheoryData<string, string[], string> UsageErrors => new()
    {
        { "an unknown flag", ["--no-such-flag"], "no-such-flag" },
        { "--min-cell 0", ["--min-cell", "0"], "--min-cell must be at least 1" },
        { "--min-cell that is not a number", ["--min-cell", "five"], "five" },
        { "--levels with an unknown column", ["--levels", "country+religion"], "religion" },
        { "--formats xml", ["--formats", "xml"], "xml" },
        { "--lang de", ["--lang", "de"], "--lang de" },
        { "--threads -1", ["--threads", "-1"], "--threads must be 0 or more" },
        { "--cluster with an unknown column", ["--cluster", "village"], "village" },
        { "--strata with an unknown column", ["--strata", "region"], "region" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void A_usage_error_exits_2_names_the_problem_prints_the_run_help_and_writes_nothing(string what, string[] flags, string named)
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

    private static void AssertRunHelp(string output)
    {
        Assert.Contains("USAGE:", output);
        Assert.Contains("avrr run", output);
        foreach (var flag in new[] { "--out", "--config", "--scheme", "--levels", "--weight", "--cluster", "--strata", "--min-cell", "--lang", "--formats" })
            Assert.Contains(flag, output);
    }
}
