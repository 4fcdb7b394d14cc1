namespace Avrr.Analytics.Audit;

/// <summary>A row of audit/notes: how the audit was run (what was kept, subsampled or skipped, and why), for the report to say.</summary>
public sealed record AuditNote(string Key, string Value);
