namespace Avrr.Analytics.Wording;

/// <summary>
/// Every message avrr writes for people, in one language: <c>Catalogue.Of(language)</c>. Each area adds its
/// words in a partial file of its own (Catalogue.Console.cs, Catalogue.Refusals.cs, …); each area's words are a
/// class with required properties and an English and a French instance, so that a sentence missing in one
/// language does not compile.
/// </summary>
public sealed partial class Catalogue
{
    private Catalogue(Language language) => Language = language;

    public Language Language { get; }

    public static Catalogue English { get; } = new(Language.English);
    public static Catalogue French { get; } = new(Language.French);

    public static Catalogue Of(Language language) => language.IsFrench ? French : English;

    /// <summary>The catalogue of a language code; English for none or one avrr does not speak.</summary>
    public static Catalogue Of(string? code) => Of(Language.Of(code) ?? Language.English);

    /// <summary>Both catalogues, English first.</summary>
    public static IReadOnlyList<Catalogue> All { get; } = [English, French];

    public string Format(string template, params object?[] values) => string.Format(Console.Culture, template, values);
}
