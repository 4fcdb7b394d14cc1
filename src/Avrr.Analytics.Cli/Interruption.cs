using System.Runtime.InteropServices;

namespace Avrr.Analytics.Cli;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM (a scheduler stopping a job) while a command runs: the first one stops the
/// run at its next batch, so that it unwinds, its partial result folder is deleted and its lock released,
/// and the command exits with 130 or 143, as a shell reports a process ended by that signal
/// (docs/commands.md, "Exit codes"). A second signal ends the process at once, as it would without this.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Lock _gate = new();

    /// <summary>The signal that stopped the command, or null.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>Cancelled by the first signal (or by the token the command was given).</summary>
    public CancellationToken Token => _source.Token;

    public ExitCode ExitCode => Signal == PosixSignal.SIGTERM ? ExitCode.Terminated : ExitCode.Interrupted;

    /// <summary>A name for people: "Ctrl-C (SIGINT)" or "SIGTERM".</summary>
    public string SignalName => Signal == PosixSignal.SIGTERM ? "SIGTERM" : "Ctrl-C (SIGINT)";

    public Interruption(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    private void Handle(PosixSignalContext context)
    {
        lock (_gate)
        {
            if (Signal is not null) return;     // the second signal: the default, which ends the process
            Signal = context.Signal;
            context.Cancel = true;
        }
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
