namespace Avrr.Analytics.Schemes;

/// <summary>A survey question: a column of the export, answered on a scale, weighted within its indicator.</summary>
public sealed record Question(string Id, Scale Scale, SchemeWeight Weight, IReadOnlyDictionary<string, string> Text);
