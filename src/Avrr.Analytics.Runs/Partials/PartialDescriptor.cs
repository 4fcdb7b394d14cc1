using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Avrr.Analytics.Runs.Output;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using SurveyPeriod = Avrr.Analytics.Surveys.SurveyPeriod;

namespace Avrr.Analytics.Runs.Partials;

/// <summary>
/// partial.json, the descriptor of a partial (docs/partials.md, "The descriptor"): what made it, the scheme and
/// its SHA-256, the settings partials must agree on, the estimators' survey counts and weight scales, the row
/// accounting, and every file with its SHA-256. The "partial" object is hashed as written
/// (<c>partial_sha256</c>) and the files by their bytes, so a partial changed by hand is refused by the merge.
/// The root's "engine" and "files" are those of a result's manifest: they mark the folder as avrr's own, so the
/// next run may replace it (<see cref="Output.OutputFolder"/>).
/// </summary>
public sealed record PartialDescriptor
{
    public const string File = "partial.json";
    public const string SchemeFile = "scheme.json";
    /// <summary>3: the partial's id, the period, the survey keys of returnee summaries and the signature (issue 23); 2: the pairs table counts its surveys (n), for the degrees of freedom (issue 21); 1 had neither.</summary>
    public const int CurrentFormat = 3;
    public const string MadeByRun = "avrr run", MadeBySeal = "avrr partial seal";

    public int Format { get; init; } = CurrentFormat;
    public required string MadeBy { get; init; }
    public required string EngineVersion { get; init; }
    /// <summary>
    /// A random id (128 bits, hex) drawn when the partial is written: a copy of the partial (another folder, a link, a
    /// renamed copy) has the same id, so the merge refuses to count it twice (docs/partials.md, "Repeated partials").
    /// </summary>
    public required string Id { get; init; }
    /// <summary>The run's period (<c>--period</c>, <c>--from</c>, <c>--to</c>): the same export run for two periods that do not overlap holds two sets of surveys.</summary>
    public SurveyPeriod? Period { get; init; }

    public required string SchemeId { get; init; }
    public required string SchemeName { get; init; }
    public required string SchemeOrigin { get; init; }
    public required string SchemeSha256 { get; init; }
    public required bool SchemeEqualWeights { get; init; }
    public required string SchemeWeights { get; init; }

    /// <summary>Every level of the run (country+quarter among them), in output order.</summary>
    public required IReadOnlyList<string> Levels { get; init; }
    public required bool QuarterLevelIsDefault { get; init; }
    /// <summary>The grouping columns of the cells, in the cells table's order.</summary>
    public required IReadOnlyList<string> Variables { get; init; }
    public required IReadOnlyList<string> Measures { get; init; }
    public required string Weight { get; init; }
    /// <summary>
    /// Whether the run read a column of weights; null where the maker does not say (a sealed recipe's tables, a partial of
    /// an engine before it was written). A merge with an unweighted partial says so, as a run does.
    /// </summary>
    public bool? Weighted { get; init; }
    /// <summary>Whether the run was unweighted on purpose (--unweighted, "weight": null).</summary>
    public bool Unweighted { get; init; }
    public string? Cluster { get; init; }
    public string? Strata { get; init; }
    public required Planning.PartialPanel Panel { get; init; }
    /// <summary>With returnee summaries: a one-way fingerprint of the salt, so that partials hashed with different salts are refused.</summary>
    public string? SaltFingerprint { get; init; }
    public required int MinCell { get; init; }
    public required Estimation.IntervalMethod Ci { get; init; }
    public required Estimation.DegreesOfFreedomRule Df { get; init; }
    public required Inference.MultipleTesting Fdr { get; init; }
    public required string Lang { get; init; }

    /// <summary>The surveys the estimator numbered (the orders of the values' last surveys are below it) and its weight scale.</summary>
    public required long Surveys { get; init; }
    public required double WeightScale { get; init; }
    public required long PanelSurveys { get; init; }
    public required double PanelWeightScale { get; init; }
    public required long Returnees { get; init; }
    public required long PanelReturnees { get; init; }

    public required long RowsRead { get; init; }
    public required long RowsScored { get; init; }
    public required long RowsRejected { get; init; }
    public required long RowsOutsidePeriod { get; init; }
    public required IReadOnlyDictionary<string, long> RejectsByReason { get; init; }
    public DateOnly? FirstSurveyDate { get; init; }
    public DateOnly? LastSurveyDate { get; init; }
    public required IReadOnlyList<InputSummary> Inputs { get; init; }
    public required long FutureDates { get; init; }
    public required long InvalidDates { get; init; }
    /// <summary>The scored surveys data_quality counts; null when the partial has no data_quality (one made by the SQL recipe).</summary>
    public long? DataQualitySurveys { get; init; }

    public required IReadOnlyList<PartialFile> Files { get; init; }

    /// <summary>The HMAC-SHA256 of the "partial" object with the organisation's key (<see cref="PartialSignature"/>), and the key's fingerprint; null when unsigned.</summary>
    public string? Signature { get; init; }
    public string? SignatureKey { get; init; }
    /// <summary>The "partial" object's bytes as read, which the signature covers (empty for a descriptor being written).</summary>
    public byte[] SignedBody { get; init; } = [];

    /// <summary>A new random id.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The descriptor's bytes: the root with "engine", "files", the "partial" object and its SHA-256, and its signature when
    /// a key is given (<see cref="PartialSignature"/>).
    /// </summary>
    public byte[] ToJson(string? key = null)
    {
        var body = Body();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("engine");
            json.WriteString("name", "avrr");
            json.WriteString("version", EngineVersion);
            json.WriteEndObject();
            json.WriteStartArray("files");
            foreach (var file in Files) json.WriteStringValue(file.Path);
            json.WriteStringValue(File);
            json.WriteEndArray();
            json.WritePropertyName("partial");
            json.WriteRawValue(body, skipInputValidation: false);
            json.WriteString("partial_sha256", Sha256(body));
            if (key is not null)
            {
                json.WriteStartObject("signature");
                json.WriteString("algorithm", PartialSignature.Algorithm);
                json.WriteString("key_fingerprint", PartialSignature.Fingerprint(key));
                json.WriteString("value", PartialSignature.Sign(body, key));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private byte[] Body()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("id", Id);
            json.WriteString("made_by", MadeBy);
            json.WriteStartObject("scheme");
            json.WriteString("id", SchemeId);
            json.WriteString("name", SchemeName);
            json.WriteString("origin", SchemeOrigin);
            json.WriteString("sha256", SchemeSha256);
            json.WriteBoolean("equal_weights", SchemeEqualWeights);
            json.WriteString("weights", SchemeWeights);
            json.WriteEndObject();

            json.WriteStartObject("settings");
            Manifest.Strings(json, "levels", Levels);
            json.WriteBoolean("quarter_level_is_default", QuarterLevelIsDefault);
            Manifest.Strings(json, "variables", Variables);
            Manifest.Strings(json, "measures", Measures);
            json.WriteString("weight", Weight);
            if (Weighted is { } weighted)
            {
                json.WriteBoolean("weighted", weighted);
                json.WriteBoolean("unweighted", Unweighted);
            }
            Manifest.Optional(json, "cluster", Cluster);
            Manifest.Optional(json, "strata", Strata);
            json.WriteString("partial_panel", PanelName(Panel));
            Manifest.Optional(json, "salt_fingerprint", SaltFingerprint);
            json.WriteNumber("min_cell", MinCell);
            json.WriteString("ci", Ci == Estimation.IntervalMethod.Normal ? "normal" : "t");
            json.WriteString("df", SettingWords.Df(Df));
            json.WriteString("fdr", SettingWords.Fdr(Fdr));
            json.WriteString("lang", Lang);
            if (Period is { } period)
            {
                json.WriteStartObject("period");
                Manifest.Optional(json, "from", period.From is { } from ? SurveyPeriod.Text(from) : null);
                Manifest.Optional(json, "to", period.To is { } to ? SurveyPeriod.Text(to) : null);
                json.WriteEndObject();
            }
            else json.WriteNull("period");
            json.WriteEndObject();

            json.WriteStartObject("sums");
            json.WriteNumber("surveys", Surveys);
            json.WriteNumber("weight_scale", WeightScale);
            json.WriteNumber("panel_surveys", PanelSurveys);
            json.WriteNumber("panel_weight_scale", PanelWeightScale);
            json.WriteNumber("returnees", Returnees);
            json.WriteNumber("panel_returnees", PanelReturnees);
            json.WriteEndObject();

            json.WriteStartObject("accounting");
            json.WriteNumber("rows_read", RowsRead);
            json.WriteNumber("rows_scored", RowsScored);
            json.WriteNumber("rows_rejected", RowsRejected);
            json.WriteNumber("rows_outside_period", RowsOutsidePeriod);
            json.WriteStartObject("rejects_by_reason");
            foreach (var (reason, count) in RejectsByReason.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteNumber(reason, count);
            json.WriteEndObject();
            Manifest.Optional(json, "first_survey_date", FirstSurveyDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Manifest.Optional(json, "last_survey_date", LastSurveyDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("survey_dates_after_run_date", FutureDates);
            json.WriteNumber("invalid_dates", InvalidDates);
            if (DataQualitySurveys is { } surveys) json.WriteNumber("data_quality_surveys", surveys); else json.WriteNull("data_quality_surveys");
            json.WriteStartArray("inputs");
            foreach (var input in Inputs)
            {
                json.WriteStartObject();
                Manifest.InputCounts(json, input);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartArray("tables");
            foreach (var file in Files)
            {
                json.WriteStartObject();
                json.WriteString("file", file.Path);
                json.WriteString("sha256", file.Sha256);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static string PanelName(Planning.PartialPanel panel) => panel == Planning.PartialPanel.Returnees ? "returnees" : "cells";

    /// <summary>
    /// Reads a descriptor and checks its own hash; throws <see cref="InvalidDataException"/> saying what is wrong
    /// (not JSON, a key missing, a "partial" object that is not the one hashed).
    /// </summary>
    public static PartialDescriptor Parse(byte[] bytes)
    {
        // JSON's reader leaves a string's bytes unchecked until it is read: text that is not UTF-8 is refused here, whole.
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw new InvalidDataException($"{File} is not UTF-8 text");
        JsonDocument document;
        try { document = JsonDocument.Parse(bytes); }
        catch (JsonException e) { throw new InvalidDataException($"{File} is not valid JSON ({e.Message})"); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("partial", out var body) || body.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{File} holds no \"partial\" object, so it is not the descriptor of a partial of avrr");
            var hash = Text(root, "partial_sha256");
            var bodyBytes = Encoding.UTF8.GetBytes(body.GetRawText());
            if (hash != Sha256(bodyBytes))
                throw new InvalidDataException($"its \"partial\" object was changed after it was written (its SHA-256 is not the partial_sha256 of {File})");
            try
            {
                var engine = root.TryGetProperty("engine", out var e) && e.ValueKind == JsonValueKind.Object ? Text(e, "version") : null;
                var signature = root.TryGetProperty("signature", out var s) && s.ValueKind == JsonValueKind.Object ? s : (JsonElement?)null;
                if (signature is { } signed && Text(signed, "algorithm") != PartialSignature.Algorithm)
                    throw new FormatException($"its signature is not {PartialSignature.Algorithm}");
                return Read(body) with
                {
                    EngineVersion = engine ?? "", SignedBody = bodyBytes,
                    Signature = signature is { } v ? Required(v, "value") : null, SignatureKey = signature is { } k ? Required(k, "key_fingerprint") : null,
                };
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{File} cannot be read ({e.Message})");
            }
        }
    }

    private static PartialDescriptor Read(JsonElement body)
    {
        var format = body.GetProperty("format").GetInt32();
        if (format != CurrentFormat)
            throw new InvalidDataException($"it is a partial of format {format}; this engine reads format {CurrentFormat}: make it again with this version of avrr");
        var scheme = body.GetProperty("scheme");
        var settings = body.GetProperty("settings");
        var sums = body.GetProperty("sums");
        var accounting = body.GetProperty("accounting");
        return new PartialDescriptor
        {
            Format = format,
            Id = Required(body, "id"),
            MadeBy = Required(body, "made_by"),
            EngineVersion = "",
            SchemeId = Required(scheme, "id"),
            SchemeName = Required(scheme, "name"),
            SchemeOrigin = Required(scheme, "origin"),
            SchemeSha256 = Required(scheme, "sha256"),
            SchemeEqualWeights = scheme.GetProperty("equal_weights").GetBoolean(),
            SchemeWeights = Required(scheme, "weights"),
            Levels = StringList(settings, "levels"),
            QuarterLevelIsDefault = settings.GetProperty("quarter_level_is_default").GetBoolean(),
            Variables = StringList(settings, "variables"),
            Measures = StringList(settings, "measures"),
            Weight = Required(settings, "weight"),
            Weighted = settings.TryGetProperty("weighted", out var weighted) && weighted.ValueKind is JsonValueKind.True or JsonValueKind.False ? weighted.GetBoolean() : null,
            Unweighted = settings.TryGetProperty("unweighted", out var unweighted) && unweighted.ValueKind == JsonValueKind.True,
            Cluster = Text(settings, "cluster"),
            Strata = Text(settings, "strata"),
            Panel = Required(settings, "partial_panel") switch
            {
                "cells" => Planning.PartialPanel.Cells,
                "returnees" => Planning.PartialPanel.Returnees,
                var other => throw new FormatException($"partial_panel \"{other}\" is neither cells nor returnees"),
            },
            SaltFingerprint = Text(settings, "salt_fingerprint"),
            MinCell = settings.GetProperty("min_cell").GetInt32(),
            Ci = Required(settings, "ci") == "normal" ? Estimation.IntervalMethod.Normal : Estimation.IntervalMethod.StudentT,
            Df = SettingWords.ParseDf(Required(settings, "df")) ?? throw new FormatException("df is neither domain nor design"),
            Fdr = SettingWords.ParseFdr(Required(settings, "fdr")) ?? throw new FormatException("fdr is neither bh nor none"),
            Lang = Required(settings, "lang"),
            Period = settings.GetProperty("period") is { ValueKind: JsonValueKind.Object } period ? new SurveyPeriod(Date(period, "from"), Date(period, "to")) : null,
            Surveys = sums.GetProperty("surveys").GetInt64(),
            WeightScale = sums.GetProperty("weight_scale").GetDouble(),
            PanelSurveys = sums.GetProperty("panel_surveys").GetInt64(),
            PanelWeightScale = sums.GetProperty("panel_weight_scale").GetDouble(),
            Returnees = sums.GetProperty("returnees").GetInt64(),
            PanelReturnees = sums.GetProperty("panel_returnees").GetInt64(),
            RowsRead = accounting.GetProperty("rows_read").GetInt64(),
            RowsScored = accounting.GetProperty("rows_scored").GetInt64(),
            RowsRejected = accounting.GetProperty("rows_rejected").GetInt64(),
            RowsOutsidePeriod = accounting.GetProperty("rows_outside_period").GetInt64(),
            RejectsByReason = accounting.GetProperty("rejects_by_reason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal),
            FirstSurveyDate = Date(accounting, "first_survey_date"),
            LastSurveyDate = Date(accounting, "last_survey_date"),
            FutureDates = accounting.GetProperty("survey_dates_after_run_date").GetInt64(),
            InvalidDates = accounting.GetProperty("invalid_dates").GetInt64(),
            DataQualitySurveys = accounting.GetProperty("data_quality_surveys") is { ValueKind: JsonValueKind.Number } dq ? dq.GetInt64() : null,
            Inputs = accounting.GetProperty("inputs").EnumerateArray().Select(i => new InputSummary(
                Required(i, "path"), Required(i, "format"), Required(i, "sha256"), i.GetProperty("rows_read").GetInt64(), i.GetProperty("rows_scored").GetInt64(),
                i.GetProperty("rows_rejected").GetInt64(), i.GetProperty("rows_outside_period").GetInt64(), i.GetProperty("blank_rows_skipped").GetInt64(),
                [], [], [], [], [])).ToArray(),
            Files = body.GetProperty("tables").EnumerateArray()
                .Select(t => new PartialFile(Required(t, "file"), Required(t, "sha256"), t.GetProperty("bytes").GetInt64())).ToArray(),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Required(JsonElement element, string name) =>
        Text(element, name) ?? throw new KeyNotFoundException($"no text \"{name}\"");

    private static string[] StringList(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString() ?? throw new FormatException($"\"{name}\" holds a value that is not a text")).ToArray();

    private static DateOnly? Date(JsonElement element, string name) =>
        Text(element, name) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
