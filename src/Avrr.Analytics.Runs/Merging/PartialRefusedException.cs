namespace Avrr.Analytics.Runs.Merging;

/// <summary>
/// A partial that cannot be merged as it is: not a partial of avrr, unreadable, or changed after it was written
/// (a file whose SHA-256 is not the one its descriptor lists). Exit code 3, like a refused input; nothing is written.
/// </summary>
public sealed class PartialRefusedException(string partial, string message) : Exception(message)
{
    /// <summary>The partial's folder, as the user named it.</summary>
    public string Partial { get; } = partial;
}
