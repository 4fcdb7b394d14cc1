namespace Avrr.Analytics.Cli;

/// <summary>The exit codes of avrr (outputs.md), for scripts that run it.</summary>
public enum ExitCode
{
    /// <summary>Done: every row was scored.</summary>
    Done = 0,
    /// <summary>Done, but some rows were rejected (see rejects.csv).</summary>
    DoneWithRejects = 1,
    /// <summary>Usage or configuration error: nothing was run.</summary>
    UsageError = 2,
    /// <summary>An input file was refused: nothing was written.</summary>
    InputRefused = 3,
    /// <summary>The run failed on an unexpected error: nothing was written.</summary>
    Failed = 4,
}
