namespace Avrr.Analytics.Schemes;

/// <summary>A scheme file that cannot be used. Lists every problem found, each naming its node.</summary>
public sealed class SchemeException : Exception
{
    public string Origin { get; }
    public IReadOnlyList<string> Problems { get; }

    public SchemeException(string origin, IReadOnlyList<string> problems)
        : base($"The scheme {origin} cannot be used:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Origin = origin;
        Problems = problems;
    }
}
