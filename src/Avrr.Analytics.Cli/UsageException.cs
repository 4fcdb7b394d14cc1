namespace Avrr.Analytics.Cli;

/// <summary>A problem with how avrr was called, worded for the command line (a flag, a config file): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
