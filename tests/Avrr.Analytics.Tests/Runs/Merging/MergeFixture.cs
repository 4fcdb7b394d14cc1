using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Merging;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Tests.Cli;

namespace Avrr.Analytics.Tests.Runs.Merging;

/// <summary>
/// Exports split into partials for the merge tests: the clean sample (2,000 rows, none rejected, a third of the
/// returnees surveyed twice) with a psu and a stratum column, written into files of a temp folder; runs with a
/// partial beside their result, merges, and single runs to compare with. CSV only, no report, no insights and no
/// audit: the tables are what is compared (one test compares the reports), and a merge has neither insights nor audit.
/// </summary>
internal sealed class MergeFixture
{
    public const string Salt = "a test salt, long enough to be one";

    public string Folder { get; } = TestFiles.TempFolder();
    public string[] Header { get; }
    public List<string[]> Rows { get; }

    public MergeFixture()
    {
        var (header, rows) = Cli.Samples.Fields(Cli.Samples.Clean);
        // A PSU of about 8 returnees within each community (every survey of a returnee in its PSU), and a stratum per country.
        Header = [.. header, "psu", "stratum"];
        var returnee = Array.IndexOf(header, "returnee_id");
        var (country, community) = (Array.IndexOf(header, "country"), Array.IndexOf(header, "community"));
        Rows = rows.Select(r => (string[])[.. r, $"{r[community]}-{Digits(r[returnee]) % 7}", "S-" + r[country]]).ToList();
    }

    /// <summary>The number in a returnee id (R000123 → 123).</summary>
    public static int Digits(string id) => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture);

    public int Column(string name) => Array.IndexOf(Header, name);

    /// <summary>Writes rows as an export of the fixture's folder.</summary>
    public string Write(string name, IEnumerable<string[]> rows) => Cli.Samples.Write(Path.Combine(Folder, name + ".csv"), Header, rows);

    /// <summary>A run of some exports with its partial; returns the partial's folder.</summary>
    public string Partial(string name, IReadOnlyList<string> inputs, Design design, PartialPanel panel = PartialPanel.Cells, int minCell = 5)
    {
        var partial = Path.Combine(Folder, "partial-" + name);
        EvaluationRun.Execute(Settings(inputs, Path.Combine(Folder, "result-" + name), design, minCell) with
        {
            PartialOut = partial, PartialPanel = panel, PartialSalt = panel == PartialPanel.Returnees ? Salt : null,
        });
        return partial;
    }

    /// <summary>A single run over some exports; returns its result folder.</summary>
    public string Single(string name, IReadOnlyList<string> inputs, Design design, int minCell = 5)
    {
        var result = Path.Combine(Folder, "single-" + name);
        EvaluationRun.Execute(Settings(inputs, result, design, minCell));
        return result;
    }

    public string Merge(string name, IReadOnlyList<string> partials, int? minCell = null, bool report = false)
    {
        var result = Path.Combine(Folder, "merged-" + name);
        EvaluationMerge.Execute(new MergeSettings { Partials = partials, OutputFolder = result, MinCell = minCell, Formats = OutputFormats.Csv, Report = report });
        return result;
    }

    private static RunSettings Settings(IReadOnlyList<string> inputs, string result, Design design, int minCell) => new()
    {
        Inputs = inputs,
        OutputFolder = result,
        ClusterColumn = design is Design.Clusters or Design.StrataClusters ? "psu" : null,
        StrataColumn = design == Design.StrataClusters ? "stratum" : null,
        MinCell = minCell,
        Formats = OutputFormats.Csv,
        Report = false,
        Insights = false,
        Audit = false,
        Threads = 1,
    };
}

/// <summary>The survey designs the merge is tested in.</summary>
public enum Design
{
    WeightsOnly,
    Clusters,
    StrataClusters,
}
