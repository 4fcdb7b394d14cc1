using System.Globalization;
using Avrr.Analytics.IO.Samples;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// Survey exports for the runner's tests, made once per test process in a temp folder: the synthetic
/// sample of <see cref="SampleExport"/> (2,000 rows, with its few invalid and duplicated rows), the same
/// rows without the ones the runner rejects (a clean export), and a larger one for the thread tests.
/// Tests read them and write their results elsewhere.
/// </summary>
internal static class Samples
{
    public const int SampleRows = 2000;
    public const int SampleSeed = 20260101;

    private static readonly Lazy<string> _sample = new(() => Make("sample", SampleRows, SampleSeed));
    private static readonly Lazy<string> _large = new(() => Make("large", 12_000, 7));
    private static readonly Lazy<string> _clean = new(MakeClean);

    /// <summary>2,000 synthetic rows with a few invalid answers, weights, dates and duplicated rows.</summary>
    public static string Sample => _sample.Value;

    /// <summary>12,000 synthetic rows: three scoring batches, so that threads have something to share.</summary>
    public static string Large => _large.Value;

    /// <summary>The sample without the rows the runner rejects: a run on it has no rejects.</summary>
    public static string Clean => _clean.Value;

    private static string Make(string name, int rows, int seed)
    {
        var path = Path.Combine(TestFiles.TempFolder(), name + ".csv");
        SampleExport.Write(path, rows, seed);
        // The tests edit the sample line by line: no field of it is quoted.
        Assert.DoesNotContain('"', File.ReadAllText(path));
        return path;
    }

    private static string MakeClean()
    {
        var folder = TestFiles.TempFolder();
        var out_ = Path.Combine(folder, "out");
        Avrr.Expect(0, ["run", Sample, "--out", out_, "--formats", "csv", "--quiet", .. SampleResults.TablesOnly]);
        var rejects = CsvFile.Read(Path.Combine(out_, "rejects.csv"));
        // "row" counts lines with the header as row 1, so a data row's number is its line number.
        var rejected = rejects.Column("row").Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToHashSet();
        Assert.NotEmpty(rejected);
        var lines = File.ReadAllLines(Sample);
        var path = Path.Combine(folder, "clean.csv");
        File.WriteAllLines(path, lines.Where((_, i) => !rejected.Contains(i + 1)));
        return path;
    }

    /// <summary>The lines of a sample split into fields (no field of the samples is quoted).</summary>
    public static (string[] Header, List<string[]> Rows) Fields(string path)
    {
        var lines = File.ReadAllLines(path);
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    /// <summary>Writes an export of these fields (none may hold a comma, quote or line break).</summary>
    public static string Write(string path, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        File.WriteAllLines(path, rows.Select(r => string.Join(',', r)).Prepend(string.Join(',', header)));
        return path;
    }
}
