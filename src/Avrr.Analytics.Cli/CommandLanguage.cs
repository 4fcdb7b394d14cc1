using System.Text.Json;

namespace Avrr.Analytics.Cli;

/// <summary>
/// The language of the messages a command writes before (or without) its settings being read: a parser error, an
/// unknown flag, a bad value, a refused input. The rule (docs/commands.md, "Languages"): <c>--lang</c> on the
/// command line; else the <c>"lang"</c> of the evaluation file given with <c>--config</c>; else English. It is a
/// cheap look at the arguments and at that one key, so that it works even when the rest cannot be parsed.
/// </summary>
internal static class CommandLanguage
{
    public static Language Of(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--lang=", StringComparison.OrdinalIgnoreCase)) return Language.Of(args[i][7..]) ?? Language.English;
            if (string.Equals(args[i], "--lang", StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count) return Language.Of(args[i + 1]) ?? Language.English;
        }
        return ConfigPath(args) is { } path ? FileLanguage(path) ?? Language.English : Language.English;
    }

    private static string? ConfigPath(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--config=", StringComparison.OrdinalIgnoreCase)) return args[i][9..];
            if (string.Equals(args[i], "--config", StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count) return args[i + 1];
        }
        return null;
    }

    /// <summary>The file's "lang" (key case ignored), or null when there is none or the file cannot be read as JSON: its own problems are reported later.</summary>
    private static Language? FileLanguage(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > EvaluationFile.MaxBytes) return null;
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            if (!System.Text.Unicode.Utf8.IsValid(bytes)) return null;
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var property in document.RootElement.EnumerateObject())
                if (string.Equals(property.Name, "lang", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                    return Language.Of(property.Value.GetString());
            return null;
        }
        // A look, never a failure: whatever is wrong with the path or the file (a null character, bytes that are not
        // UTF-8, a value JSON cannot give as text) is reported by the evaluation file's own reading, in words.
        catch (Exception) { return null; }
    }
}
