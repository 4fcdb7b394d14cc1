namespace Avrr.Analytics.Schemes;

/// <summary>
/// An indicator: the weighted mean of its answered questions. <see cref="CompositeWeight"/> is its weight
/// in the composite when the scheme's composite is built from indicators (compositeFrom: indicators).
/// </summary>
public sealed record Indicator(
    string Id,
    SchemeWeight Weight,
    SchemeWeight? CompositeWeight,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Question> Questions);
