using System.Text;
using System.Text.Json;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Cli;

/// <summary>
/// The evaluation file of <c>--config</c>: a run's settings as JSON, so that a quarter's evaluation is one
/// file to keep and re-run (docs/commands.md, "The evaluation file"). Relative paths in it are relative to
/// the file's own folder. Every key is optional; a flag on the command line wins over the file.
/// <para>
/// It is read key by key rather than bound to this type, so that a problem names the key and its line in
/// words (never a .NET type), an unknown key gets "did you mean", and every problem is listed at once.
/// </para>
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
    /// <summary>"t" (the default) or "normal".</summary>
    public string? Ci { get; init; }
    /// <summary>"domain" (the default) or "design".</summary>
    public string? Df { get; init; }
    /// <summary>"bh" (the default) or "none".</summary>
    public string? Fdr { get; init; }
    public string? Lang { get; init; }
    public IReadOnlyList<string>? Formats { get; init; }
    public string? DateFormat { get; init; }
    public string? Sheet { get; init; }
    public bool? Indicators { get; init; }
    public IReadOnlyDictionary<string, string>? Columns { get; init; }
    public double? MaxRejectedShare { get; init; }
    public string? Period { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Keep { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Recode { get; init; }
    public double? ShortInterviewMinutes { get; init; }
    /// <summary>Write report.html and results.xlsx (true when left out).</summary>
    public bool? Report { get; init; }
    public string? PartialOut { get; init; }
    /// <summary>"cells" (the default) or "returnees". The salt is never a key: it is a secret (AVRR_PARTIAL_SALT).</summary>
    public string? PartialPanel { get; init; }
    public IReadOnlyList<string>? PartitionBy { get; init; }
    /// <summary>Profiles, drivers and the early warning (docs/insights.md); true when left out.</summary>
    public bool? Insights { get; init; }
    public int? InsightsSeed { get; init; }
    public int? InsightsSample { get; init; }
    public IReadOnlyList<string>? DriverTerms { get; init; }
    public bool? Audit { get; init; }
    public int? AuditSamples { get; init; }
    public int? AuditSeed { get; init; }
    public string? AuditLevel { get; init; }
    /// <summary>The margins' files (<c>--calibrate</c>), relative to the evaluation file.</summary>
    public IReadOnlyList<string>? Calibrate { get; init; }
    public string? CalibrateMethod { get; init; }
    /// <summary>The bounds of the weight ratio as a text, "0.3,3" (<c>--calibrate-bounds</c>).</summary>
    public string? CalibrateBounds { get; init; }
    public int? CalibrateIterations { get; init; }
    /// <summary>The run is unweighted on purpose (<c>"unweighted": true</c>, the same as <c>--unweighted</c>).</summary>
    public bool? Unweighted { get; init; }
    /// <summary>Whether the file says <c>"weight": null</c>: no column of weights, on purpose (as <c>"unweighted": true</c>).</summary>
    public bool WeightIsNull { get; init; }
    /// <summary>The file's problems, when it was loaded to list them with the settings' (<see cref="Load(string, bool)"/>).</summary>
    public IReadOnlyList<Said> Problems { get; init; } = [];

    /// <summary>The largest evaluation file read: settings and a recode table fit in far less; a larger file is refused before it is parsed.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;
    /// <summary>The most entries of the recode table (all columns together), of the column mapping, and of a list.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>The line of each key in the file (by its key, as <see cref="Keys"/> spells it), for messages.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    private enum Kind { Text, Texts, WholeNumber, Number, Flag, Mapping, RecodeTable, Note }

    /// <summary>Every key, as the documentation spells it, and what it holds.</summary>
    public static IReadOnlyList<(string Key, string Kind)> Keys => Known.Select(k => (k.Key, KindWords(k.Kind))).ToArray();

    private static readonly (string Key, Kind Kind)[] Known =
    [
        ("inputs", Kind.Texts), ("out", Kind.Text), ("scheme", Kind.Text), ("levels", Kind.Texts), ("weight", Kind.Text),
        ("cluster", Kind.Text), ("strata", Kind.Text), ("minCell", Kind.WholeNumber), ("ci", Kind.Text), ("df", Kind.Text), ("fdr", Kind.Text), ("lang", Kind.Text), ("formats", Kind.Texts),
        ("dateFormat", Kind.Text), ("sheet", Kind.Text), ("indicators", Kind.Flag), ("report", Kind.Flag), ("columns", Kind.Mapping),
        ("maxRejectedShare", Kind.Number), ("period", Kind.Text), ("from", Kind.Text), ("to", Kind.Text), ("keep", Kind.Text),
        ("recode", Kind.RecodeTable), ("shortInterviewMinutes", Kind.Number), ("partialOut", Kind.Text), ("partialPanel", Kind.Text),
        ("partitionBy", Kind.Texts), ("insights", Kind.Flag), ("insightsSeed", Kind.WholeNumber), ("insightsSample", Kind.WholeNumber),
        ("driverTerms", Kind.Texts), ("audit", Kind.Flag), ("auditSamples", Kind.WholeNumber), ("auditSeed", Kind.WholeNumber),
        ("auditLevel", Kind.Text), ("unweighted", Kind.Flag), ("calibrate", Kind.Texts), ("calibrateMethod", Kind.Text),
        ("calibrateBounds", Kind.Text), ("calibrateIterations", Kind.WholeNumber), ("$comment", Kind.Note),
    ];

    private static string KindWords(Kind kind) => KindWords(kind, UsageText.English);

    private static string KindWords(Kind kind, UsageText t) => kind switch
    {
        Kind.Text => t.KindText,
        Kind.Texts => t.KindTexts,
        Kind.WholeNumber => t.KindWholeNumber,
        Kind.Number => t.KindNumber,
        Kind.Flag => t.KindFlag,
        Kind.Mapping => t.KindMapping,
        Kind.RecodeTable => t.KindRecode,
        _ => "a text",
    };

    public static EvaluationFile Load(string path) => Load(path, deferProblems: false);

    /// <summary>
    /// Reads the file. With <paramref name="deferProblems"/>, the problems of its values are returned in
    /// <see cref="Problems"/> (to be listed with the settings' own) instead of thrown; a file that cannot be
    /// read, is too large or is not JSON is always thrown.
    /// </summary>
    public static EvaluationFile Load(string path, bool deferProblems)
    {
        byte[] bytes;
        try { bytes = ReadBounded(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(Said.Of(c => c.Usage.CannotRead, path, e.Message));
        }
        // Notepad saves UTF-8 with a byte order mark, which a JSON reader takes for a bad first byte.
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        // A value in another encoding (a name saved as Windows-1252) would fail deep inside the reader.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var valid = 0;
            while (System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(valid), out _, out var used) == System.Buffers.OperationStatus.Done) valid += used;
            var line = 1 + bytes.AsSpan(0, valid).Count((byte)'\n');
            throw new UsageException(Said.Of(c => c.Usage.NotUtf8, path, line, valid + 1));
        }
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        JsonDocument document;
        Dictionary<string, int> lines;
        try
        {
            lines = KeyLines(bytes, options);
            document = JsonDocument.Parse(bytes, options);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            throw new UsageException(Said.Of(c => c.Usage.NotJson, path, (e.LineNumber ?? 0) + 1, message.TrimEnd('.')));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException(Said.Of(c => c.Usage.NoObject, path));
            var problems = new List<Said>();
            var file = Read(document.RootElement, lines, problems);
            TooManyEntries(path, document.RootElement);
            if (deferProblems) file = file with { Problems = problems };
            else if (problems.Count == 1) throw new UsageException(Said.Of(c => c.Format(c.Usage.InFile, path, problems[0].In(c))));
            else if (problems.Count > 1)
                throw new UsageException(Said.Of(c => c.Format(c.Console.ConfigProblems, path, problems.Count) + string.Concat(problems.Select(p => "\n  - " + p.In(c)))));
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            string? Resolve(string? p) => p is null || p.Contains('\0') ? p : Path.IsPathRooted(p) ? p : Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(folder, p));
            return file with
            {
                Inputs = file.Inputs?.Select(i => Resolve(i)!).ToArray(),
                Out = Resolve(file.Out),
                Scheme = Resolve(file.Scheme),
                PartialOut = Resolve(file.PartialOut),
                Calibrate = file.Calibrate?.Select(c => Resolve(c)!).ToArray(),
            };
        }
    }

    /// <summary>The file's bytes, refused past <see cref="MaxBytes"/> without reading more (a file of data given by mistake, a device).</summary>
    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                var size = stream.CanSeek ? stream.Length : buffer.Length;
                string Say(Words words) => words.Format(words.ConfigTooLarge, path, size / (1024.0 * 1024.0), MaxBytes / (1024 * 1024));
                throw new UsageException(Say(Words.English)) { French = Say(Words.French) };
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Refuses a table or a list with more than <see cref="MaxEntries"/> entries, which no quarter's settings need.</summary>
    private static void TooManyEntries(string path, JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            var entries = property.Value.ValueKind switch
            {
                JsonValueKind.Array => property.Value.GetArrayLength(),
                JsonValueKind.Object => property.Value.EnumerateObject().Sum(p => 1 + (p.Value.ValueKind == JsonValueKind.Object ? p.Value.EnumerateObject().Count() : 0)),
                _ => 0,
            };
            if (entries <= MaxEntries) continue;
            string Say(Words words) => words.Format(words.ConfigTooManyEntries, path, property.Name, entries, MaxEntries);
            throw new UsageException(Say(Words.English)) { French = Say(Words.French) };
        }
    }

    /// <summary>The line of each top-level key (lower case), from a reader over the bytes (JsonDocument keeps no lines).</summary>
    private static Dictionary<string, int> KeyLines(byte[] bytes, JsonDocumentOptions options)
    {
        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = options.CommentHandling, AllowTrailingCommas = options.AllowTrailingCommas });
        long counted = 0;
        var line = 1;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
            line += bytes.AsSpan((int)counted, (int)(reader.TokenStartIndex - counted)).Count((byte)'\n');
            counted = reader.TokenStartIndex;
            lines.TryAdd(reader.GetString()!, line);
        }
        return lines;
    }

    private static EvaluationFile Read(JsonElement root, Dictionary<string, int> lines, List<Said> problems)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var line = lines.GetValueOrDefault(property.Name, 0);
            var known = Known.FirstOrDefault(k => string.Equals(k.Key, property.Name, StringComparison.OrdinalIgnoreCase));
            if (known.Key is null)
            {
                var nearest = EditDistance.Nearest(property.Name, Known.Select(k => k.Key).Where(k => k != "$comment"));
                problems.Add(nearest is null
                    ? Said.Of(c => c.Usage.NotAKey, line, property.Name, string.Join(", ", Known.Select(k => k.Key)))
                    : Said.Of(c => c.Usage.NotAKeyNear, line, property.Name, nearest));
                continue;
            }
            if (!values.TryAdd(known.Key, property.Value))
            {
                problems.Add(Said.Of(c => c.Usage.KeyTwice, line, known.Key));
                continue;
            }
            keyLines[known.Key] = line;
            var problem = Check(property.Value, known.Kind);
            if (problem is not null) problems.Add(Said.Of(c => c.Format(c.Usage.KeyProblem, line, known.Key, problem.In(c))));
        }
        // A path is given to the file system, which takes no null character (JSON can write one as \u0000).
        foreach (var key in new[] { "inputs", "out", "scheme", "partialOut", "calibrate" })
            if (values.TryGetValue(key, out var path) && (path.ValueKind == JsonValueKind.Array ? path.EnumerateArray() : Enumerable.Repeat(path, 1))
                    .Any(e => e.ValueKind == JsonValueKind.String && e.GetString()!.Contains('\0')))
                problems.Add(Said.Of(c => c.Usage.NullInPath, keyLines[key], key));
        string? Text(string key) => values.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        IReadOnlyList<string>? Texts(string key) => values.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Array && Check(v, Kind.Texts) is null
            ? v.EnumerateArray().Select(e => e.GetString()!).ToArray() : null;
        IReadOnlyDictionary<string, string>? Map(JsonElement v) => v.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        bool Usable(string key, Kind kind, out JsonElement v) => values.TryGetValue(key, out v) && v.ValueKind != JsonValueKind.Null && Check(v, kind) is null;
        return new EvaluationFile
        {
            Inputs = Texts("inputs"), Out = Text("out"), Scheme = Text("scheme"), Levels = Texts("levels"),
            Weight = Text("weight"), Cluster = Text("cluster"), Strata = Text("strata"),
            MinCell = Usable("minCell", Kind.WholeNumber, out var minCell) ? minCell.GetInt32() : null,
            Ci = Text("ci"), Df = Text("df"), Fdr = Text("fdr"), Lang = Text("lang"), Formats = Texts("formats"), DateFormat = Text("dateFormat"), Sheet = Text("sheet"),
            Indicators = Usable("indicators", Kind.Flag, out var indicators) ? indicators.GetBoolean() : null,
            Report = Usable("report", Kind.Flag, out var report) ? report.GetBoolean() : null,
            Columns = Usable("columns", Kind.Mapping, out var columns) ? Map(columns) : null,
            MaxRejectedShare = Usable("maxRejectedShare", Kind.Number, out var share) ? share.GetDouble() : null,
            Period = Text("period"), From = Text("from"), To = Text("to"), Keep = Text("keep"),
            Recode = Usable("recode", Kind.RecodeTable, out var recode)
                ? recode.EnumerateObject().ToDictionary(p => p.Name, p => Map(p.Value)!, StringComparer.Ordinal) : null,
            ShortInterviewMinutes = Usable("shortInterviewMinutes", Kind.Number, out var minutes) ? minutes.GetDouble() : null,
            PartialOut = Text("partialOut"), PartialPanel = Text("partialPanel"), PartitionBy = Texts("partitionBy"),
            Insights = Usable("insights", Kind.Flag, out var insights) ? insights.GetBoolean() : null,
            InsightsSeed = Usable("insightsSeed", Kind.WholeNumber, out var seed) ? seed.GetInt32() : null,
            InsightsSample = Usable("insightsSample", Kind.WholeNumber, out var sample) ? sample.GetInt32() : null,
            DriverTerms = Texts("driverTerms"),
            Audit = Usable("audit", Kind.Flag, out var audit) ? audit.GetBoolean() : null,
            AuditSamples = Usable("auditSamples", Kind.WholeNumber, out var auditSamples) ? auditSamples.GetInt32() : null,
            AuditSeed = Usable("auditSeed", Kind.WholeNumber, out var auditSeed) ? auditSeed.GetInt32() : null,
            AuditLevel = Text("auditLevel"),
            Calibrate = Texts("calibrate"), CalibrateMethod = Text("calibrateMethod"), CalibrateBounds = Text("calibrateBounds"),
            CalibrateIterations = Usable("calibrateIterations", Kind.WholeNumber, out var calibrateIterations) ? calibrateIterations.GetInt32() : null,
            Unweighted = Usable("unweighted", Kind.Flag, out var unweighted) ? unweighted.GetBoolean() : null,
            WeightIsNull = values.TryGetValue("weight", out var weightValue) && weightValue.ValueKind == JsonValueKind.Null,
            Lines = keyLines,
        };
    }

    /// <summary>What is wrong with a value for its kind of key, in words, or null. Null stands for "not set" where a text is wanted.</summary>
    private static Said? Check(JsonElement value, Kind kind)
    {
        var got = Describe(value);
        Said MustBe(Kind k) => Said.Of(c => c.Format(c.Usage.MustBe, KindWords(k, c.Usage), got.In(c)));
        switch (kind)
        {
            case Kind.Text:
                return value.ValueKind is JsonValueKind.String or JsonValueKind.Null ? null : MustBe(kind);
            case Kind.Note:
                return null;
            case Kind.Texts:
                if (value.ValueKind == JsonValueKind.Null) return null;
                if (value.ValueKind != JsonValueKind.Array) return MustBe(kind);
                var items = value.EnumerateArray().ToArray();
                var bad = Array.FindIndex(items, e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()));
                if (bad < 0) return null;
                // Said later, when the document is gone: what it says of the JSON is taken now.
                var item = Describe(items[bad]);
                return Said.Of(c => c.Format(c.Usage.MustBeItem, KindWords(kind, c.Usage), bad + 1, item.In(c)));
            case Kind.WholeNumber:
                if (value.ValueKind == JsonValueKind.Null) return null;
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) ? null
                    : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && d == Math.Floor(d)
                        ? Said.Of(c => c.Usage.WholeUpTo, int.MaxValue, value.GetRawText())
                        : MustBe(kind);
            case Kind.Number:
                if (value.ValueKind == JsonValueKind.Null) return null;
                return value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble()) ? null : MustBe(kind);
            case Kind.Flag:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null ? null : MustBe(kind);
            case Kind.Mapping:
                if (value.ValueKind == JsonValueKind.Null) return null;
                if (value.ValueKind != JsonValueKind.Object) return MustBe(kind);
                foreach (var p in value.EnumerateObject())
                    if (p.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.GetString()))
                    {
                        var (name, described) = (p.Name, Describe(p.Value));
                        return Said.Of(c => c.Format(c.Usage.MapGives, name, described.In(c)));
                    }
                var twice = value.EnumerateObject().GroupBy(p => p.Value.GetString()!.Trim().ToLowerInvariant()).FirstOrDefault(g => g.Count() > 1);
                if (twice is null) return null;
                var (header, names) = (twice.First().Value.GetString(), twice.Select(p => $"\"{p.Name}\"").ToArray());
                return Said.Of(c => c.Format(c.Usage.MapTwice, header, string.Join(c.Usage.And, names)));
            case Kind.RecodeTable:
                if (value.ValueKind == JsonValueKind.Null) return null;
                if (value.ValueKind != JsonValueKind.Object) return MustBe(kind);
                foreach (var column in value.EnumerateObject())
                {
                    var columnName = column.Name;
                    if (column.Value.ValueKind != JsonValueKind.Object)
                    {
                        var described = Describe(column.Value);
                        return Said.Of(c => c.Format(c.Usage.RecodeGives, columnName, described.In(c), KindWords(Kind.Mapping, c.Usage)));
                    }
                    foreach (var p in column.Value.EnumerateObject())
                        if (p.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.GetString()))
                        {
                            var (name, described) = (p.Name, Describe(p.Value));
                            return Said.Of(c => c.Format(c.Usage.RecodeValue, columnName, name, described.In(c)));
                        }
                }
                return null;
        }
        return null;
    }

    private static Said Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => Said.Of(c => c.Usage.GotNull),
        JsonValueKind.String => value.GetString()!.Trim().Length == 0 ? Said.Of(c => c.Usage.GotEmpty) : Said.Of(c => c.Usage.GotText, value.GetString()),
        JsonValueKind.Number => Said.Of(c => c.Usage.GotNumber, value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => Said.Verbatim(value.GetRawText()),
        JsonValueKind.Array => Said.Of(c => c.Usage.GotList),
        JsonValueKind.Object => Said.Of(c => c.Usage.GotObject),
        _ => Said.Of(c => c.Usage.GotNothing),
    };
}
