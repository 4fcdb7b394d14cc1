using System.Diagnostics;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs;
using Avrr.Analytics.Runs.Merging;
using Avrr.Analytics.Runs.Partials;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Tests.Cli;
using AvrrCli = Avrr.Analytics.Tests.Cli.Avrr;

namespace Avrr.Analytics.Tests.Runs.Merging;

/// <summary>
/// Issue 23 §3 and §4: a partial edited and hashed again (as anyone can) is refused when its tables disagree with each
/// other: its accounting against its cells, a cell's weight against its strata, values and bands, in every design and
/// for the panel; a consistent forgery (every weight doubled) passes those checks, and is refused by the signature with
/// the organisation's key, which run and seal write and the merge checks when asked. A partial holding a device, a
/// named pipe or a file larger than it lists is refused before it is read, within a bound (it used to hang or run out of
/// memory).
/// </summary>
public sealed class ForgedPartialsTests
{
    private const string Key = "the organisation's key: 32 characters or more, random";

    private sealed class Made
    {
        public MergeFixture F { get; } = new();
        public string Export { get; }
        public string Other { get; }

        public Made()
        {
            Export = F.Write("forged", F.Rows.Take(1200));
            Other = F.Write("forged-other", F.Rows.Skip(1200));
        }

        /// <summary>A fresh partial of the export (each test edits its own), signed when a key is given.</summary>
        public string Partial(Design design = Design.WeightsOnly, PartialPanel panel = PartialPanel.Cells, string? key = null, string? export = null)
        {
            var folder = TestFiles.TempFolder();
            var partial = Path.Combine(folder, "partial");
            EvaluationRun.Execute(new RunSettings
            {
                Inputs = [export ?? Export], OutputFolder = Path.Combine(folder, "result"), PartialOut = partial, PartialPanel = panel,
                PartialSalt = panel == PartialPanel.Returnees ? MergeFixture.Salt : null, PartialKey = key,
                ClusterColumn = design is Design.Clusters or Design.StrataClusters ? "psu" : null, StrataColumn = design == Design.StrataClusters ? "stratum" : null,
                Formats = OutputFormats.Csv, Report = false, Insights = false, Audit = false, Threads = 1,
            });
            return partial;
        }
    }

    private static readonly Lazy<Made> Shared = new(() => new Made());

    private static PartialRefusedException Refused(params string[] partials) => Refused(false, null, partials);

    private static PartialRefusedException Refused(bool requireSignature, string? key, params string[] partials)
    {
        var out_ = Path.Combine(TestFiles.TempFolder(), "merged");
        var run = Task.Run(() => EvaluationMerge.Execute(new MergeSettings
        {
            Partials = partials, OutputFolder = out_, Formats = OutputFormats.Csv, Report = false, RequireSignature = requireSignature, PartialKey = key,
        }));
        Assert.True(Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))).Result == run, "the merge did not end: it hangs");
        var e = Assert.IsType<PartialRefusedException>(run.Exception?.InnerException);
        Assert.False(Directory.Exists(out_));
        return e;
    }

    private static void Merges(params string[] partials) =>
        EvaluationMerge.Execute(new MergeSettings { Partials = partials, OutputFolder = Path.Combine(TestFiles.TempFolder(), "merged"), Formats = OutputFormats.Csv, Report = false });

    [Fact]
    public void Rows_read_or_scored_edited_in_partial_json_and_hashed_again_are_refused_with_exit_3()
    {
        var m = Shared.Value;
        var read = m.Partial();
        // "1,400 rows read" while the cells hold 1,200 surveys.
        PartialForgery.Edit(read, body => body["accounting"]!["rows_read"] = 1400);
        var call = AvrrCli.Expect(3, "merge", read, "--out", Path.Combine(TestFiles.TempFolder(), "m"), "--quiet");
        Assert.Contains($"partial refused: {read}: its tables disagree with each other (1,400 rows read, 1,200 scored, 0 rejected and 0 outside the period do not add up)", call.Output);

        var scored = m.Partial();
        PartialForgery.Edit(scored, body =>
        {
            body["accounting"]!["rows_read"] = 2400;
            body["accounting"]!["rows_scored"] = 2400;
            body["accounting"]!["inputs"]![0]!["rows_read"] = 2400;
            body["accounting"]!["inputs"]![0]!["rows_scored"] = 2400;
            body["sums"]!["surveys"] = 2400;
            body["accounting"]!["data_quality_surveys"] = 2400;
        });
        Assert.Contains("its cells hold 1,200 surveys, its accounting says 2,400 were scored", Refused(scored).Message);

        var returnees = m.Partial();
        PartialForgery.Edit(returnees, body => body["sums"]!["panel_returnees"] = 1199);
        Assert.Contains("tables disagree", Refused(returnees).Message);
    }

    public static TheoryData<Design> Designs => new() { Design.WeightsOnly, Design.Clusters, Design.StrataClusters };

    [Theory]
    [MemberData(nameof(Designs))]
    public void A_doubled_weight_sum_in_measures_parquet_hashed_again_is_refused_in_every_design(Design design)
    {
        var partial = Shared.Value.Partial(design);
        PartialForgery.Table(partial, "measures.parquet", "SELECT * REPLACE (weight_sum * 2 AS weight_sum) FROM t");
        PartialForgery.Edit(partial);
        Assert.Contains("its tables disagree with each other (measures, cell 0, composite: the bands weigh", Refused(partial).Message);
    }

    [Fact]
    public void Shifted_sums_bands_values_and_strata_edited_one_at_a_time_are_each_refused()
    {
        var edits = new (string File, string Select, string Says)[]
        {
            ("measures.parquet", "SELECT * REPLACE (CASE WHEN cell = 3 THEN shifted_sum + 0.5 ELSE shifted_sum END AS shifted_sum) FROM t", "centred sum"),
            ("measures.parquet", "SELECT * REPLACE (band_low + band_high AS band_low, CAST(0 AS DOUBLE) AS band_high) FROM t", "its values' bands weigh"),
            ("values.parquet", "SELECT * REPLACE (value + 0.01 AS value) FROM t", "distinct values"),
            ("strata_sums.parquet", "SELECT * REPLACE (weight * 1.5 AS weight) FROM t", "its strata weigh"),
            ("strata.parquet", "SELECT * REPLACE (psus + 1 AS psus) FROM t", "its strata hold"),
            ("cells.parquet", "SELECT * REPLACE (CASE WHEN cell = 0 THEN n_rows + 1 ELSE n_rows END AS n_rows) FROM t", "its cells hold 1,201 surveys"),
        };
        foreach (var (file, select, says) in edits)
        {
            var partial = Shared.Value.Partial();
            PartialForgery.Table(partial, file, select);
            PartialForgery.Edit(partial);
            var e = Refused(partial);
            Assert.True(e.Message.Contains(says, StringComparison.Ordinal), $"{file} edited with {select}: {e.Message}");
        }
    }

    [Fact]
    public void Panel_sums_and_returnee_summaries_edited_and_hashed_again_are_refused()
    {
        var cells = Shared.Value.Partial();
        PartialForgery.Table(cells, "panel_measures.parquet", "SELECT * REPLACE (weight_sum * 3 AS weight_sum) FROM t");
        PartialForgery.Edit(cells);
        Assert.Contains("panel_measures", Refused(cells).Message);

        var returnees = Shared.Value.Partial(panel: PartialPanel.Returnees);
        PartialForgery.Table(returnees, "returnees.parquet", "SELECT * REPLACE (surveys + 1 AS surveys) FROM t");
        PartialForgery.Edit(returnees);
        Assert.Contains("its returnee summaries are", Refused(returnees).Message);

        var keys = Shared.Value.Partial(panel: PartialPanel.Returnees);
        PartialForgery.Table(keys, "survey_keys.parquet", "SELECT * FROM t UNION ALL (SELECT * FROM t LIMIT 1)");
        PartialForgery.Edit(keys);
        Assert.Contains("its survey_keys hold", Refused(keys).Message);
    }

    [Fact]
    public void Every_weight_doubled_consistently_passes_the_checks_and_is_refused_by_the_signature()
    {
        var m = Shared.Value;
        var signed = m.Partial(key: Key);
        var other = m.Partial(key: Key, export: m.Other);
        var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(signed, "partial.json")));
        Assert.Equal(PartialSignature.Algorithm, document.RootElement.GetProperty("signature").GetProperty("algorithm").GetString());
        Assert.DoesNotContain(Key, File.ReadAllText(Path.Combine(signed, "partial.json")));
        EvaluationMerge.Execute(new MergeSettings
        {
            Partials = [signed, other], OutputFolder = Path.Combine(TestFiles.TempFolder(), "merged"), Formats = OutputFormats.Csv, Report = false,
            RequireSignature = true, PartialKey = Key,
        });

        // Twice the weight in every table: the partial now counts for twice its surveys against the other, and agrees with itself.
        var forged = m.Partial(key: Key);
        foreach (var (file, columns) in new[]
        {
            ("measures.parquet", "weight_sum * 2 AS weight_sum, weight_square_sum * 4 AS weight_square_sum, shifted_sum * 2 AS shifted_sum, band_low * 2 AS band_low, band_medium * 2 AS band_medium, band_high * 2 AS band_high"),
            ("strata_sums.parquet", "weight * 2 AS weight, shifted * 2 AS shifted, weight_square * 4 AS weight_square, weight_square_shifted * 4 AS weight_square_shifted, shifted_square * 4 AS shifted_square"),
            ("values.parquet", "weight * 2 AS weight, weight_low * 2 AS weight_low, last_weight * 2 AS last_weight"),
            ("pairs.parquet", "weight_square * 4 AS weight_square, first_shifted * 4 AS first_shifted, second_shifted * 4 AS second_shifted, product * 4 AS product"),
            ("panel_measures.parquet", "weight_sum * 2 AS weight_sum, weight_square_sum * 4 AS weight_square_sum, shifted_sum * 2 AS shifted_sum, band_low * 2 AS band_low, band_medium * 2 AS band_medium, band_high * 2 AS band_high"),
            ("panel_strata_sums.parquet", "weight * 2 AS weight, shifted * 2 AS shifted, weight_square * 4 AS weight_square, weight_square_shifted * 4 AS weight_square_shifted, shifted_square * 4 AS shifted_square"),
        })
            PartialForgery.Table(forged, file, $"SELECT * REPLACE ({columns}) FROM t");
        PartialForgery.Edit(forged);
        Merges(forged, other);
        var e = Refused(true, Key, forged, other);
        Assert.Equal(forged, e.Partial);
        Assert.Contains("its signature is not that of its partial.json: it was changed after it was signed", e.Message);
    }

    [Fact]
    public void A_merge_that_requires_signatures_refuses_an_unsigned_partial_another_keys_and_a_short_key()
    {
        var m = Shared.Value;
        var unsigned = m.Partial();
        Assert.Contains("it is not signed", Refused(true, Key, unsigned).Message);
        var otherKey = m.Partial(key: Key + " of another office");
        Assert.Contains("it is signed with another key (fingerprint ", Refused(true, Key, otherKey).Message);
        var e = Assert.Throws<SettingsException>(() => EvaluationMerge.Execute(new MergeSettings
        {
            Partials = [otherKey], OutputFolder = Path.Combine(TestFiles.TempFolder(), "m"), RequireSignature = true, PartialKey = "short",
        }));
        Assert.Contains("use at least 32 random ones", e.Problem);
        // Without the key in the environment the flag is a usage error.
        Assert.Contains("AVRR_PARTIAL_KEY", AvrrCli.Expect(2, "merge", otherKey, "--require-signature", "--out", Path.Combine(TestFiles.TempFolder(), "m")).Output);
        Assert.Throws<SettingsException>(() => m.Partial(key: "too short a key"));
    }

    [Fact]
    public void A_sealed_partial_is_signed_with_the_key_and_checked_like_a_runs()
    {
        var m = Shared.Value;
        var folder = TestFiles.TempFolder();
        var result = Path.Combine(folder, "tree");
        EvaluationRun.Execute(new RunSettings { Inputs = [m.Export], OutputFolder = result, PartitionBy = ["country", "quarter"], Report = false, Insights = false, Audit = false, Threads = 1 });
        var sql = Path.Combine(folder, "sql");
        Directory.CreateDirectory(sql);
        using (var db = new Partials.DuckDb()) db.Execute(PartialRecipe.Sql(new RecipeSettings().Plan(), PartialPanel.Cells, Path.Combine(result, "returnee_scores"), sql, SqlDialect.DuckDb));
        PartialSeal.Seal(sql, new RecipeSettings { PartialKey = Key });
        EvaluationMerge.Execute(new MergeSettings
        {
            Partials = [sql], OutputFolder = Path.Combine(folder, "merged"), Formats = OutputFormats.Csv, Report = false, RequireSignature = true, PartialKey = Key,
        });
        PartialForgery.Table(sql, "measures.parquet", "SELECT * REPLACE (weight_sum * 2 AS weight_sum) FROM t");
        PartialForgery.Edit(sql);
        Assert.Contains("its signature is not that of its partial.json", Refused(true, Key, sql).Message);
        Assert.Contains("tables disagree", Refused(sql).Message);
    }

    [SkippableFact]
    public void Devices_named_pipes_and_grown_files_inside_a_partial_are_refused_before_they_are_read()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "devices and named pipes are told apart on Linux (statx)");
        var m = Shared.Value;
        var urandom = m.Partial();
        File.Delete(Path.Combine(urandom, "measures.parquet"));
        File.CreateSymbolicLink(Path.Combine(urandom, "measures.parquet"), "/dev/urandom");
        Assert.Contains("measures.parquet is not a regular file", Refused(urandom).Message);

        var fifo = m.Partial();
        File.Delete(Path.Combine(fifo, "values.parquet"));
        Run("mkfifo", Path.Combine(fifo, "values.parquet"));
        Assert.Contains("values.parquet is not a regular file", Refused(fifo).Message);

        var zero = m.Partial();
        File.Delete(Path.Combine(zero, "partial.json"));
        File.CreateSymbolicLink(Path.Combine(zero, "partial.json"), "/dev/zero");
        Assert.Contains("partial.json is not a regular file", Refused(zero).Message);

        var loop = m.Partial();
        File.Delete(Path.Combine(loop, "strata.parquet"));
        File.CreateSymbolicLink(Path.Combine(loop, "strata.parquet"), Path.Combine(loop, "strata.parquet"));
        Assert.Contains("strata.parquet is a symbolic link that leads back to itself", Refused(loop).Message);

        // A table that grew (a gigabyte appended, sparse): refused by its size, not read to its end.
        var grown = m.Partial();
        using (var stream = new FileStream(Path.Combine(grown, "values.parquet"), FileMode.Append)) stream.SetLength(stream.Length + (1L << 30));
        Assert.Contains("the file values.parquet was changed after the partial was written (it has ", Refused(grown).Message);

        // A descriptor larger than any partial has: refused by its size.
        var huge = m.Partial();
        using (var stream = new FileStream(Path.Combine(huge, "partial.json"), FileMode.Append)) stream.SetLength(PartialFolder.MaxDescriptorBytes + 1);
        Assert.Contains("bytes, more than the 67,108,864 a descriptor may have", Refused(huge).Message);
    }

    [Fact]
    public void A_partial_of_the_older_format_is_refused_with_a_message_that_says_to_make_it_again()
    {
        var partial = Shared.Value.Partial();
        PartialForgery.Edit(partial, body => body["format"] = 2);
        Assert.Contains("it is a partial of format 2; this engine reads format 3: make it again with this version of avrr", Refused(partial).Message);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
