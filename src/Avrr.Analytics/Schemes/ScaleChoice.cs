namespace Avrr.Analytics.Schemes;

/// <summary>One answer of a choice scale: the code a form stores, its score in 0..1, its labels by language.</summary>
public sealed record ScaleChoice(string Code, double Score, IReadOnlyDictionary<string, string> Labels);
