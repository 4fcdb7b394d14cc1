using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Avrr.Analytics.Runs.Output;

/// <summary>Why the result folder cannot be used: a destination that must not be replaced, another run on it, or one that cannot be written.</summary>
public sealed class OutputFolderException : Exception
{
    public OutputProblem Problem { get; }
    /// <summary>The folder concerned, as the user named it.</summary>
    public string Folder { get; }
    /// <summary>The setting that named the folder: the result folder (--out), or the partial's (--partial-out).</summary>
    public Planning.RunSetting Setting { get; internal set; } = Planning.RunSetting.Out;

    private OutputFolderException(OutputProblem problem, string folder, string message, Exception? inner = null) : base(message, inner)
    {
        Problem = problem;
        Folder = folder;
    }

    internal static OutputFolderException Refused(string folder, string reason) => new(OutputProblem.Refused, folder, reason);

    internal static OutputFolderException Busy(string folder) =>
        new(OutputProblem.Busy, folder, "another avrr run is writing its result to this folder; wait for it to finish, or write to another folder");

    internal static OutputFolderException Unwritable(string folder, Exception cause) =>
        new(OutputProblem.Unwritable, folder, $"the folder {folder} cannot be written ({cause.Message})", cause);
}
