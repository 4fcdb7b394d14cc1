using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Tests.Runs.Merging;

namespace Avrr.Analytics.Tests.Runs.Partials;

/// <summary>
/// What a partial holds (docs/partials.md, "What a partial reveals"): its descriptor lists every file of the folder
/// with its SHA-256; no table has a returnee id, a survey date or an attribute that is not a grouping column; with
/// returnee summaries the returnees are keyed by the salted hash of their id only, which is not the hash of the id
/// alone, and the salt itself is nowhere.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PartialContentsTests
{
    private static readonly Lazy<MergeFixture> Shared = new(() => new MergeFixture());

    private static List<string> Cells(DuckDb db, string file, out string[] columns)
    {
        var rows = db.Rows($"SELECT * FROM read_parquet({DuckDb.Quote(file)}, hive_partitioning = false)");
        columns = db.Rows($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet({DuckDb.Quote(file)}, hive_partitioning = false))").Select(r => (string)r[0]!).ToArray();
        return rows.SelectMany(r => r).OfType<string>().ToList();
    }

    [Theory]
    [InlineData(PartialPanel.Cells)]
    [InlineData(PartialPanel.Returnees)]
    public void A_partial_holds_no_returnee_id_no_date_and_no_attribute_beyond_the_grouping_columns(PartialPanel panel)
    {
        var f = Shared.Value;
        var partial = f.Partial("contents-" + panel, [f.Write("contents-" + panel, f.Rows)], Design.StrataClusters, panel);
        var (id, sex, age) = (f.Column("returnee_id"), f.Column("sex"), f.Column("age_group"));
        var forbidden = f.Rows.SelectMany(r => new[] { r[id], r[sex], r[age] }).ToHashSet(StringComparer.Ordinal);

        using var descriptor = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(partial, "partial.json")));
        var listed = descriptor.RootElement.GetProperty("files").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToArray();
        var present = Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(partial, p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(present, listed);
        foreach (var table in descriptor.RootElement.GetProperty("partial").GetProperty("tables").EnumerateArray())
        {
            var path = Path.Combine(partial, table.GetProperty("file").GetString()!);
            using var stream = File.OpenRead(path);
            Assert.Equal(table.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(stream)));
        }

        using var db = new DuckDb();
        foreach (var file in present.Where(p => p.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            var texts = Cells(db, Path.Combine(partial, file), out var columns);
            foreach (var column in new[] { "returnee_id", "survey_date", "sex", "age_group", "assistance_type", "weight_column", "round" })
                Assert.DoesNotContain(column, columns);
            var leak = texts.FirstOrDefault(forbidden.Contains);
            Assert.True(leak is null, $"{file} holds '{leak}', a returnee id or an attribute value");
        }
        Assert.DoesNotContain(MergeFixture.Salt, File.ReadAllText(Path.Combine(partial, "partial.json")));

        if (panel != PartialPanel.Returnees) return;
        var keys = db.Rows($"SELECT returnee FROM read_parquet({DuckDb.Quote(Path.Combine(partial, "returnees.parquet"))})").Select(r => (string)r[0]!).ToHashSet();
        Assert.Equal(f.Rows.Select(r => r[id]).Distinct().Count(), keys.Count);
        var someone = f.Rows[0][id];
        Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(someone))), keys);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MergeFixture.Salt + someone))), keys);
        // The rows follow the keys, not the ids: nothing of an id's order shows.
        var order = db.Rows($"SELECT returnee FROM read_parquet({DuckDb.Quote(Path.Combine(partial, "returnees.parquet"))}, file_row_number = true) ORDER BY file_row_number")
            .Select(r => (string)r[0]!).ToArray();
        Assert.Equal(order.Order(StringComparer.Ordinal), order);
    }
}
