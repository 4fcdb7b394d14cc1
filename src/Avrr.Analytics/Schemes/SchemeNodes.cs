namespace Avrr.Analytics.Schemes;

/// <summary>A survey question: a column of the export, answered on a scale, weighted within its indicator.</summary>
public sealed record Question(string Id, Scale Scale, SchemeWeight Weight, IReadOnlyDictionary<string, string> Text);

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

/// <summary>A dimension (economic, social, psychosocial): the weighted mean of its present indicators.</summary>
public sealed record Dimension(
    string Id,
    SchemeWeight Weight,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Indicator> Indicators);
