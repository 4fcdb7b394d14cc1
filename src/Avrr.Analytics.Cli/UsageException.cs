namespace Avrr.Analytics.Cli;

/// <summary>A problem with how avrr was called, worded for the command line (a flag, a config file): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    /// <summary>A problem said in both languages (its message is the English).</summary>
    public UsageException(Said problem) : this(problem.English) => French = problem.French;

    /// <summary>The message in French, where it was written in both languages; printed with <c>--lang fr</c>.</summary>
    public string? French { get; init; }
}
