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

    private readonly Wording.Said _said;

    private OutputFolderException(OutputProblem problem, string folder, Wording.Said message, Exception? inner = null) : base(message.English, inner)
    {
        Problem = problem;
        Folder = folder;
        _said = message;
    }

    private OutputFolderException(OutputProblem problem, string folder, string message, Exception? inner = null)
        : this(problem, folder, Wording.Said.Verbatim(message), inner) { }

    /// <summary>The message in a language (<see cref="Exception.Message"/> is the English).</summary>
    public string MessageIn(Wording.Language language) => _said.In(language);

    internal static OutputFolderException Refused(string folder, string reason) => new(OutputProblem.Refused, folder, reason);

    internal static OutputFolderException Refused(string folder, Wording.Said reason) => new(OutputProblem.Refused, folder, reason);

    internal static OutputFolderException Busy(string folder) =>
        new(OutputProblem.Busy, folder, Wording.Said.Of(c => c.Folders.Busy));

    /// <param name="folder">The result folder, as the user named it.</param>
    /// <param name="where">The folder that could not be written (the result's parent, say).</param>
    internal static OutputFolderException Unwritable(string folder, string where, Exception cause) =>
        new(OutputProblem.Unwritable, folder, DiskErrors.Of(cause) switch
        {
            DiskError.ReadOnly => Wording.Said.Of(c => c.Folders.ReadOnly, where),
            DiskError.Full => Wording.Said.Of(c => c.Folders.Full, where),
            _ => Wording.Said.Of(c => c.Folders.CannotWrite, where, cause.Message),
        }, cause);

    /// <summary>The disk filled while the result was written: how much had been written, how much is free, about how much is needed.</summary>
    internal static OutputFolderException Full(string folder, string where, long written, long? free, long needed, Exception cause) =>
        new(OutputProblem.Unwritable, folder, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the disk that holds {where} is full{(free is null ? "" : $" ({free / 1e6:N1} MB free)")}: {written / 1e6:N1} MB of the result had been written when it filled, and were deleted. A result needs about one and a half times the size of its inputs, here about {needed / 1e6:N1} MB; free that space, or write the result to another disk"), cause);
}
