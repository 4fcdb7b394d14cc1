namespace Avrr.Analytics.Runs.Partials;

/// <summary>A file of a partial (relative to its folder, '/' between folders), with its SHA-256 and size, as its descriptor lists it.</summary>
public sealed record PartialFile(string Path, string Sha256, long Bytes);
