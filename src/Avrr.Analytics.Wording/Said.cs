namespace Avrr.Analytics.Wording;

/// <summary>
/// A message that can be said in either language: its words are taken from the catalogue when it is shown, so
/// that a library or IO type can raise a problem without knowing the language of the person who reads it.
/// </summary>
public sealed class Said
{
    private readonly Func<Catalogue, string> _say;

    private Said(Func<Catalogue, string> say) => _say = say;

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

    public string In(Catalogue catalogue) => _say(catalogue);

    public string In(Language language) => _say(Catalogue.Of(language));

    public string English => In(Catalogue.English);

    public string French => In(Catalogue.French);

    public override string ToString() => English;
}
