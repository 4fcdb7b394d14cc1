namespace Avrr.Analytics.Calibration;

/// <summary>One level of a margin: a value of each of its variables (in the margin's order) and the population total.</summary>
public sealed record MarginLevel(IReadOnlyList<string> Values, double Total);
