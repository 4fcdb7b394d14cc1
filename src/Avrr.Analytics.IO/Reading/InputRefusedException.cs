namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// An input file the run cannot use at all (not found, unknown format, bad encoding, required columns
/// missing, …). Raised before anything is written; the runner exits with code 3.
/// </summary>
public sealed class InputRefusedException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
    /// <summary>The problem in French, where it was written in both languages; the command line prints it with <c>--lang fr</c>.</summary>
    public string? FrenchProblem { get; init; }
}
