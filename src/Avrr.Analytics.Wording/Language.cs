using System.Globalization;

namespace Avrr.Analytics.Wording;

/// <summary>
/// A language avrr speaks to people: English or French. <see cref="Of"/> is the one place a language code
/// is compared; everything else asks a <see cref="Language"/> for its words (<see cref="Catalogue"/>).
/// </summary>
public sealed class Language
{
    private Language(string code, CultureInfo culture)
    {
        Code = code;
        Culture = culture;
    }

    /// <summary>"en" or "fr": the key of a scheme's labels, the value the manifest records.</summary>
    public string Code { get; }

    /// <summary>The culture of its dates and casing (en-GB, fr-FR).</summary>
    public CultureInfo Culture { get; }

    public bool IsFrench => ReferenceEquals(this, French);

    public static Language English { get; } = new("en", CultureInfo.GetCultureInfo("en-GB"));
    public static Language French { get; } = new("fr", CultureInfo.GetCultureInfo("fr-FR"));

    public static IReadOnlyList<string> Codes { get; } = ["en", "fr"];

    /// <summary>The language of a code (trimmed, case ignored), or null for one avrr does not speak.</summary>
    public static Language? Of(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "en" => English,
        "fr" => French,
        _ => null,
    };

    /// <summary>
    /// The language asked for on a command line before it is parsed (<c>--lang fr</c>, <c>--lang=fr</c>, case
    /// ignored), for the messages that come before anything else is read: a parser error, an unknown flag.
    /// English when there is none, or when it names no language avrr speaks.
    /// </summary>
    public static Language FromArgs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--lang=", StringComparison.OrdinalIgnoreCase)) return Of(args[i][7..]) ?? English;
            if (string.Equals(args[i], "--lang", StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count) return Of(args[i + 1]) ?? English;
        }
        return English;
    }

    public override string ToString() => Code;
}
