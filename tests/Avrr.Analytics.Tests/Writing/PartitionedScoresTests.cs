using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Planning;
using CliSamples = Avrr.Analytics.Tests.Cli.Samples;
using Runner = Avrr.Analytics.Tests.Cli.Avrr;
using Avrr.Analytics.Tests.Runs.Partials;

namespace Avrr.Analytics.Tests.Writing;

/// <summary>
/// <c>--partition-by</c> writes returnee_scores as a Hive-style tree (docs/outputs.md, "A partitioned tree") that
/// DuckDB reads as one table holding the rows of the flat returnee_scores.parquet: the same cells, the partition
/// columns from the folder names (escaped as Hive does, an empty value as __HIVE_DEFAULT_PARTITION__, which is
/// read as null), and survey_order giving the flat file's row order.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PartitionedScoresTests
{
    private static (string Flat, string Tree) Run(string export, params string[] partitionBy)
    {
        var folder = TestFiles.TempFolder();
        var settings = new RunSettings { Inputs = [export], OutputFolder = Path.Combine(folder, "flat"), Formats = OutputFormats.Parquet, Report = false, Threads = 1 };
        EvaluationRun.Execute(settings);
        EvaluationRun.Execute(settings with { OutputFolder = Path.Combine(folder, "tree"), PartitionBy = partitionBy });
        return (Path.Combine(folder, "flat", "returnee_scores.parquet"), Path.Combine(folder, "tree", "returnee_scores"));
    }

    private static string Tree(string tree) => $"read_parquet({DuckDb.Quote(tree + "/**/*.parquet")}, hive_partitioning = true, hive_types_autocast = false)";

    [Fact]
    public void A_tree_by_country_and_quarter_read_by_DuckDB_holds_the_rows_of_the_flat_file_in_the_order_survey_order_gives_profiles_too()
    {
        var (flat, tree) = Run(CliSamples.Sample, "country", "quarter");
        Assert.True(Directory.Exists(Path.Combine(tree, "country=SEN", "quarter=2025-Q1")));
        Assert.All(Directory.EnumerateFiles(tree, "*.parquet", SearchOption.AllDirectories), f => Assert.Matches(@"country=[A-Z]{3}/quarter=\d{4}-Q[1-4]/part-\d+\.parquet$", f));
        using var db = new DuckDb();
        var columns = db.Rows($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet({DuckDb.Quote(flat)}))").Select(r => (string)r[0]!).ToArray();
        Assert.Contains("profile", columns);
        var list = string.Join(", ", columns.Select(c => "\"" + c + "\""));
        var flatRows = db.Rows($"SELECT {list} FROM read_parquet({DuckDb.Quote(flat)}, file_row_number = true) ORDER BY file_row_number");
        var treeRows = db.Rows($"SELECT {list} FROM {Tree(tree)} ORDER BY survey_order");
        Assert.Equal(flatRows.Count, treeRows.Count);
        for (var r = 0; r < flatRows.Count; r++) Assert.Equal(flatRows[r], treeRows[r]);
        Assert.Equal(Enumerable.Range(0, flatRows.Count).Select(i => (long)i), db.Rows($"SELECT survey_order FROM {Tree(tree)} ORDER BY survey_order").Select(r => (long)r[0]!));
        // The partition columns are in the folder names only.
        var part = Directory.EnumerateFiles(tree, "*.parquet", SearchOption.AllDirectories).First();
        var inFile = db.Rows($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet({DuckDb.Quote(part)}, hive_partitioning = false))").Select(r => (string)r[0]!).ToArray();
        Assert.DoesNotContain("country", inFile);
        Assert.DoesNotContain("quarter", inFile);
        Assert.Contains("survey_order", inFile);
    }

    [Fact]
    public void Partition_values_are_escaped_as_Hive_escapes_them_and_read_back_as_written()
    {
        var (header, rows) = CliSamples.Fields(CliSamples.Clean);
        var (community, sex) = (Array.IndexOf(header, "community"), Array.IndexOf(header, "sex"));
        string[] places = ["Saint-Louis/Nord", "Zone=A", "100% rural", "Kaolack: centre", "N'Zérékoré", "Thiès?"];
        var changed = rows.Take(600).Select((r, i) =>
        {
            var row = (string[])r.Clone();
            row[community] = places[i % places.Length];
            if (i % 5 == 0) row[sex] = "";
            return row;
        });
        var export = CliSamples.Write(Path.Combine(TestFiles.TempFolder(), "places.csv"), header, changed);
        var (flat, tree) = Run(export, "community", "sex");
        Assert.True(Directory.Exists(Path.Combine(tree, "community=Saint-Louis%2FNord")));
        Assert.True(Directory.Exists(Path.Combine(tree, "community=Zone%3DA")));
        Assert.True(Directory.Exists(Path.Combine(tree, "community=100%25 rural")));
        Assert.True(Directory.Exists(Path.Combine(tree, "community=Kaolack%3A centre")));
        Assert.True(Directory.Exists(Path.Combine(tree, "community=N%27Zérékoré")));
        Assert.True(Directory.Exists(Path.Combine(tree, "community=Thiès%3F", "sex=__HIVE_DEFAULT_PARTITION__")));
        using var db = new DuckDb();
        var expected = db.Rows($"SELECT community, sex, returnee_id FROM read_parquet({DuckDb.Quote(flat)}) ORDER BY returnee_id, survey_date");
        var actual = db.Rows($"SELECT community, sex, returnee_id FROM {Tree(tree)} ORDER BY returnee_id, survey_date");
        Assert.Equal(expected, actual);
        Assert.Contains(actual, r => r[1] is null);
    }

    [Fact]
    public void Partitioning_needs_parquet_among_the_formats_and_a_column_to_group_by()
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "r");
        Assert.Contains("--partition-by country: partitions returnee_scores.parquet, so the formats must include parquet",
            Runner.Expect(2, "run", CliSamples.Sample, "--out", out_, "--formats", "csv", "--partition-by", "country").Output);
        Assert.Contains("--partition-by returnee_id: is not a column to partition by",
            Runner.Expect(2, "run", CliSamples.Sample, "--out", out_, "--partition-by", "returnee_id").Output);
        Assert.Contains("names a column twice", Runner.Expect(2, "run", CliSamples.Sample, "--out", out_, "--partition-by", "country,country").Output);
    }

    /// <summary>The sample with one more attribute column, named as given, holding the sex.</summary>
    private static string WithColumn(string name)
    {
        var (header, rows) = CliSamples.Fields(CliSamples.Clean);
        var sex = Array.IndexOf(header, "sex");
        var quoted = name.Contains('"') || name.Contains(',') ? "\"" + name.Replace("\"", "\"\"") + "\"" : name;
        var path = Path.Combine(TestFiles.TempFolder(), "export.csv");
        File.WriteAllLines(path, rows.Select(r => string.Join(',', r.Append(r[sex]))).Prepend(string.Join(',', header.Append(quoted))));
        return path;
    }

    [Theory]
    [InlineData("grp=x", "holds '='")]
    [InlineData("x'y", "holds '''")]
    [InlineData("100%", "holds '%'")]
    [InlineData(".hidden", "starts with a dot")]
    public void A_column_whose_name_a_Hive_folder_cannot_hold_is_refused_before_the_run_with_exit_2(string name, string says)
    {
        // Issue 23 §7: --partition-by grp=x wrote folders grp=x=… that DuckDB read back as a column grp; seal and merge then failed.
        var out_ = Path.Combine(TestFiles.TempFolder(), "r");
        var call = Runner.Expect(2, "run", WithColumn(name), "--out", out_, "--partition-by", "country," + name, "--quiet");
        Assert.Contains($"--partition-by {name}: {says}", call.Output);
        Assert.False(Directory.Exists(out_));
        // The same column is a level like any other: only folder names cannot hold it.
        Runner.Expect(0, "run", WithColumn(name), "--out", out_, "--levels", "country+" + name, "--formats", "csv", "--no-report", "--no-insights", "--no-audit", "--quiet");
    }

    [Fact]
    public void A_value_too_long_for_a_folder_name_is_refused_in_the_first_pass_before_anything_is_written_and_a_recode_to_a_short_one_runs()
    {
        // Issue 23 §5: a community whose escaped folder name passed 255 bytes ran the whole evaluation, then failed with exit 4.
        var (header, rows) = CliSamples.Fields(CliSamples.Clean);
        var community = Array.IndexOf(header, "community");
        var longName = string.Concat(Enumerable.Repeat("Quartier/Nord ", 16)).Trim();    // 223 characters; each '/' is three bytes once escaped
        var changed = rows.Select((r, i) =>
        {
            var row = (string[])r.Clone();
            if (i == 700) row[community] = longName;
            return row;
        });
        var export = CliSamples.Write(Path.Combine(TestFiles.TempFolder(), "long.csv"), header, changed);
        var out_ = Path.Combine(TestFiles.TempFolder(), "r");
        var call = Runner.Expect(3, "run", export, "--out", out_, "--partition-by", "country,community", "--quiet");
        Assert.Contains($"input refused: {export}: row 702: its community ('Quartier/Nord", call.Output);
        Assert.Contains($"makes a folder name of {"community=".Length + longName.Length + 2 * 16:N0} bytes in the tree of --partition-by, more than the 255 a file system allows", call.Output);
        Assert.False(Directory.Exists(out_));
        // Without a tree, the value is a community like any other; recoded to a short one, it makes a folder.
        Runner.Expect(0, "run", export, "--out", out_, "--formats", "csv", "--no-report", "--no-insights", "--no-audit", "--quiet");
        var config = Path.Combine(TestFiles.TempFolder(), "q3.json");
        File.WriteAllText(config, System.Text.Json.JsonSerializer.Serialize(new { recode = new { community = new Dictionary<string, string> { [longName] = "Quartier Nord" } } }));
        Runner.Expect(0, "run", export, "--out", out_, "--config", config, "--partition-by", "country,community", "--no-report", "--no-insights", "--no-audit", "--quiet");
        Assert.Single(Directory.EnumerateDirectories(Path.Combine(out_, "returnee_scores"), "community=Quartier Nord", SearchOption.AllDirectories));
    }
}

