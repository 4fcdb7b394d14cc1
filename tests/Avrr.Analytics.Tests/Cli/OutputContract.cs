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

    /// <summary>The columns of returnee_scores: with the insights on (the default), the last is the survey's profile.</summary>
    public static string[] ReturneeScores(IEnumerable<string> attributes, bool insights = true) =>
    [
        "returnee_id", "round", "survey_date", "quarter", "country", "community", "weight",
        .. attributes,
        .. Indicators.Select(i => "indicator_" + i),
        "economic_score", "social_score", "psychosocial_score", "composite_score", "band", "weakest_dimension", "answered",
        .. insights ? ["profile"] : Array.Empty<string>(),
    ];

    /// <summary>The number columns of aggregates (empty or a number).</summary>
    public static readonly string[] AggregateNumbers =
        ["n_rows", "n", "weight_sum", "mean", "se", "psus", "df", "ci_low", "ci_high", "n_eff", "median", "p25", "p75", "share_low", "share_medium", "share_high"];

    public static readonly string[] AggregateStatistics = [.. AggregateNumbers, "suppressed", "note"];

    /// <summary>The number columns of panel_change.</summary>
    public static readonly string[] PanelNumbers = ["returnees", "mean_change", "se", "psus", "df", "ci_low", "ci_high", "p_value", "family_size", "p_adjusted"];

    /// <summary>A test decided in its family (docs/outputs.md): comparisons and panel_change.</summary>
    public static readonly string[] Decision = ["p_value", "family", "family_size", "p_adjusted", "significant"];

    public static readonly string[] PanelStatistics =
        ["returnees", "mean_change", "se", "psus", "df", "ci_low", "ci_high", .. Decision, "suppressed", "note"];

    /// <summary>The number columns of comparisons.</summary>
    public static readonly string[] ComparisonNumbers = ["estimate", "se", "psus", "df", "ci_low", "ci_high", "p_value", "family_size", "p_adjusted"];

    /// <summary>The columns of comparisons after the grouping columns: the contract the report reads.</summary>
    public static readonly string[] ComparisonStatistics =
        ["measure", "comparison", "reference", "estimate", "se", "psus", "df", "ci_low", "ci_high", .. Decision, "n", "n_reference", "suppressed", "note"];

    /// <summary>The default grouping variables: those of all, country, country+community and country+quarter.</summary>
    public static readonly string[] DefaultVariables = ["country", "community", "quarter"];

    public static string[] Aggregates(IEnumerable<string> variables) => ["level", .. variables, "measure", .. AggregateStatistics];

    public static string[] PanelChange(IEnumerable<string> variables) => ["level", .. variables, "measure", .. PanelStatistics];

    public static string[] Comparisons(IEnumerable<string> variables) => ["level", .. variables, .. ComparisonStatistics];

    public static readonly string[] Rejects = ["source", "row", "returnee_id", "column", "value", "reason", "message", "submission_id", "submission_uuid", "submission_time"];

    /// <summary>The files of a run's result in the order the manifest lists them (docs/outputs.md), before manifest.json.</summary>
    public static readonly string[] DataFiles =
    [
        "returnee_scores.csv", "returnee_scores.parquet", "aggregates.csv", "aggregates.parquet",
        "panel_change.csv", "panel_change.parquet", "comparisons.csv", "comparisons.parquet", "rejects.csv", "data_quality.csv", "data_quality.parquet", "scheme.json",
    ];

    /// <summary>The tables of insights/ (docs/insights.md), each as CSV and Parquet, in the order written.</summary>
    public static readonly string[] InsightTables =
    [
        "profiles", "profile_selection", "profile_mix", "drivers_linear", "drivers_terms", "drivers_importance",
        "early_warning", "early_warning_calibration", "risk_by_country", "models",
    ];

    /// <summary>The files of insights/ when an early warning was trained (risk.csv last), in the order the manifest lists them.</summary>
    public static readonly string[] InsightFiles =
        [.. InsightTables.SelectMany(t => new[] { $"insights/{t}.csv", $"insights/{t}.parquet" }), "insights/risk.csv"];

    /// <summary>The tables of audit/ (docs/audit.md), in the order a run writes them.</summary>
    public static readonly string[] AuditTables =
        ["indicator_stats", "correlations", "reliability", "alpha_if_dropped", "pca", "pca_loadings", "weights", "flags", "rank_uncertainty", "sensitivity", "rank_confidence", "notes"];

    /// <summary>The files of audit/ with both formats, as the manifest lists them.</summary>
    public static readonly string[] AuditFiles =
        [.. AuditTables.SelectMany(t => new[] { $"audit/{t}.csv", $"audit/{t}.parquet" }), "audit/derived-weights.json"];

    /// <summary>The report and its workbook (docs/report.md): listed before manifest.json, though they are made from the result once the manifest is written.</summary>
    public static readonly string[] ReportFiles = ["report.html", "results.xlsx"];

    /// <summary>Every file of a default run (insights on, an early warning trained, the audit on), in the manifest's order.</summary>
    public static readonly string[] AllFiles = [.. DataFiles, .. InsightFiles, .. AuditFiles, .. ReportFiles, "manifest.json"];

    /// <summary>Every file of a run with --no-insights, in the manifest's order.</summary>
    public static readonly string[] FilesWithoutInsights = [.. DataFiles, .. AuditFiles, .. ReportFiles, "manifest.json"];

    /// <summary>Every file of a run with --no-audit, in the manifest's order: those of a run before the audit existed.</summary>
    public static readonly string[] FilesWithoutAudit = [.. DataFiles, .. InsightFiles, .. ReportFiles, "manifest.json"];

    /// <summary>The files a run writes from the data and compares byte for byte between identical runs: every file but the manifest.</summary>
    public static IEnumerable<string> ComparedFiles => AllFiles.Where(f => f != "manifest.json");

    public static readonly string[] DataQuality = ["question", "indicator", "dimension", "answer", "surveys", "share", "suppressed"];

    /// <summary>Every file of a folder and of its sub-folders (insights/, audit/) with its bytes, by path relative to the folder ('/' separated).</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => File.ReadAllBytes(f)), StringComparer.Ordinal);

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
