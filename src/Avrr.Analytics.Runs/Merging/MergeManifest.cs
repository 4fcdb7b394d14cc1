using System.Globalization;
using System.Text.Json;
using Avrr.Analytics.Runs.Output;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;

namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// manifest.json of a merge (docs/partials.md, "The merged result"): the keys of a run's manifest that a result
/// folder is read by (engine, scheme, the inputs of every partial with their accounting, settings, counts, checks,
/// files), and "partials", each partial's folder, the SHA-256 of its partial.json and what made it. Only the
/// "run" object changes between identical merges. "insights_note" says why a merge has no insights/.
/// </summary>
internal static class MergeManifest
{
    /// <summary>Why a merged result has no insights, said where a reader of the manifest looks for them (docs/partials.md).</summary>
    public const string InsightsNote =
        "none: profiles, drivers and the early warning are learnt from each returnee's own surveys, which a partial never holds; " +
        "a run over the exports themselves (avrr run) makes them";

    public static void Write(string path, MergeSettings settings, EstimationPlan plan, IReadOnlyList<PartialFolder> partials, RunResult result,
        string language, DateTimeOffset started)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var first = partials[0].Descriptor;
        json.WriteStartObject();
        json.WriteStartObject("engine");
        json.WriteString("name", "avrr");
        json.WriteString("version", Manifest.EngineVersion);
        json.WriteEndObject();

        json.WriteStartObject("scheme");
        json.WriteString("id", first.SchemeId);
        json.WriteString("name", first.SchemeName);
        json.WriteString("origin", first.SchemeOrigin);
        json.WriteString("sha256", first.SchemeSha256);
        json.WriteBoolean("equal_weights", first.SchemeEqualWeights);
        json.WriteString("weights", first.SchemeWeights);
        json.WriteEndObject();

        json.WriteStartArray("inputs");
        foreach (var input in result.Inputs)
        {
            json.WriteStartObject();
            Manifest.InputCounts(json, input);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("partials");
        foreach (var partial in partials)
        {
            json.WriteStartObject();
            json.WriteString("path", partial.Path);
            json.WriteString("id", partial.Descriptor.Id);
            json.WriteString("descriptor_sha256", partial.DescriptorSha256);
            json.WriteString("signature", settings.RequireSignature ? "verified" : partial.Descriptor.Signature is null ? "none" : "not checked");
            json.WriteString("made_by", partial.Descriptor.MadeBy);
            json.WriteString("engine_version", partial.Descriptor.EngineVersion);
            json.WriteNumber("rows_scored", partial.Descriptor.RowsScored);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("settings");
        json.WriteString("out", settings.OutputFolder);
        Manifest.Strings(json, "levels", result.Levels);
        json.WriteString("weight", plan.WeightColumn);
        // As a run's manifest: unweighted when a partial's run read no column of weights (a partial that does not say counts as weighted).
        json.WriteBoolean("weighted", result.Weighted);
        json.WriteBoolean("unweighted", EvaluationMerge.UnweightedOnPurpose(partials));
        Manifest.Optional(json, "cluster", plan.ClusterColumn);
        Manifest.Optional(json, "strata", plan.StrataColumn);
        json.WriteString("design", Manifest.Design(plan.Clustered, plan.Stratified));
        json.WriteNumber("min_cell", plan.MinCell);
        json.WriteString("ci", plan.Ci == Estimation.IntervalMethod.Normal ? "normal" : "t");
        json.WriteString("df", SettingWords.Df(plan.Df));
        json.WriteString("fdr", SettingWords.Fdr(plan.Fdr));
        json.WriteString("lang", language);
        Manifest.Strings(json, "formats", Manifest.Formats(settings.Formats));
        json.WriteBoolean("indicators", plan.Measures.Count > 1 + plan.Scheme.Dimensions.Count);
        json.WriteBoolean("report", settings.Report);
        json.WriteString("partial_panel", Partials.PartialDescriptor.PanelName(first.Panel));
        json.WriteBoolean("disjoint_inputs", settings.DisjointInputs);
        json.WriteBoolean("require_signature", settings.RequireSignature);
        json.WriteEndObject();

        json.WriteNumber("rows_read", result.RowsRead);
        json.WriteNumber("rows_scored", result.RowsScored);
        json.WriteNumber("rows_rejected", result.RowsRejected);
        json.WriteNumber("rows_outside_period", result.RowsOutsidePeriod);
        json.WriteStartObject("rejects_by_reason");
        foreach (var (reason, count) in result.RejectsByReason) json.WriteNumber(reason, count);
        json.WriteEndObject();
        json.WriteNumber("panel_returnees", result.PanelReturnees);
        json.WriteNumber("returnees", result.Returnees);
        if (result.RowsScored > 0)
        {
            json.WriteString("first_survey_date", result.FirstSurveyDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("last_survey_date", result.LastSurveyDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        Manifest.Checks(json, result.Checks);
        json.WriteString("insights_note", InsightsNote);
        Manifest.Strings(json, "files", result.Files);

        json.WriteStartObject("run");
        json.WriteString("started_utc", started.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        json.WriteString("date", Surveys.SurveyPeriod.Text(result.Checks.Today));
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
