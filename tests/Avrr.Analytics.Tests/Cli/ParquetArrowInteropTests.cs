using System.Diagnostics;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// The Parquet outputs read with Apache Arrow's Rust reader (arrow-rs through parquet-wasm, on Node.js): the check
/// of tests/interop (docs/outputs.md), on the shared run of the sample. It needs node and the packages of
/// tests/interop, which .ci/run installs with npm; where they are not installed the test is skipped with the reason.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ParquetArrowInteropTests
{
    [SkippableFact]
    public void Arrow_reads_every_parquet_output_with_the_types_of_outputs_md_and_the_values_of_the_csv()
    {
        var interop = Path.Combine(TestFiles.Repository, "tests", "interop");
        Skip.IfNot(Directory.Exists(Path.Combine(interop, "node_modules", "parquet-wasm")) && Directory.Exists(Path.Combine(interop, "node_modules", "apache-arrow")),
            "the packages of tests/interop are not installed (cd tests/interop && npm install --no-package-lock)");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = interop,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("check-parquet-arrow.mjs");
        start.ArgumentList.Add(SampleResults.Default);
        Process node;
        try { node = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e) { throw new SkipException($"node could not be started: {e.Message}"); }
        using (node)
        {
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            Assert.True(node.WaitForExit(TimeSpan.FromMinutes(2)), "the Arrow check did not end within two minutes");
            var printed = output.Result + error.Result;
            Assert.True(node.ExitCode == 0, printed);
            Assert.Contains("ok: Arrow reads every file with the expected types and the values of the CSV", printed, StringComparison.Ordinal);
            foreach (var table in new[] { "returnee_scores", "aggregates", "panel_change", "comparisons" })
                Assert.Contains($"{table}: ", printed, StringComparison.Ordinal);
        }
    }
}
