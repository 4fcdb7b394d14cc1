namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// A design column named for the run that an input does not have is a usage error (exit 2, nothing
/// touched) with "did you mean", never a run that quietly goes unweighted: for --weight (and its key),
/// for --cluster and --strata, and for the optional columns of the column mapping. Without --weight a
/// file without a weight column still runs with weights of 1, as documented.
/// </summary>
public sealed class NamedColumnTests
{
    private static string Out() => Path.Combine(TestFiles.TempFolder(), "results");

    [Fact]
    public void A_misspelt_weight_column_is_refused_with_did_you_mean_instead_of_running_unweighted()
    {
        var out_ = Out();

        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", out_, "--weight", "wieght");

        Assert.Contains($"--weight wieght: {Samples.Sample} has no column 'wieght'; did you mean 'weight'?", call.Output, StringComparison.Ordinal);
        Assert.Contains("Run 'avrr run --help'", call.Output, StringComparison.Ordinal);
        Assert.False(Path.Exists(out_));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(out_)!));
    }

    [Fact]
    public void A_misspelt_weight_in_the_evaluation_file_is_refused_naming_the_key()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, $$"""{ "inputs": ["{{Samples.Sample}}"], "out": "results", "weight": "wieght" }""");

        var call = Avrr.Expect(2, "run", "--config", config);

        Assert.Contains($"\"weight\": wieght in {config}, line 1: {Samples.Sample} has no column 'wieght'; did you mean 'weight'?", call.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_a_misspelt_weight_column_too()
    {
        var call = Avrr.Expect(2, "validate", Samples.Sample, "--weight", "wieght");
        Assert.Contains("did you mean 'weight'?", call.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_column_named_explicitly_must_be_in_every_input()
    {
        // The second input has no weight column: its rows would quietly weigh 1 in a weighted run.
        var folder = TestFiles.TempFolder();
        var (header, rows) = Samples.Fields(Samples.Clean);
        var weight = Array.IndexOf(header, "weight");
        var unweighted = Samples.Write(Path.Combine(folder, "unweighted.csv"),
            header.Where((_, i) => i != weight).ToArray(), rows.Take(50).Select(r => r.Where((_, i) => i != weight).ToArray()));

        var call = Avrr.Expect(2, "run", Samples.Sample, unweighted, "--out", Out(), "--weight", "weight");

        Assert.Contains($"{unweighted} has no column 'weight'", call.Output, StringComparison.Ordinal);
        // Without --weight the same inputs run, the second with weights of 1 (docs/inputs.md).
        Avrr.Expect(0, ["run", Samples.Clean, unweighted, "--out", Out(), "--quiet", .. SampleResults.TablesOnly]);
    }

    [Fact]
    public void A_mapped_community_column_that_is_not_there_is_refused_naming_the_mapping()
    {
        var folder = TestFiles.TempFolder();
        var config = Path.Combine(folder, "q3.json");
        File.WriteAllText(config, $$"""{ "inputs": ["{{Samples.Sample}}"], "out": "results", "columns": { "community": "comunity" } }""");

        var call = Avrr.Expect(2, "run", "--config", config);

        Assert.Contains($"\"columns\": community: comunity in {config}, line 1: {Samples.Sample} has no column 'comunity'; did you mean 'community'?", call.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cluster")]
    [InlineData("--strata")]
    public void A_misspelt_cluster_or_strata_column_is_refused_with_did_you_mean(string flag)
    {
        var call = Avrr.Expect(2, "run", Samples.Sample, "--out", Out(), flag, "comunity");

        Assert.Contains($"{flag} comunity: not a column the design can use", call.Output, StringComparison.Ordinal);
        Assert.Contains("did you mean community?", call.Output, StringComparison.Ordinal);
    }
}
