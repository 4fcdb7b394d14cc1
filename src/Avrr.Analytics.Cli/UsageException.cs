namespace Avrr.Analytics.Cli;

/// <summary>A problem with how avrr was called, worded for the command line (a flag, a config file): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    /// <summary>The message in French, where it was written in both languages; printed with <c>--lang fr</c>.</summary>
    public string? French { get; init; }
}
