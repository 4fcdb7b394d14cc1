using System.Text.Json;

namespace Avrr.Analytics.Reports.Results;

/// <summary>
/// What a report shows of manifest.json (docs/outputs.md): the engine, the scheme, the inputs and their
/// accounting, the settings that decide the numbers, the period and the counts. A key that an older
/// engine did not write is null, and the section that needs it says so.
/// </summary>
public sealed record ResultManifest
{
    public required string EngineVersion { get; init; }
    public required string SchemeId { get; init; }
    public required string SchemeName { get; init; }
    public required string SchemeOrigin { get; init; }
    public required string SchemeSha256 { get; init; }
    public required bool EqualWeights { get; init; }
    public required string WeightsNote { get; init; }
    public required IReadOnlyList<ResultInput> Inputs { get; init; }
    public required IReadOnlyList<string> Levels { get; init; }
    public required string WeightColumn { get; init; }
    public string? ClusterColumn { get; init; }
    public string? StrataColumn { get; init; }
    public required string Design { get; init; }
    public required int MinCell { get; init; }
    public required string Language { get; init; }
    public required long RowsRead { get; init; }
    public required long RowsScored { get; init; }
    public required long RowsRejected { get; init; }
    public required IReadOnlyList<KeyValuePair<string, long>> RejectsByReason { get; init; }
    public required long PanelReturnees { get; init; }
    public long? Returnees { get; init; }
    public DateOnly? FirstSurveyDate { get; init; }
    public DateOnly? LastSurveyDate { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    /// <summary>The run's <c>insights</c> setting: false when it was made with <c>--no-insights</c>, null when its engine had no insights.</summary>
    public bool? Insights { get; init; }

    /// <summary>Whether a column of sampling weights was read; null when the engine did not say (before "weighted" was written).</summary>
    public bool? Weighted { get; init; }
    /// <summary>Whether the run was unweighted on purpose (--unweighted, "weight": null).</summary>
    public bool Unweighted { get; init; }
    /// <summary>The run's warnings: columns that look like unread weights, grouping columns unknown for most surveys.</summary>
    public IReadOnlyList<string> WeightLikeColumns { get; init; } = [];
    public IReadOnlyList<(string Column, long Unknown, long Surveys)> MostlyUnknown { get; init; } = [];
    /// <summary>The files of the input folders skipped as not exports.</summary>
    public IReadOnlyList<string> SkippedInputs { get; init; } = [];

    /// <summary>The calibration of a calibrated run (docs/methodology.md, "Calibration"); null for a run without one.</summary>
    public ResultCalibration? Calibration { get; init; }

    /// <summary>How many partials <c>avrr merge</c> made this result from (docs/partials.md); null for a run's result.</summary>
    public int? MergedPartials { get; init; }

    /// <summary>The run's <c>ci</c>: <c>t</c> or <c>normal</c>; null when its engine wrote none.</summary>
    public string? Ci { get; init; }

    /// <summary>The run's <c>df</c>: <c>domain</c> or <c>design</c>; null when its engine wrote none (it used the design's).</summary>
    public string? DegreesOfFreedom { get; init; }

    /// <summary>The run's <c>fdr</c>: <c>bh</c> or <c>none</c>; null when its engine wrote none (each test decided on its own).</summary>
    public string? Fdr { get; init; }

    public static ResultManifest Parse(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        var scheme = root.GetProperty("scheme");
        var settings = root.GetProperty("settings");
        return new ResultManifest
        {
            EngineVersion = root.GetProperty("engine").GetProperty("version").GetString() ?? "",
            SchemeId = scheme.GetProperty("id").GetString() ?? "",
            SchemeName = scheme.GetProperty("name").GetString() ?? "",
            SchemeOrigin = scheme.GetProperty("origin").GetString() ?? "",
            SchemeSha256 = scheme.GetProperty("sha256").GetString() ?? "",
            EqualWeights = scheme.GetProperty("equal_weights").GetBoolean(),
            WeightsNote = scheme.GetProperty("weights").GetString() ?? "",
            Inputs = root.GetProperty("inputs").EnumerateArray().Select(i => new ResultInput(
                i.GetProperty("path").GetString() ?? "", i.GetProperty("format").GetString() ?? "", i.GetProperty("sha256").GetString() ?? "",
                i.GetProperty("rows_read").GetInt64(), i.GetProperty("rows_scored").GetInt64(), i.GetProperty("rows_rejected").GetInt64(),
                i.TryGetProperty("blank_rows_skipped", out var blank) ? blank.GetInt64() : 0)).ToArray(),
            Levels = Strings(settings.GetProperty("levels")),
            WeightColumn = Text(settings, "weight") ?? "weight",
            ClusterColumn = Text(settings, "cluster"),
            StrataColumn = Text(settings, "strata"),
            Design = Text(settings, "design") ?? "",
            MinCell = settings.GetProperty("min_cell").GetInt32(),
            Language = Text(settings, "lang") ?? "en",
            RowsRead = root.GetProperty("rows_read").GetInt64(),
            RowsScored = root.GetProperty("rows_scored").GetInt64(),
            RowsRejected = root.GetProperty("rows_rejected").GetInt64(),
            RejectsByReason = root.GetProperty("rejects_by_reason").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetInt64())).ToArray(),
            PanelReturnees = root.GetProperty("panel_returnees").GetInt64(),
            Returnees = root.TryGetProperty("returnees", out var returnees) ? returnees.GetInt64() : null,
            FirstSurveyDate = Date(root, "first_survey_date"),
            LastSurveyDate = Date(root, "last_survey_date"),
            Files = Strings(root.GetProperty("files")),
            Insights = settings.TryGetProperty("insights", out var insights) && insights.ValueKind is JsonValueKind.True or JsonValueKind.False ? insights.GetBoolean() : null,
            Weighted = settings.TryGetProperty("weighted", out var weighted) && weighted.ValueKind is JsonValueKind.True or JsonValueKind.False ? weighted.GetBoolean() : null,
            Unweighted = settings.TryGetProperty("unweighted", out var unweighted) && unweighted.ValueKind == JsonValueKind.True,
            WeightLikeColumns = root.TryGetProperty("checks", out var checks) && checks.TryGetProperty("weight_like_columns", out var like) && like.ValueKind == JsonValueKind.Array ? Strings(like) : [],
            MostlyUnknown = root.TryGetProperty("checks", out var checks2) && checks2.TryGetProperty("mostly_unknown", out var unknown) && unknown.ValueKind == JsonValueKind.Array
                ? unknown.EnumerateArray().Select(u => (u.GetProperty("column").GetString() ?? "", u.GetProperty("unknown").GetInt64(), u.GetProperty("surveys").GetInt64())).ToArray() : [],
            SkippedInputs = root.TryGetProperty("inputs_skipped", out var skipped) && skipped.ValueKind == JsonValueKind.Array
                ? skipped.EnumerateArray().Select(e => e.GetProperty("path").GetString() ?? "").ToArray() : [],
            MergedPartials = root.TryGetProperty("partials", out var partials) && partials.ValueKind == JsonValueKind.Array ? partials.GetArrayLength() : null,
            Ci = Text(settings, "ci"),
            DegreesOfFreedom = Text(settings, "df"),
            Fdr = Text(settings, "fdr"),
            Calibration = root.TryGetProperty("calibration", out var calibration) && calibration.ValueKind == JsonValueKind.Object
                ? new ResultCalibration(Text(calibration, "method") ?? "",
                    calibration.TryGetProperty("bounds", out var bounds) && bounds.ValueKind == JsonValueKind.Array ? (bounds[0].GetDouble(), bounds[1].GetDouble()) : null,
                    calibration.GetProperty("margins").EnumerateArray().Select(m => (Strings(m.GetProperty("variables")), m.GetProperty("sha256").GetString() ?? "")).ToArray(),
                    calibration.GetProperty("weights_design_effect_before").GetDouble(), calibration.GetProperty("weights_design_effect_after").GetDouble())
                : null,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateOnly? Date(JsonElement element, string name) =>
        Text(element, name) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
}
