using System.Text.Json.Nodes;

namespace Avrr.Analytics.Tests.Cli;

/// <summary>
/// The columns of the runner's files, written out from docs/outputs.md and docs/methodology.md, "Estimation" (not taken from the
/// engine), for the built-in rss-15 scheme and the attribute columns of the synthetic sample.
/// </summary>
internal static class OutputContract
{
    /// <summary>The indicators of rss-15 in scheme order (economic, social, psychosocial).</summary>
    public static readonly string[] Indicators =
    [
        "econ_satisfaction", "food_security", "debt", "employment", "productive_assets",
        "housing", "education", "documentation_justice", "basic_services", "public_services",
        "social_participation", "belonging", "safety", "wellbeing", "remigration",
    ];

    /// <summary>The attribute columns of the sample, in the order of the export.</summary>
    public static readonly string[] SampleAttributes = ["sex", "age_group", "assistance_type"];

    public static string[] ReturneeScores(IEnumerable<string> attributes) =>
    [
        "returnee_id", "round", "survey_date", "quarter", "country", "community", "weight",
        .. attributes,
        .. Indicators.Select(i => "indicator_" + i),
        "economic_score", "social_score", "psychosocial_score", "composite_score", "band", "weakest_dimension", "answered",
    ];

    public static readonly string[] AggregateStatistics =
        ["n_rows", "n", "weight_sum", "mean", "se", "ci_low", "ci_high", "n_eff", "median", "p25", "p75", "share_low", "share_medium", "share_high", "suppressed"];

    public static readonly string[] PanelStatistics = ["returnees", "mean_change", "se", "ci_low", "ci_high", "suppressed"];

    /// <summary>The default grouping variables: those of all, country, country+community and country+quarter.</summary>
    public static readonly string[] DefaultVariables = ["country", "community", "quarter"];

    public static string[] Aggregates(IEnumerable<string> variables) => ["level", .. variables, "measure", .. AggregateStatistics];

    public static string[] PanelChange(IEnumerable<string> variables) => ["level", .. variables, "measure", .. PanelStatistics];

    public static readonly string[] Rejects = ["source", "row", "returnee_id", "column", "value", "reason", "message"];

    public static readonly string[] DataFiles =
    [
        "returnee_scores.csv", "returnee_scores.parquet", "aggregates.csv", "aggregates.parquet",
        "panel_change.csv", "panel_change.parquet", "rejects.csv",
    ];

    /// <summary>The tables of audit/ (docs/audit.md), in the order a run writes them.</summary>
    public static readonly string[] AuditTables =
        ["indicator_stats", "correlations", "reliability", "alpha_if_dropped", "pca", "pca_loadings", "weights", "flags", "rank_uncertainty", "sensitivity", "notes"];

    /// <summary>The files of audit/ with both formats, as the manifest lists them.</summary>
    public static readonly string[] AuditFiles =
        [.. AuditTables.SelectMany(t => new[] { $"audit/{t}.csv", $"audit/{t}.parquet" }), "audit/derived-weights.json"];

    /// <summary>Every data file of a default run on the sample: the top-level tables and audit/.</summary>
    public static IEnumerable<string> AllDataFiles => DataFiles.Concat(AuditFiles);

    /// <summary>Every file of a folder and its sub-folders with its bytes, by relative path ('/' separated).</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), f => File.ReadAllBytes(f)), StringComparer.Ordinal);

    /// <summary>manifest.json without its "run" object, the one part that may differ between identical runs.</summary>
    public static string ManifestWithoutRun(string folder)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!.AsObject();
        Assert.True(manifest.Remove("run"), "manifest.json has no \"run\" object");
        return manifest.ToJsonString();
    }

    public static JsonObject Manifest(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!.AsObject();
}
