namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Results of the sample made once per test process, for the tests that only read a result or need "an earlier
/// result" in a folder: a copy costs milliseconds where a run with everything on costs seconds of CPU. And the
/// flags of a run that writes its tables only, for the tests that check nothing else (docs/development.md, "Tests").
/// </summary>
internal static class SampleResults
{
    /// <summary>What a run writes besides its tables, left out where a test checks none of it: insights/, audit/, report.html and results.xlsx.</summary>
    public static readonly string[] TablesOnly = ["--no-insights", "--no-audit", "--no-report"];

    private static readonly Lazy<string> _default = new(() =>
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "results");
        Avrr.Expect(0, "run", Samples.Sample, "--out", out_, "--quiet");
        return out_;
    });

    /// <summary>
    /// <c>avrr run</c> on the sample with every default: CSV and Parquet, insights/, audit/, report.html and
    /// results.xlsx. Shared: read it, never change it (copy it with <see cref="CopyDefault"/>).
    /// </summary>
    public static string Default => _default.Value;

    /// <summary>A byte-for-byte copy of <see cref="Default"/> made at <paramref name="out_"/>: a result of the runner, for a test to change or protect.</summary>
    public static string CopyDefault(string out_)
    {
        foreach (var file in Directory.EnumerateFiles(Default, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(out_, Path.GetRelativePath(Default, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return out_;
    }
}
