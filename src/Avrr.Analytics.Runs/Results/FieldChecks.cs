using Avrr.Analytics.Checks;

namespace Avrr.Analytics.Runs.Results;

/// <summary>
/// What a run noticed in the data that is not a reason to reject a row (docs/inputs.md): the date format
/// that would read the rejected dates, survey dates after the run's date, spellings of one value, interview
/// lengths, and attributes that look identifying (validate only). The manifest, the summary and the
/// validation report show them.
/// </summary>
public sealed record FieldChecks
{
    /// <summary>The run's date: survey dates after it are flagged.</summary>
    public required DateOnly Today { get; init; }
    /// <summary>Scored surveys dated after <see cref="Today"/>.</summary>
    public long FutureDates { get; init; }
    /// <summary>The first of them: input, row, date.</summary>
    public IReadOnlyList<(string Source, long Row, DateOnly Date)> FirstFutureDates { get; init; } = [];
    /// <summary>Dates rejected as invalid_date, and the formats that would read most of them (one, or two that cannot be told apart).</summary>
    public long InvalidDates { get; init; }
    public IReadOnlyList<string> DateFormatsThatRead { get; init; } = [];
    public int DatesReadByThem { get; init; }
    public int DatesTried { get; init; }
    /// <summary>Per grouping column, the sets of values that differ only by case, accents or spaces.</summary>
    public IReadOnlyList<(string Column, IReadOnlyList<IReadOnlyList<(string Value, long Count)>> Variants)> Spellings { get; init; } = [];
    /// <summary>Interview lengths, when some input has the form's start and end; null otherwise.</summary>
    public InterviewLengths? Interviews { get; init; }
    /// <summary>The attribute column used as the enumerator's, or null.</summary>
    public string? EnumeratorColumn { get; init; }
    /// <summary>Attributes that look identifying, each with why (validate only).</summary>
    public IReadOnlyList<(string Attribute, string Why)> IdentifyingAttributes { get; init; } = [];
    /// <summary>
    /// When no column of weights is read and the run is not unweighted on purpose: the attributes named like
    /// weights (poids, ponderation, weight, …) whose every filled value is a positive number. The estimates are
    /// then unweighted, which is likely not what was meant (docs/inputs.md, "Weights").
    /// </summary>
    public IReadOnlyList<string> WeightLikeColumns { get; init; } = [];
    /// <summary>The grouping columns (community, the levels' attributes, the design's) empty in most scored surveys: column, empty, scored.</summary>
    public IReadOnlyList<(string Column, long Unknown, long Rows)> MostlyUnknown { get; init; } = [];
}
