namespace Avrr.Analytics.Wording;

/// <summary>
/// A message that can be said in either language: its words are taken from the catalogue when it is shown, so
/// that a library or IO type can raise a problem without knowing the language of the person who reads it.
/// </summary>
public sealed class Said
{
    private readonly string _english, _french;

    // Said at once in both languages: what it says is taken when it is made (a JSON document, a loop's variable
    // may be gone by the time it is shown).
    private Said(Func<Catalogue, string> say) => (_english, _french) = (say(Catalogue.English), say(Catalogue.French));

    public static Said Of(Func<Catalogue, string> say) => new(say);

    /// <summary>A catalogue template (<c>t =&gt; t.Refusals.UnknownFormat</c>) filled with values, in the language's number format.</summary>
    public static Said Of(Func<Catalogue, string> template, params object?[] values) => new(c => c.Format(template(c), values));

    /// <summary>A text that is the same in every language: a name, a value, a message of the system.</summary>
    public static Said Verbatim(string text) => new(_ => text);

    public static Said Join(string separator, IEnumerable<Said> parts)
    {
        var list = parts.ToArray();
        return new(c => string.Join(separator, list.Select(p => p.In(c))));
    }

    public string In(Catalogue catalogue) => catalogue.Language.IsFrench ? _french : _english;

    public string In(Language language) => In(Catalogue.Of(language));

    public string English => _english;

    public string French => _french;

    public override string ToString() => English;
}
