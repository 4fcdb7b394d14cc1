using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Reports.Results;

/// <summary>
/// A result folder as the report and the workbook read it (docs/report.md): manifest.json, the scheme the
/// run scored with (scheme.json, checked against the manifest's SHA-256) and its tables, each read once,
/// when first asked for, from its CSV or Parquet file. Nothing else: not the inputs, not the scores of
/// single surveys. So the report is a function of the folder, and every number in it is one of the run's.
/// </summary>
public sealed class ResultFolder
{
    public const string ManifestFile = "manifest.json", SchemeFile = "scheme.json";

    private readonly Dictionary<string, ResultTable?> _tables = new(StringComparer.Ordinal);

    private ResultFolder(string path, ResultManifest manifest, Scheme scheme)
    {
        Path = path;
        Manifest = manifest;
        Scheme = scheme;
    }

    public string Path { get; }
    public ResultManifest Manifest { get; }
    public Scheme Scheme { get; }

    public static ResultFolder Open(string path)
    {
        var manifestPath = System.IO.Path.Combine(path, ManifestFile);
        if (!Directory.Exists(path)) throw new ResultFolderException(path, "the folder does not exist");
        if (!File.Exists(manifestPath)) throw new ResultFolderException(path, $"it holds no {ManifestFile}, so it is not a result of avrr run");
        ResultManifest manifest;
        try { manifest = ResultManifest.Parse(File.ReadAllBytes(manifestPath)); }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ResultFolderException(path, $"its {ManifestFile} cannot be read ({e.Message})");
        }
        var schemePath = System.IO.Path.Combine(path, SchemeFile);
        Scheme scheme;
        if (File.Exists(schemePath))
        {
            scheme = SchemeReader.Parse(File.ReadAllBytes(schemePath), manifest.SchemeOrigin);
            if (scheme.Sha256 != manifest.SchemeSha256)
                throw new ResultFolderException(path, $"its {SchemeFile} is not the scheme the run used (SHA-256 {scheme.Sha256}, the manifest says {manifest.SchemeSha256})");
        }
        else if (manifest.SchemeSha256 == Scheme.Rss15.Sha256) scheme = Scheme.Rss15;
        else throw new ResultFolderException(path, $"it holds no {SchemeFile}, and the run's scheme {manifest.SchemeId} is not the built-in one");
        var folder = new ResultFolder(path, manifest, scheme);
        if (folder.Table("aggregates") is null) throw new ResultFolderException(path, "it holds neither aggregates.csv nor aggregates.parquet");
        return folder;
    }

    /// <summary>The table <paramref name="name"/> (aggregates, panel_change, comparisons, data_quality, audit/…), or null when the run did not write it.</summary>
    public ResultTable? Table(string name)
    {
        if (!_tables.TryGetValue(name, out var table)) _tables[name] = table = ResultTableReader.Read(Path, name);
        return table;
    }

    public ResultTable Aggregates => Table("aggregates")!;
}
