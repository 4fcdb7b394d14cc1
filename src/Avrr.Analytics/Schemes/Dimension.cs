namespace Avrr.Analytics.Schemes;

/// <summary>A dimension (economic, social, psychosocial): the weighted mean of its present indicators.</summary>
public sealed record Dimension(
    string Id,
    SchemeWeight Weight,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Indicator> Indicators);
