using System.Security.Cryptography;

namespace Avrr.Analytics.Schemes;

/// <summary>
/// A scoring scheme: composite → dimensions → indicators → questions, with answer scales, weights at
/// every level and options. Schemes are data: <see cref="Rss15"/> is built in, any other is loaded
/// from a JSON file with <see cref="SchemeReader"/>. Immutable once built.
/// </summary>
public sealed class Scheme
{
    public string Id { get; }
    public string Name { get; }
    public string? Description { get; }
    /// <summary>The label languages, the first being the default.</summary>
    public IReadOnlyList<string> Languages { get; }
    public SchemeOptions Options { get; }
    public IReadOnlyList<SpecialAnswer> SpecialAnswers { get; }
    public IReadOnlyList<Scale> Scales { get; }
    public IReadOnlyList<Dimension> Dimensions { get; }

    /// <summary>Every indicator, in scheme order (dimension by dimension).</summary>
    public IReadOnlyList<Indicator> Indicators { get; }
    /// <summary>Every question, in scheme order (indicator by indicator).</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>Where the scheme came from: <c>built-in</c> or the path of its file.</summary>
    public string Origin { get; }
    /// <summary>SHA-256 of the scheme file's bytes (of the embedded file for the built-in), lower-case hex.</summary>
    public string Sha256 { get; }
    /// <summary>The scheme file's bytes as read (the embedded file for the built-in): a result keeps a copy, so that its report can show the tree and a later run can repeat it.</summary>
    public ReadOnlyMemory<byte> Source { get; }
    public bool IsBuiltIn => Origin == BuiltInOrigin;

    /// <summary>The scheme's name in each of its languages (its <c>"labels"</c>); empty when it has only <see cref="Name"/>.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>();

    /// <summary>The scheme's name for people reading <paramref name="language"/>: its label in that language, else <see cref="Name"/>.</summary>
    public string Title(string? language) => language is not null && Titles.TryGetValue(language, out var title) ? title : Name;

    internal const string BuiltInOrigin = "built-in";

    internal Scheme(
        string id, string name, string? description, IReadOnlyList<string> languages, SchemeOptions options,
        IReadOnlyList<SpecialAnswer> specialAnswers, IReadOnlyList<Scale> scales, IReadOnlyList<Dimension> dimensions,
        string origin, ReadOnlySpan<byte> sourceBytes)
    {
        Id = id;
        Name = name;
        Description = description;
        Languages = languages;
        Options = options;
        SpecialAnswers = specialAnswers;
        Scales = scales;
        Dimensions = dimensions;
        Indicators = dimensions.SelectMany(d => d.Indicators).ToArray();
        Questions = Indicators.SelectMany(i => i.Questions).ToArray();
        Origin = origin;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(sourceBytes));
        Source = sourceBytes.ToArray();
    }

    /// <summary>
    /// True when siblings carry equal weights at every level (questions in an indicator, indicators in a
    /// dimension, dimensions in the composite, and composite weights of indicators when used).
    /// </summary>
    public bool HasEqualWeights =>
        AllEqual(Dimensions.Select(d => d.Weight.Value))
        && Dimensions.All(d => AllEqual(d.Indicators.Select(i => i.Weight.Value)))
        && Indicators.All(i => AllEqual(i.Questions.Select(q => q.Weight.Value)))
        && (Options.CompositeFrom != CompositeSource.Indicators || AllEqual(Indicators.Select(i => i.CompositeWeight!.Value.Value)));

    private static bool AllEqual(IEnumerable<double> values) => values.Distinct().Count() <= 1;

    /// <summary>The built-in rss-15 scheme (docs/instrument.md): 29 questions, 15 indicators, 3 dimensions, equal weights.</summary>
    public static Scheme Rss15 => LazyRss15.Value;

    private static readonly Lazy<Scheme> LazyRss15 = new(() =>
    {
        using var stream = typeof(Scheme).Assembly.GetManifestResourceStream("Avrr.Analytics.Schemes.rss-15.json")
            ?? throw new InvalidOperationException("The built-in scheme rss-15 is missing from the library.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return SchemeReader.Parse(buffer.ToArray(), BuiltInOrigin);
    });

    /// <summary>A label in the requested language, else the first language that has one, else the id.</summary>
    public string Label(IReadOnlyDictionary<string, string> labels, string id, string? language = null)
    {
        if (language is not null && labels.TryGetValue(language, out var wanted)) return wanted;
        foreach (var lang in Languages)
            if (labels.TryGetValue(lang, out var label)) return label;
        return id;
    }
}
