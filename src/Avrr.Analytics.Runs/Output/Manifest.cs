using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;

namespace Avrr.Analytics.Runs.Output;

/// <summary>
/// manifest.json: what produced the results and from what, so a number can be traced and the run
/// repeated (docs/outputs.md). Written last: it lists every file of the result, itself included, which is
/// what marks the folder as the runner's own (<see cref="OutputFolder"/>). Only the "run" object (start time, seconds) changes between identical runs.
/// </summary>
internal static class Manifest
{
    public static string EngineVersion =>
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The calibration of a calibrated run (docs/outputs.md, "manifest.json"): method, bounds, margins with their SHA-256, the weights' design effect.</summary>
    private static void Calibration(Utf8JsonWriter json, Analytics.Calibration.CalibratedWeights calibration, RunSettings settings)
    {
        json.WriteStartObject("calibration");
        json.WriteString("method", SettingWords.Calibration(calibration.Method));
        if (settings.CalibrateBounds is { } bounds)
        {
            json.WriteStartArray("bounds");
            json.WriteNumberValue(bounds.Lower);
            json.WriteNumberValue(bounds.Upper);
            json.WriteEndArray();
        }
        else json.WriteNull("bounds");
        json.WriteNumber("max_iterations", settings.CalibrateIterations);
        json.WriteNumber("iterations", calibration.Iterations);
        json.WriteStartArray("margins");
        for (var m = 0; m < calibration.Margins.Count; m++)
        {
            var margin = calibration.Margins[m];
            json.WriteStartObject();
            json.WriteString("path", settings.Calibrate[m]);
            json.WriteString("sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(settings.Calibrate[m]))));
            Strings(json, "variables", margin.Variables);
            json.WriteNumber("levels", margin.Levels.Count);
            json.WriteNumber("population_total", margin.Total);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("weights_design_effect_before", calibration.DesignEffectBefore);
        json.WriteNumber("weights_design_effect_after", calibration.DesignEffectAfter);
        json.WriteEndObject();
    }

    public static void Write(string path, RunPlan plan, RunResult result, Analytics.Audit.AuditResult? audit, DateTimeOffset started)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var settings = plan.Settings;
        var scheme = plan.Scheme;
        json.WriteStartObject();
        json.WriteStartObject("engine");
        json.WriteString("name", "avrr");
        json.WriteString("version", EngineVersion);
        json.WriteEndObject();

        json.WriteStartObject("scheme");
        json.WriteString("id", scheme.Id);
        json.WriteString("name", scheme.Name);
        json.WriteString("origin", scheme.Origin);
        json.WriteString("sha256", scheme.Sha256);
        json.WriteBoolean("equal_weights", scheme.HasEqualWeights);
        json.WriteString("weights", WeightsNote(scheme));
        json.WriteEndObject();

        json.WriteStartArray("inputs");
        foreach (var input in result.Inputs)
        {
            json.WriteStartObject();
            InputCounts(json, input);
            Strings(json, "attributes", input.Attributes);
            Strings(json, "ignored_columns", input.IgnoredColumns);
            Strings(json, "personal_data_columns_dropped", input.PersonalDataColumns);
            Strings(json, "select_multiple_options_ignored", input.SelectMultipleOptions);
            Strings(json, "attributes_under_full_path", input.FullPathAttributes);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // The files of the input folders that are not exports, left unread (docs/inputs.md, "Folders").
        json.WriteStartArray("inputs_skipped");
        foreach (var skipped in plan.SkippedInputs)
        {
            json.WriteStartObject();
            json.WriteString("path", skipped.Path);
            json.WriteString("reason", skipped.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("settings");
        json.WriteString("out", settings.OutputFolder);
        Strings(json, "levels", result.Levels);
        Optional(json, "weight", settings.WeightColumn ?? "weight");
        // Whether the estimates are weighted: a column of weights was read; unweighted on purpose (--unweighted, "weight": null) or not.
        json.WriteBoolean("weighted", plan.Weighted);
        json.WriteBoolean("unweighted", settings.Unweighted);
        Optional(json, "cluster", settings.ClusterColumn);
        Optional(json, "strata", settings.StrataColumn);
        json.WriteString("design", Design(plan.Layout.ClusterColumn >= 0, plan.Layout.StrataColumn >= 0));
        json.WriteNumber("min_cell", settings.MinCell);
        json.WriteString("ci", settings.Ci == Estimation.IntervalMethod.Normal ? "normal" : "t");
        json.WriteString("df", SettingWords.Df(settings.Df));
        json.WriteString("fdr", SettingWords.Fdr(settings.Fdr));
        json.WriteString("lang", settings.Language);
        Strings(json, "formats", Formats(settings.Formats));
        json.WriteString("date_format", settings.DateFormat ?? "ISO 8601 (yyyy-MM-dd)");
        Optional(json, "sheet", settings.Sheet);
        json.WriteBoolean("indicators", settings.Indicators);
        json.WriteNumber("max_rejected_share", settings.MaxRejectedShare);
        json.WriteBoolean("report", settings.Report);
        json.WriteBoolean("insights", settings.Insights);
        json.WriteNumber("insights_seed", settings.InsightsSeed);
        json.WriteNumber("insights_sample", settings.InsightsSample);
        if (plan.DriverTerms is null) json.WriteNull("driver_terms");
        else Strings(json, "driver_terms", plan.DriverTerms);
        json.WriteBoolean("audit", settings.Audit);
        json.WriteNumber("audit_samples", settings.AuditSamples);
        json.WriteNumber("audit_seed", settings.AuditSeed);
        json.WriteString("audit_level", settings.AuditLevel.Name);
        json.WriteStartObject("columns");
        foreach (var (id, header) in settings.ColumnMapping.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(id, header);
        json.WriteEndObject();
        if (settings.Period is { } period)
        {
            json.WriteStartObject("period");
            Optional(json, "from", period.From is { } from ? Surveys.SurveyPeriod.Text(from) : null);
            Optional(json, "to", period.To is { } to ? Surveys.SurveyPeriod.Text(to) : null);
            json.WriteEndObject();
        }
        else json.WriteNull("period");
        json.WriteString("keep", settings.Keep == Surveys.DuplicatePolicy.KeepLast ? "last" : "first");
        json.WriteStartObject("recode");
        foreach (var (column, values) in (plan.Recode?.Table ?? new Dictionary<string, IReadOnlyDictionary<string, string>>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject(column);
            foreach (var (from, to) in values.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(from, to);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteNumber("short_interview_minutes", settings.ShortInterviewMinutes);
        Optional(json, "partial_out", settings.PartialOut);
        Optional(json, "partial_panel", settings.PartialOut is null ? null : Partials.PartialDescriptor.PanelName(settings.PartialPanel));
        Strings(json, "partition_by", plan.PartitionColumns);
        json.WriteEndObject();

        if (result.Calibration is { } calibration) Calibration(json, calibration, settings);

        json.WriteNumber("rows_read", result.RowsRead);
        json.WriteNumber("rows_scored", result.RowsScored);
        json.WriteNumber("rows_rejected", result.RowsRejected);
        json.WriteNumber("rows_outside_period", result.RowsOutsidePeriod);
        json.WriteStartObject("rejects_by_reason");
        foreach (var (reason, count) in result.RejectsByReason) json.WriteNumber(reason, count);
        json.WriteEndObject();
        json.WriteNumber("panel_returnees", result.PanelReturnees);
        json.WriteNumber("returnees", result.Returnees);
        json.WriteString("first_survey_date", result.FirstSurveyDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("last_survey_date", result.LastSurveyDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Checks(json, result.Checks, warnings: true);
        if (result.Insights is { } insights)
        {
            json.WriteStartObject("insights");
            json.WriteNumber("sample_returnees", insights.SampleReturnees);
            json.WriteNumber("sample_surveys", insights.SampleSurveys);
            json.WriteNumber("returnees", insights.Returnees);
            json.WriteNumber("seed", insights.Seed);
            json.WriteNumber("profiles", insights.Profiles);
            json.WriteBoolean("early_warning", insights.EarlyWarning);
            json.WriteNumber("early_warning_returnees", insights.EarlyWarningReturnees);
            Strings(json, "driver_terms", insights.Terms);
            Strings(json, "notes", insights.Notes);
            json.WriteEndObject();
        }
        if (audit is not null)
        {
            // How the audit was run, as audit/notes says it: what was kept, subsampled or skipped, and why.
            json.WriteStartObject("audit");
            foreach (var note in audit.Notes) json.WriteString(note.Key, note.Value);
            json.WriteEndObject();
        }
        Strings(json, "files", result.Files);

        json.WriteStartObject("run");
        json.WriteString("started_utc", started.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        // The date survey dates are checked against (checks.survey_dates_after_run_date): it changes with the day, like the rest of "run".
        json.WriteString("date", Surveys.SurveyPeriod.Text(result.Checks.Today));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>What the checks noticed; counts only, so that the manifest carries no survey's answers.</summary>
    /// <summary>The manifest's words for a design.</summary>
    internal static string Design(bool clustered, bool stratified) => clustered || stratified
        ? "weights" + (stratified ? " + strata" : "") + (clustered ? " + clusters" : "") + "; a stratum with one PSU contributes its PSU total's square (R survey.lonely.psu = \"adjust\")"
        : "weights only; every survey is its own PSU";

    internal static void Checks(Utf8JsonWriter json, FieldChecks checks, bool warnings = false)
    {
        json.WriteStartObject("checks");
        json.WriteNumber("survey_dates_after_run_date", checks.FutureDates);
        json.WriteStartObject("invalid_dates");
        json.WriteNumber("count", checks.InvalidDates);
        Strings(json, "date_formats_that_read_them", checks.DateFormatsThatRead);
        json.WriteEndObject();
        json.WriteStartArray("spelling_variants");
        foreach (var (column, sets) in checks.Spellings)
            foreach (var set in sets)
            {
                json.WriteStartObject();
                json.WriteString("column", column);
                json.WriteStartObject("values");
                foreach (var (value, count) in set) json.WriteNumber(value, count);
                json.WriteEndObject();
                json.WriteEndObject();
            }
        json.WriteEndArray();
        if (checks.Interviews is { } interviews)
        {
            json.WriteStartObject("interviews");
            json.WriteNumber("measured", interviews.Measured);
            if (interviews.Measured > 0) json.WriteNumber("median_minutes", Math.Round(interviews.MedianMinutes, 1));
            json.WriteNumber("short_minutes", interviews.ShortMinutes);
            json.WriteNumber("too_short", interviews.TooShort);
            json.WriteNumber("end_before_start", interviews.EndBeforeStart);
            json.WriteEndObject();
        }
        else json.WriteNull("interviews");
        if (warnings)
        {
            // The run's warnings about its own numbers: weights that look unread, groups unknown for most surveys.
            Strings(json, "weight_like_columns", checks.WeightLikeColumns);
            json.WriteStartArray("mostly_unknown");
            foreach (var (column, unknown, rows) in checks.MostlyUnknown)
            {
                json.WriteStartObject();
                json.WriteString("column", column);
                json.WriteNumber("unknown", unknown);
                json.WriteNumber("surveys", rows);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    public static string WeightsNote(Schemes.Scheme scheme) =>
        scheme.IsBuiltIn ? "built-in equal weights at every level (the official MEASURE weights are not public)"
        : scheme.HasEqualWeights ? $"equal weights at every level, from {scheme.Origin}"
        : $"weights from {scheme.Origin}";

    internal static string[] Formats(OutputFormats formats) =>
        new[] { (OutputFormats.Csv, "csv"), (OutputFormats.Parquet, "parquet") }.Where(f => formats.HasFlag(f.Item1)).Select(f => f.Item2).ToArray();

    /// <summary>An input's file and row counts, as the manifest, a partial's descriptor and a merge's manifest write them.</summary>
    internal static void InputCounts(Utf8JsonWriter json, InputSummary input)
    {
        json.WriteString("path", input.Path);
        json.WriteString("format", input.Format);
        json.WriteString("sha256", input.Sha256);
        json.WriteNumber("rows_read", input.RowsRead);
        json.WriteNumber("rows_scored", input.RowsScored);
        json.WriteNumber("rows_rejected", input.RowsRejected);
        json.WriteNumber("rows_outside_period", input.RowsOutsidePeriod);
        json.WriteNumber("blank_rows_skipped", input.BlankRowsSkipped);
    }

    internal static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    internal static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name); else json.WriteString(name, value);
    }
}
