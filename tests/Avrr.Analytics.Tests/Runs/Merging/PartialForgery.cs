using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Avrr.Analytics.Tests.Runs.Partials;

namespace Avrr.Analytics.Tests.Runs.Merging;

/// <summary>
/// What anyone can do to a partial (issue 23 §3): change a table or partial.json, then compute every SHA-256 in the
/// folder again, so that the hashes kept beside the data agree with the edit. Written here from the format in
/// docs/outputs.md, not with the engine's writer.
/// </summary>
internal static class PartialForgery
{
    /// <summary>Rewrites a Parquet table of the partial with DuckDB: <paramref name="select"/> reads it as <c>t</c>.</summary>
    public static void Table(string partial, string file, string select)
    {
        var path = Path.Combine(partial, file);
        var edited = path + ".edited";
        using (var db = new DuckDb())
            db.Execute($"CREATE VIEW t AS SELECT * FROM read_parquet({DuckDb.Quote(path)}); COPY ({select}) TO {DuckDb.Quote(edited)} (FORMAT parquet)");
        File.Move(edited, path, overwrite: true);
    }

    /// <summary>Edits the "partial" object of partial.json, then lists every table's SHA-256 and size again and hashes the object again.</summary>
    public static void Edit(string partial, Action<JsonObject>? edit = null)
    {
        var path = Path.Combine(partial, "partial.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var body = root["partial"]!.AsObject();
        edit?.Invoke(body);
        // The tables as listed (an edit may have damaged the list itself: what cannot be hashed is left as it is).
        foreach (var table in body["tables"] as JsonArray ?? [])
        {
            if (table is not JsonObject listed || listed["file"] is not JsonValue name || !name.TryGetValue<string>(out var relative)) continue;
            var file = Path.Combine(partial, relative);
            if (!File.Exists(file) || relative.Contains("..", StringComparison.Ordinal)) continue;
            listed["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
            listed["bytes"] = new FileInfo(file).Length;
        }
        var text = body.ToJsonString();
        root["partial"] = JsonNode.Parse(text);
        root["partial_sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        // The object is written as hashed: compact, as ToJsonString gives it.
        var written = root.ToJsonString();
        Assert.Contains(text, written, StringComparison.Ordinal);
        File.WriteAllText(path, written);
    }
}
