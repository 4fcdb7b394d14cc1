using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Checks;

/// <summary>
/// Which date format would read the survey dates a run rejected as invalid_date (docs/inputs.md, "Dates"):
/// each rejected date is tried in the forms exports are seen with. The format that reads the most is
/// the advice; when a day-first and a month-first form read the same dates (every day up to 12), both
/// are named, since the data cannot tell them apart.
/// </summary>
public sealed class DateFormGuess
{
    /// <summary>The forms tried, day-first before month-first (the francophone exports' habit).</summary>
    public static IReadOnlyList<string> Candidates { get; } =
        ["dd/MM/yyyy", "MM/dd/yyyy", "d/M/yyyy", "M/d/yyyy", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy/MM/dd", "dd/MM/yy", "MM/dd/yy",
         "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "d/M/yyyy H:mm", "M/d/yyyy H:mm", "M/d/yyyy h:mm tt"];

    // Enough dates to say which form they have; the rest are counted.
    private const int MaxTried = 2000;
    private readonly long[] _reads = new long[Candidates.Count];
    private int _tried;

    /// <summary>Dates rejected as invalid.</summary>
    public long Rejected { get; private set; }

    public void Add(string value)
    {
        Rejected++;
        if (_tried >= MaxTried) return;
        _tried++;
        for (var c = 0; c < Candidates.Count; c++)
            if (SurveyDates.TryExact(value, Candidates[c], out _)) _reads[c]++;
    }

    /// <summary>
    /// The formats that read the most of the dates tried (one, or two that read the same dates), and how
    /// many of them they read; empty when none reads even half of them.
    /// </summary>
    public (IReadOnlyList<string> Formats, int Read, int Tried) Best()
    {
        if (_tried == 0) return ([], 0, 0);
        var most = _reads.Max();
        if (most * 2 < _tried) return ([], (int)most, _tried);
        var formats = Candidates.Where((_, c) => _reads[c] == most).ToList();
        // d/M/yyyy reads whatever dd/MM/yyyy reads; name the stricter form.
        formats.RemoveAll(f => f.Length < formats.Max(x => x.Length) && formats.Any(g => g != f && g.Replace("dd", "d").Replace("MM", "M").Replace("HH", "H") == f));
        return (formats.Take(2).ToArray(), (int)most, _tried);
    }
}
