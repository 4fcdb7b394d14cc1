using System.Globalization;
using System.Text.Json;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Schemes;

/// <summary>
/// Reads a scheme from its JSON file and checks it. Every problem is collected, each naming the node it
/// is in (<c>dimension 'economic' › indicator 'debt': weight must be …</c>), and reported together in
/// one <see cref="SchemeException"/>, so that a user fixes a file in one go.
/// </summary>
public static class SchemeReader
{
    public static Scheme Load(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SchemeException(path, [$"the file cannot be read: {e.Message}"]);
        }
        return Parse(bytes, path);
    }

    public static Scheme Parse(byte[] json, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SchemeException(origin, [$"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message}"]);
        }
        using (document)
        {
            var reader = new Reader(origin);
            var scheme = reader.ReadScheme(document.RootElement, json);
            if (reader.Problems.Count > 0 || scheme is null) throw new SchemeException(origin, reader.Problems);
            return scheme;
        }
    }

    private sealed class Reader(string origin)
    {
        public List<string> Problems { get; } = [];

        private const int MaxChoices = 250;

        private static readonly string[] RootKeys = ["id", "name", "labels", "description", "languages", "options", "missingAnswers", "scales", "dimensions"];
        private static readonly string[] OptionKeys = ["minDimensionCoverage", "compositeRequires", "minCompositeCoverage", "compositeFrom", "bands"];
        private static readonly string[] BandKeys = ["medium", "high"];
        private static readonly string[] ScaleKeys = ["id", "description", "choices", "count"];
        private static readonly string[] ChoiceKeys = ["code", "score", "labels"];
        private static readonly string[] SpecialKeys = ["code", "labels"];
        private static readonly string[] DimensionKeys = ["id", "weight", "labels", "description", "indicators"];
        private static readonly string[] IndicatorKeys = ["id", "weight", "compositeWeight", "labels", "description", "questions"];
        private static readonly string[] QuestionKeys = ["id", "scale", "weight", "text"];

        private List<string> _languages = ["en"];

        private void Problem(string node, string message) => Problems.Add(node.Length == 0 ? message : $"{node}: {message}");

        public Scheme? ReadScheme(JsonElement root, byte[] bytes)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem("", "the file must hold a JSON object with id, scales and dimensions");
                return null;
            }
            CheckKeys(root, "scheme", RootKeys);
            var id = RequiredString(root, "id", "scheme") ?? "?";
            var name = OptionalString(root, "name", "scheme") ?? id;
            var description = OptionalString(root, "description", "scheme");
            _languages = ReadLanguages(root);
            var titles = Labels(root, "labels", "scheme");
            var options = ReadOptions(root);
            var specials = ReadSpecialAnswers(root);
            var scales = ReadScales(root, specials);
            var dimensions = ReadDimensions(root, scales, options);
            CheckSpread("scheme", "dimensions", dimensions.Select(d => d.Weight));
            if (options.CompositeFrom == CompositeSource.Indicators)
                CheckSpread("scheme", "indicators' compositeWeight", dimensions.SelectMany(d => d.Indicators).Select(i => i.CompositeWeight ?? i.Weight));
            if (Problems.Count > 0) return null;
            return new Scheme(id, name, description, _languages, options, specials, scales.Values.ToArray(), dimensions, origin, bytes) { Titles = titles };
        }

        private List<string> ReadLanguages(JsonElement root)
        {
            if (!root.TryGetProperty("languages", out var element)) return ["en"];
            var languages = new List<string>();
            if (element.ValueKind != JsonValueKind.Array) { Problem("scheme", "languages must be a list such as [\"en\", \"fr\"]"); return ["en"]; }
            foreach (var item in element.EnumerateArray())
            {
                var lang = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : "";
                if (lang.Length == 0) Problem("scheme", "languages must hold non-empty language codes");
                else if (languages.Contains(lang)) Problem("scheme", $"language '{lang}' is listed twice");
                else languages.Add(lang);
            }
            if (languages.Count == 0) { Problem("scheme", "languages must name at least one language"); return ["en"]; }
            return languages;
        }

        private SchemeOptions ReadOptions(JsonElement root)
        {
            var options = SchemeOptions.Default;
            if (!root.TryGetProperty("options", out var element)) return options;
            const string node = "options";
            if (element.ValueKind != JsonValueKind.Object) { Problem(node, "must be an object"); return options; }
            CheckKeys(element, node, OptionKeys);
            if (element.TryGetProperty("minDimensionCoverage", out var mdc))
                options = options with { MinDimensionCoverage = Share(mdc, node, "minDimensionCoverage", options.MinDimensionCoverage) };
            if (element.TryGetProperty("minCompositeCoverage", out var mcc))
                options = options with { MinCompositeCoverage = Share(mcc, node, "minCompositeCoverage", options.MinCompositeCoverage) };
            if (element.TryGetProperty("compositeRequires", out var cr))
                options = options with { CompositeRequires = EnumValue(cr, node, "compositeRequires", ("all", CompositeRequirement.All), ("coverage", CompositeRequirement.Coverage)) };
            if (element.TryGetProperty("compositeFrom", out var cf))
                options = options with { CompositeFrom = EnumValue(cf, node, "compositeFrom", ("dimensions", CompositeSource.Dimensions), ("indicators", CompositeSource.Indicators)) };
            if (element.TryGetProperty("bands", out var bands))
            {
                if (bands.ValueKind != JsonValueKind.Object) Problem(node, "bands must be an object such as {\"medium\": 0.33, \"high\": 0.66}");
                else
                {
                    CheckKeys(bands, "options › bands", BandKeys);
                    var medium = bands.TryGetProperty("medium", out var m) ? Number(m, "options › bands", "medium") : BandCuts.Default.Medium;
                    var high = bands.TryGetProperty("high", out var h) ? Number(h, "options › bands", "high") : BandCuts.Default.High;
                    if (medium is double lo && high is double hi)
                    {
                        if (!(lo > 0 && lo < hi && hi <= 1))
                            Problem("options › bands", $"cut points must satisfy 0 < medium < high ≤ 1, got medium {Show(lo)} and high {Show(hi)}");
                        else options = options with { Bands = new BandCuts(lo, hi) };
                    }
                }
            }
            return options;
        }

        private double Share(JsonElement element, string node, string key, double fallback)
        {
            var value = Number(element, node, key);
            if (value is null) return fallback;
            if (!(value > 0 && value <= 1)) { Problem(node, $"{key} must be a share in (0, 1], got {Show(value.Value)}"); return fallback; }
            return value.Value;
        }

        private T EnumValue<T>(JsonElement element, string node, string key, params (string Name, T Value)[] allowed) where T : struct
        {
            var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
            foreach (var (name, value) in allowed)
                if (string.Equals(text, name, StringComparison.Ordinal)) return value;
            Problem(node, $"{key} must be one of {string.Join(", ", allowed.Select(a => a.Name))}, got {element.GetRawText()}");
            return allowed[0].Value;
        }

        private List<SpecialAnswer> ReadSpecialAnswers(JsonElement root)
        {
            if (!root.TryGetProperty("missingAnswers", out var element)) return DefaultSpecialAnswers();
            var result = new List<SpecialAnswer>();
            if (element.ValueKind != JsonValueKind.Array) { Problem("missingAnswers", "must be a list of {code, labels}"); return result; }
            foreach (var item in element.EnumerateArray())
            {
                var node = $"missing answer #{result.Count + 1}";
                if (item.ValueKind != JsonValueKind.Object) { Problem(node, "must be an object with code and labels"); continue; }
                CheckKeys(item, node, SpecialKeys);
                var code = RequiredString(item, "code", node);
                if (code is null) continue;
                node = $"missing answer '{code}'";
                result.Add(new SpecialAnswer(code, Labels(item, "labels", node)));
            }
            return result;
        }

        /// <summary>The special answers of docs/instrument.md, for a scheme file that does not list its own.</summary>
        private static List<SpecialAnswer> DefaultSpecialAnswers() =>
        [
            new("dk", new Dictionary<string, string> { ["en"] = "Don't know", ["fr"] = "Ne sait pas" }),
            new("refused", new Dictionary<string, string> { ["en"] = "Refused to answer", ["fr"] = "Refuse de répondre" }),
            new("na", new Dictionary<string, string> { ["en"] = "Not applicable", ["fr"] = "Non applicable" }),
        ];

        private Dictionary<string, Scale> ReadScales(JsonElement root, List<SpecialAnswer> specials)
        {
            var scales = new Dictionary<string, Scale>(StringComparer.Ordinal);
            if (!root.TryGetProperty("scales", out var element) || element.ValueKind != JsonValueKind.Array)
            {
                Problem("scheme", "scales must be a list of answer scales");
                return scales;
            }
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                index++;
                var node = $"scale #{index}";
                if (item.ValueKind != JsonValueKind.Object) { Problem(node, "must be an object"); continue; }
                var id = RequiredString(item, "id", node);
                CheckKeys(item, id is null ? node : $"scale '{id}'", ScaleKeys);
                if (id is null) continue;
                node = $"scale '{id}'";
                var description = OptionalString(item, "description", node);
                Scale? scale = null;
                var hasChoices = item.TryGetProperty("choices", out var choicesElement);
                var hasCount = item.TryGetProperty("count", out var countElement);
                if (hasChoices == hasCount) { Problem(node, "must have either choices or count, not both or neither"); continue; }
                if (hasCount) scale = ReadCountScale(id, description, countElement, node);
                else scale = ReadChoiceScale(id, description, choicesElement, node, specials);
                if (scale is null) continue;
                if (!scales.TryAdd(id, scale)) Problem(node, "duplicate scale id");
            }
            return scales;
        }

        private Scale? ReadCountScale(string id, string? description, JsonElement count, string node)
        {
            if (count.ValueKind != JsonValueKind.Object || !count.TryGetProperty("max", out var maxElement)
                || !maxElement.TryGetInt32(out var max) || max < 1 || max > 100)   // choices 0..max, well under the byte limit
            {
                Problem(node, "count must be {\"max\": n} with a whole number n from 1 to 100");
                return null;
            }
            CheckKeys(count, node + " › count", ["max"]);
            return Scale.OfCount(id, max, description);
        }

        private Scale? ReadChoiceScale(string id, string? description, JsonElement choicesElement, string node, List<SpecialAnswer> specials)
        {
            if (choicesElement.ValueKind != JsonValueKind.Array || choicesElement.GetArrayLength() == 0)
            {
                Problem(node, "choices must be a non-empty list of {code, score, labels}");
                return null;
            }
            var choices = new List<ScaleChoice>();
            // Every code and label of the scale, normalised as answers are matched, must mean one thing only.
            var meanings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var special in specials)
            {
                meanings.TryAdd(AnswerText.Normalize(special.Code), $"missing answer '{special.Code}'");
                foreach (var label in special.Labels.Values) meanings.TryAdd(AnswerText.Normalize(label), $"missing answer '{special.Code}'");
            }
            var codes = new HashSet<string>(StringComparer.Ordinal);
            var position = 0;
            foreach (var item in choicesElement.EnumerateArray())
            {
                position++;
                var choiceNode = $"{node} › choice #{position}";
                if (item.ValueKind != JsonValueKind.Object) { Problem(choiceNode, "must be an object with code, score and labels"); continue; }
                var code = RequiredString(item, "code", choiceNode);
                CheckKeys(item, code is null ? choiceNode : $"{node} › choice '{code}'", ChoiceKeys);
                if (code is null) continue;
                choiceNode = $"{node} › choice '{code}'";
                // The same code twice is not caught below: a code may repeat within its own choice (as a label).
                if (!codes.Add(code)) { Problem(choiceNode, "duplicate choice code"); continue; }
                var score = item.TryGetProperty("score", out var scoreElement) ? Number(scoreElement, choiceNode, "score") : null;
                if (score is null) { if (!item.TryGetProperty("score", out _)) Problem(choiceNode, "score is missing"); continue; }
                if (!(score >= 0 && score <= 1)) { Problem(choiceNode, $"score must lie in 0..1, got {Show(score.Value)}"); continue; }
                var labels = Labels(item, "labels", choiceNode);
                var self = $"choice '{code}'";
                foreach (var text in labels.Values.Prepend(code))
                {
                    var key = AnswerText.Normalize(text);
                    if (meanings.TryGetValue(key, out var other) && other != self)
                        Problem(choiceNode, $"'{text}' already means {other} of this scale: an answer must mean one thing");
                    else meanings[key] = self;
                }
                choices.Add(new ScaleChoice(code, score.Value, labels));
            }
            // Decoded answers are bytes, with the top values meaning missing and invalid.
            if (choices.Count > MaxChoices) { Problem(node, $"has {choices.Count} choices; a scale has at most {MaxChoices}"); return null; }
            return choices.Count == 0 ? null : Scale.OfChoices(id, choices, description);
        }

        private List<Dimension> ReadDimensions(JsonElement root, Dictionary<string, Scale> scales, SchemeOptions options)
        {
            var dimensions = new List<Dimension>();
            if (!root.TryGetProperty("dimensions", out var element) || element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
            {
                Problem("scheme", "dimensions must be a non-empty list");
                return dimensions;
            }
            var dimensionIds = new HashSet<string>(StringComparer.Ordinal);
            var indicatorIds = new HashSet<string>(StringComparer.Ordinal);
            var questionIds = new HashSet<string>(StringComparer.Ordinal);
            var position = 0;
            foreach (var item in element.EnumerateArray())
            {
                position++;
                var node = $"dimension #{position}";
                if (item.ValueKind != JsonValueKind.Object) { Problem(node, "must be an object"); continue; }
                var id = Identifier(item, node);
                CheckKeys(item, id is null ? node : $"dimension '{id}'", DimensionKeys);
                if (id is null) continue;
                node = $"dimension '{id}'";
                if (!dimensionIds.Add(id)) Problem(node, "duplicate dimension id");
                var weight = Weight(item, "weight", node) ?? SchemeWeight.One;
                var labels = Labels(item, "labels", node);
                var indicators = ReadIndicators(item, node, scales, options, indicatorIds, questionIds);
                CheckSpread(node, "indicators", indicators.Select(i => i.Weight));
                dimensions.Add(new Dimension(id, weight, labels, indicators));
            }
            return dimensions;
        }

        private List<Indicator> ReadIndicators(JsonElement dimension, string dimensionNode, Dictionary<string, Scale> scales,
            SchemeOptions options, HashSet<string> indicatorIds, HashSet<string> questionIds)
        {
            var indicators = new List<Indicator>();
            if (!dimension.TryGetProperty("indicators", out var element) || element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
            {
                Problem(dimensionNode, "is empty: it needs at least one indicator");
                return indicators;
            }
            var position = 0;
            foreach (var item in element.EnumerateArray())
            {
                position++;
                var node = $"{dimensionNode} › indicator #{position}";
                if (item.ValueKind != JsonValueKind.Object) { Problem(node, "must be an object"); continue; }
                var id = Identifier(item, node);
                CheckKeys(item, id is null ? node : $"{dimensionNode} › indicator '{id}'", IndicatorKeys);
                if (id is null) continue;
                node = $"{dimensionNode} › indicator '{id}'";
                if (!indicatorIds.Add(id)) Problem(node, "duplicate indicator id");
                var weight = Weight(item, "weight", node) ?? SchemeWeight.One;
                SchemeWeight? compositeWeight = item.TryGetProperty("compositeWeight", out _) ? Weight(item, "compositeWeight", node) : null;
                if (compositeWeight is null && options.CompositeFrom == CompositeSource.Indicators && !item.TryGetProperty("compositeWeight", out _))
                    Problem(node, "compositeWeight is required when options.compositeFrom is indicators");
                var labels = Labels(item, "labels", node);
                var questions = ReadQuestions(item, node, scales, questionIds);
                CheckSpread(node, "questions", questions.Select(q => q.Weight));
                indicators.Add(new Indicator(id, weight, compositeWeight, labels, questions));
            }
            return indicators;
        }

        private List<Question> ReadQuestions(JsonElement indicator, string indicatorNode, Dictionary<string, Scale> scales, HashSet<string> questionIds)
        {
            var questions = new List<Question>();
            if (!indicator.TryGetProperty("questions", out var element) || element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
            {
                Problem(indicatorNode, "is empty: it needs at least one question");
                return questions;
            }
            var position = 0;
            foreach (var item in element.EnumerateArray())
            {
                position++;
                var node = $"{indicatorNode} › question #{position}";
                if (item.ValueKind != JsonValueKind.Object) { Problem(node, "must be an object"); continue; }
                var id = Identifier(item, node);
                CheckKeys(item, id is null ? node : $"{indicatorNode} › question '{id}'", QuestionKeys);
                if (id is null) continue;
                node = $"{indicatorNode} › question '{id}'";
                if (!questionIds.Add(id)) Problem(node, "duplicate question id");
                if (SurveyColumns.IsRecordColumn(id)) Problem(node, $"'{id}' is a record column of every export, not a question id");
                var weight = Weight(item, "weight", node) ?? SchemeWeight.One;
                var scaleId = RequiredString(item, "scale", node);
                var text = Labels(item, "text", node);
                if (scaleId is null) continue;
                if (!scales.TryGetValue(scaleId, out var scale))
                {
                    Problem(node, $"unknown scale '{scaleId}' (known: {string.Join(", ", scales.Keys)})");
                    continue;
                }
                questions.Add(new Question(id, scale, weight, text));
            }
            return questions;
        }

        /// <summary>
        /// Sibling weights are used relative to the largest (<see cref="SchemeWeight.Relative"/>); a smaller one more
        /// than <see cref="SchemeWeight.MaxSiblingRatio"/> times smaller would count as 0, so the scheme is refused.
        /// </summary>
        private void CheckSpread(string node, string siblings, IEnumerable<SchemeWeight> weights)
        {
            var values = weights.Select(w => w.Value).ToArray();
            if (values.Length < 2) return;
            double max = values.Max(), min = values.Min();
            if (max / min > SchemeWeight.MaxSiblingRatio)
                Problem(node, string.Create(CultureInfo.InvariantCulture,
                    $"the weights of its {siblings} range from {min:R} to {max:R}: only their ratios matter, and a ratio above {SchemeWeight.MaxSiblingRatio:0e0} cannot be computed (the smaller weights would count as 0); rescale them"));
        }

        // ---- small readers that report problems with the node they are in ----

        private void CheckKeys(JsonElement element, string node, string[] allowed)
        {
            foreach (var property in element.EnumerateObject())
                if (!allowed.Contains(property.Name) && !property.Name.StartsWith('$'))
                    Problem(node, $"unknown {(node == "options" || node.StartsWith("options ›") ? "option" : "property")} '{property.Name}' (allowed: {string.Join(", ", allowed)})");
        }

        private string? RequiredString(JsonElement element, string key, string node)
        {
            if (element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0)
                return value.GetString()!.Trim();
            Problem(node, $"{key} is missing or empty");
            return null;
        }

        private string? OptionalString(JsonElement element, string key, string node)
        {
            if (!element.TryGetProperty(key, out var value)) return null;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            Problem(node, $"{key} must be text");
            return null;
        }

        /// <summary>Node ids become column names of the outputs, so they are kept to lower-case letters, digits and _.</summary>
        private string? Identifier(JsonElement element, string node)
        {
            var id = RequiredString(element, "id", node);
            if (id is null) return null;
            var ok = id[0] is >= 'a' and <= 'z' && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_');
            if (!ok) { Problem($"{node} ('{id}')", "an id must start with a lower-case letter and hold only a-z, 0-9 and _"); return null; }
            return id;
        }

        private SchemeWeight? Weight(JsonElement element, string key, string node)
        {
            if (!element.TryGetProperty(key, out var value)) return null;
            var number = Number(value, node, key);
            if (number is null) return null;
            if (!SchemeWeight.IsValid(number.Value)) { Problem(node, $"{key} must be a positive, finite number, got {value.GetRawText()}"); return null; }
            return new SchemeWeight(number.Value);
        }

        private double? Number(JsonElement value, string node, string key)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
            Problem(node, $"{key} must be a finite number, got {value.GetRawText()}");
            return null;
        }

        private Dictionary<string, string> Labels(JsonElement element, string key, string node)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!element.TryGetProperty(key, out var value)) return labels;
            if (value.ValueKind != JsonValueKind.Object) { Problem(node, $"{key} must be an object of texts by language, such as {{\"en\": \"…\", \"fr\": \"…\"}}"); return labels; }
            foreach (var property in value.EnumerateObject())
            {
                if (!_languages.Contains(property.Name))
                    Problem(node, $"{key} has language '{property.Name}', which the scheme does not list in languages ({string.Join(", ", _languages)})");
                else if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString()!.Trim().Length == 0)
                    Problem(node, $"{key}.{property.Name} must be non-empty text");
                else labels[property.Name] = property.Value.GetString()!;
            }
            return labels;
        }

        private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
