namespace Avrr.Analytics.Checks;

/// <summary>
/// How long the interviews took, from the form's <c>start</c> and <c>end</c> (docs/inputs.md, "Interview
/// length"): interviews shorter than a threshold are too short to be real and are counted by day and by
/// enumerator, for a supervisor to look at. Never a reason to reject a row.
/// </summary>
public sealed class InterviewLengths(double shortMinutes)
{
    private readonly List<double> _minutes = [];
    private readonly SortedDictionary<string, long> _shortByDay = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _shortByEnumerator = new(StringComparer.Ordinal);

    /// <summary>Below this many minutes an interview is flagged as too short.</summary>
    public double ShortMinutes { get; } = shortMinutes;
    /// <summary>Interviews whose end is before their start (a clock set wrong, or an edited submission).</summary>
    public long EndBeforeStart { get; private set; }
    public long TooShort { get; private set; }
    public long Measured => _minutes.Count;

    /// <summary>One interview: its length, the day it started (yyyy-MM-dd) and its enumerator (null without one).</summary>
    public void Add(double minutes, string day, string? enumerator)
    {
        if (minutes < 0) { EndBeforeStart++; return; }
        _minutes.Add(minutes);
        if (minutes >= ShortMinutes) return;
        TooShort++;
        _shortByDay[day] = _shortByDay.GetValueOrDefault(day) + 1;
        if (enumerator is not null) _shortByEnumerator[enumerator] = _shortByEnumerator.GetValueOrDefault(enumerator) + 1;
    }

    /// <summary>The median length in minutes (the mean of the two middle ones for an even count), or NaN.</summary>
    public double MedianMinutes
    {
        get
        {
            if (_minutes.Count == 0) return double.NaN;
            var sorted = _minutes.Order().ToArray();
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    /// <summary>Too-short interviews by the day they started, in date order.</summary>
    public IReadOnlyDictionary<string, long> ShortByDay => _shortByDay;
    /// <summary>Too-short interviews by enumerator, in byte order of the enumerators.</summary>
    public IReadOnlyDictionary<string, long> ShortByEnumerator => _shortByEnumerator;
}
