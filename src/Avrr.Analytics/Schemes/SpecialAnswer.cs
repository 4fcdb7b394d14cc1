namespace Avrr.Analytics.Schemes;

/// <summary>
/// A special answer valid for every question (don't know, refused, not applicable): always scored as
/// missing, never as 0. An empty cell is missing too, without being listed.
/// </summary>
public sealed record SpecialAnswer(string Code, IReadOnlyDictionary<string, string> Labels);
