namespace Avrr.Analytics.Cli;

/// <summary>The exit codes of avrr, for schedulers and scripts that run it (README, "Exit codes").</summary>
public enum ExitCode
{
    /// <summary>Done. A few rejected rows are normal: they are in rejects.csv, and the run still succeeded.</summary>
    Done = 0,
    /// <summary>Done and every output written, but the share of rejected rows is above the threshold (--max-rejected-share).</summary>
    TooManyRejected = 1,
    /// <summary>Usage or configuration error (including a result folder that must not be replaced): nothing was run or touched.</summary>
    UsageError = 2,
    /// <summary>An input was refused, or no row could be scored: nothing was written, an earlier result is kept.</summary>
    InputRefused = 3,
    /// <summary>The run failed on an unexpected error: nothing was written. Please report it.</summary>
    Failed = 4,
    /// <summary>The result could not be written (another run holds the folder, a read-only or full disk): an earlier result is kept.</summary>
    OutputFailed = 5,
    /// <summary>Stopped by Ctrl-C (SIGINT), as a shell reports it (128 + 2): the partial result was deleted, an earlier result is kept.</summary>
    Interrupted = 130,
    /// <summary>Stopped by SIGTERM (128 + 15), as from a scheduler: the partial result was deleted, an earlier result is kept.</summary>
    Terminated = 143,
}
