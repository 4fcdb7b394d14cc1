using Avrr.Analytics.Wording;

namespace Avrr.Analytics.IO.Reading;

/// <summary>
/// An input that cannot be used (missing, unreadable, wrong format, missing columns): exit code 3. Its message
/// names the file and the problem, in English; <see cref="ProblemIn"/> says the problem in the run's language.
/// </summary>
public sealed class InputRefusedException : Exception
{
    private readonly Said _problem;

    /// <summary>A problem said in both languages, from the catalogue (<c>Said.Of(t =&gt; t.Refusals.NoSuchFileOrFolder)</c>).</summary>
    public InputRefusedException(string path, Said problem) : base($"{path}: {problem.English}")
    {
        Path = path;
        _problem = problem;
    }

    /// <summary>A problem in English only: kept for a text that is the system's own.</summary>
    public InputRefusedException(string path, string problem) : this(path, Said.Verbatim(problem)) { }

    public string Path { get; }
    public string Problem => _problem.English;

    /// <summary>The problem in French, where it was written in both languages; the command line prints it with <c>--lang fr</c>.</summary>
    public string? FrenchProblem
    {
        get => _french ?? _problem.French;
        init => _french = value;
    }
    private readonly string? _french;

    /// <summary>The problem in a language.</summary>
    public string ProblemIn(Language language) => language.IsFrench ? FrenchProblem! : Problem;
}
