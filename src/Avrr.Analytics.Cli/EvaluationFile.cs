using System.Text.Json;


namespace Avrr.Analytics.Cli;

/// <summary>
/// The evaluation file of <c>--config</c>: a run's settings as JSON, so that a quarter's evaluation is one
/// file to keep and re-run. Relative paths in it are relative to the file's own folder. Every key is
/// optional; a flag on the command line wins over the file.
/// <code>
/// { "inputs": ["exports/"], "out": "results", "scheme": null, "levels": ["country+sex"],
///   "weight": "weight", "cluster": "community", "strata": null, "minCell": 5, "lang": "fr",
///   "formats": ["csv", "parquet"], "dateFormat": null, "sheet": null, "indicators": false,
///   "columns": { "returnee_id": "case_number" }, "audit": true, "auditSamples": 32, "auditSeed": 1,
///   "auditLevel": "country" }
/// </code>
/// </summary>
public sealed record EvaluationFile
{
    public IReadOnlyList<string>? Inputs { get; init; }
    public string? Out { get; init; }
    public string? Scheme { get; init; }
    public IReadOnlyList<string>? Levels { get; init; }
    public string? Weight { get; init; }
    public string? Cluster { get; init; }
    public string? Strata { get; init; }
    public int? MinCell { get; init; }
    public string? Lang { get; init; }
    public IReadOnlyList<string>? Formats { get; init; }
    public string? DateFormat { get; init; }
    public string? Sheet { get; init; }
    public bool? Indicators { get; init; }
    public IReadOnlyDictionary<string, string>? Columns { get; init; }
    public double? MaxRejectedShare { get; init; }
    public bool? Audit { get; init; }
    public int? AuditSamples { get; init; }
    public int? AuditSeed { get; init; }
    public string? AuditLevel { get; init; }

    /// <summary>A note for the people who keep the file; ignored by the run.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$comment")]
    public string? Comment { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static EvaluationFile Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--config {path}: the file cannot be read ({e.Message})");
        }
        EvaluationFile? file;
        try { file = JsonSerializer.Deserialize<EvaluationFile>(text, Json); }
        catch (JsonException e)
        {
            throw new UsageException($"--config {path}: {e.Message}");
        }
        if (file is null) throw new UsageException($"--config {path}: the file holds no settings object");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string? Resolve(string? p) => p is null ? null : Path.IsPathRooted(p) ? p : Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(folder, p));
        return file with
        {
            Inputs = file.Inputs?.Select(i => Resolve(i)!).ToArray(),
            Out = Resolve(file.Out),
            Scheme = Resolve(file.Scheme),
        };
    }
}
