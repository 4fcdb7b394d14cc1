namespace Avrr.Analytics.Schemes;

/// <summary>
/// An answer scale: how the answers of a question become scores in 0..1. Either a list of choices
/// (codes with scores and labels) or a count (a whole number n, scored min(n, max) / max).
/// A count is decoded to the choice min(n, max), so both kinds score through the same table.
/// </summary>
public sealed class Scale
{
    public string Id { get; }
    public string? Description { get; }

    /// <summary>The choices, in the order of the scheme file. For a count scale: 0, 1, …, max.</summary>
    public IReadOnlyList<ScaleChoice> Choices { get; }

    /// <summary>For a count scale, the count at and above which the score is 1; null for a choice scale.</summary>
    public int? CountMax { get; }

    public bool IsCount => CountMax is not null;

    private Scale(string id, string? description, IReadOnlyList<ScaleChoice> choices, int? countMax)
    {
        Id = id;
        Description = description;
        Choices = choices;
        CountMax = countMax;
    }

    public static Scale OfChoices(string id, IReadOnlyList<ScaleChoice> choices, string? description = null) =>
        new(id, description, choices, null);

    public static Scale OfCount(string id, int max, string? description = null)
    {
        var empty = new Dictionary<string, string>();
        var choices = Enumerable.Range(0, max + 1)
            .Select(n => new ScaleChoice(n.ToString(System.Globalization.CultureInfo.InvariantCulture), (double)n / max, empty))
            .ToArray();
        return new(id, description, choices, max);
    }
}
