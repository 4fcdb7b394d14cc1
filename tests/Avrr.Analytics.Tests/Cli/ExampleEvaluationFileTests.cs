namespace Avrr.Analytics.Tests.Cli;

/// <summary>The example evaluation file the README points at runs as it is, and its language reaches the summary.</summary>
public sealed class ExampleEvaluationFileTests
{
    [Fact]
    public void The_example_evaluation_file_in_data_samples_runs_with_its_levels_design_and_french_summary()
    {
        var config = Path.Combine(TestFiles.Repository, "data-samples", "evaluation.json");
        var output = Path.Combine(TestFiles.TempFolder(), "results");
        // --out wins over the file's "../results", so the test does not write into the repository.
        var call = Avrr.Expect(0, "run", "--config", config, "--out", output, "--quiet");
        Assert.Contains("lignes lues", call.Output, StringComparison.Ordinal);
        Assert.Contains("Score composite par pays (IC à 95 %)", call.Output, StringComparison.Ordinal);
        var manifest = File.ReadAllText(Path.Combine(output, "manifest.json"));
        Assert.Contains("\"cluster\": \"community\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"country+sex\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"assistance_type\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"indicators\": true", manifest, StringComparison.Ordinal);
        var aggregates = File.ReadAllLines(Path.Combine(output, "aggregates.csv"));
        Assert.Contains(aggregates, line => line.StartsWith("assistance_type,", StringComparison.Ordinal));
        Assert.Contains(aggregates, line => line.Contains(",indicator_debt,", StringComparison.Ordinal));
    }
}
