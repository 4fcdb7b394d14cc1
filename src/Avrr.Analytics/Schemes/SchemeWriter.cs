using System.Text.Json;

namespace Avrr.Analytics.Schemes;

/// <summary>
/// Writes a scheme as a scheme file that <see cref="SchemeReader"/> reads back as the same scheme
/// (docs/methodology.md, "Official weights: your own scheme file"), with other weights where given: the
/// audit's data-derived weights are written this way (docs/audit.md, "Derived weights"). Labels are
/// written in the scheme's language order; numbers in their shortest exact form.
/// </summary>
public static class SchemeWriter
{
    /// <summary>What to change when writing a scheme; a null weight list keeps the scheme's own.</summary>
    public sealed record Changes
    {
        public string? Id { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        /// <summary>A note for the people who keep the file (its <c>$comment</c>), such as how its weights were made.</summary>
        public string? Comment { get; init; }
        public IReadOnlyList<double>? DimensionWeights { get; init; }
        public IReadOnlyList<double>? IndicatorWeights { get; init; }
        public IReadOnlyList<double>? CompositeWeights { get; init; }
    }

    public static byte[] ToJson(Scheme scheme, Changes? changes = null)
    {
        changes ??= new Changes();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("id", changes.Id ?? scheme.Id);
            json.WriteString("name", changes.Name ?? scheme.Name);
            // A new name (derived weights) has no labels of its own: the old ones would name another scheme.
            if (changes.Name is null && scheme.Titles.Count > 0)
            {
                json.WriteStartObject("labels");
                foreach (var (language, title) in scheme.Titles) json.WriteString(language, title);
                json.WriteEndObject();
            }
            if ((changes.Description ?? scheme.Description) is { } description) json.WriteString("description", description);
            if (changes.Comment is not null) json.WriteString("$comment", changes.Comment);
            json.WriteStartArray("languages");
            foreach (var language in scheme.Languages) json.WriteStringValue(language);
            json.WriteEndArray();
            WriteOptions(json, scheme.Options);
            json.WriteStartArray("missingAnswers");
            foreach (var special in scheme.SpecialAnswers)
            {
                json.WriteStartObject();
                json.WriteString("code", special.Code);
                Labels(json, "labels", special.Labels, scheme);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("scales");
            foreach (var scale in scheme.Scales) WriteScale(json, scale, scheme);
            json.WriteEndArray();
            json.WriteStartArray("dimensions");
            var i = 0;
            for (var d = 0; d < scheme.Dimensions.Count; d++)
            {
                var dimension = scheme.Dimensions[d];
                json.WriteStartObject();
                json.WriteString("id", dimension.Id);
                json.WriteNumber("weight", changes.DimensionWeights?[d] ?? dimension.Weight.Value);
                Labels(json, "labels", dimension.Labels, scheme);
                json.WriteStartArray("indicators");
                foreach (var indicator in dimension.Indicators)
                {
                    json.WriteStartObject();
                    json.WriteString("id", indicator.Id);
                    json.WriteNumber("weight", changes.IndicatorWeights?[i] ?? indicator.Weight.Value);
                    if ((changes.CompositeWeights?[i] ?? indicator.CompositeWeight?.Value) is double composite) json.WriteNumber("compositeWeight", composite);
                    Labels(json, "labels", indicator.Labels, scheme);
                    json.WriteStartArray("questions");
                    foreach (var question in indicator.Questions)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", question.Id);
                        json.WriteString("scale", question.Scale.Id);
                        json.WriteNumber("weight", question.Weight.Value);
                        Labels(json, "text", question.Text, scheme);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                    i++;
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteOptions(Utf8JsonWriter json, SchemeOptions options)
    {
        json.WriteStartObject("options");
        json.WriteNumber("minDimensionCoverage", options.MinDimensionCoverage);
        json.WriteString("compositeRequires", options.CompositeRequires == CompositeRequirement.All ? "all" : "coverage");
        json.WriteNumber("minCompositeCoverage", options.MinCompositeCoverage);
        json.WriteString("compositeFrom", options.CompositeFrom == CompositeSource.Indicators ? "indicators" : "dimensions");
        json.WriteStartObject("bands");
        json.WriteNumber("medium", options.Bands.Medium);
        json.WriteNumber("high", options.Bands.High);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteScale(Utf8JsonWriter json, Scale scale, Scheme scheme)
    {
        json.WriteStartObject();
        json.WriteString("id", scale.Id);
        if (scale.Description is not null) json.WriteString("description", scale.Description);
        if (scale.CountMax is int max)
        {
            json.WriteStartObject("count");
            json.WriteNumber("max", max);
            json.WriteEndObject();
        }
        else
        {
            json.WriteStartArray("choices");
            foreach (var choice in scale.Choices)
            {
                json.WriteStartObject();
                json.WriteString("code", choice.Code);
                json.WriteNumber("score", choice.Score);
                Labels(json, "labels", choice.Labels, scheme);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void Labels(Utf8JsonWriter json, string key, IReadOnlyDictionary<string, string> labels, Scheme scheme)
    {
        if (labels.Count == 0) return;
        json.WriteStartObject(key);
        foreach (var language in scheme.Languages)
            if (labels.TryGetValue(language, out var label)) json.WriteString(language, label);
        json.WriteEndObject();
    }
}
