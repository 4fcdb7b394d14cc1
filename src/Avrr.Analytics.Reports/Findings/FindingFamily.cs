namespace Avrr.Analytics.Reports.Findings;

/// <summary>A family of tests decided together (its key as the table writes it) and how many tests it made (family_size).</summary>
public sealed record FindingFamily(string Key, int Tests);
