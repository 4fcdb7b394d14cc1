namespace Avrr.Analytics.Reports.Results;

/// <summary>A folder that is not a readable avrr result (no manifest, no aggregates, a scheme that does not match): the message says what is missing.</summary>
public sealed class ResultFolderException(string folder, string message) : Exception(message)
{
    public string Folder { get; } = folder;
}
