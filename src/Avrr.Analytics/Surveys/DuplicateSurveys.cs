namespace Avrr.Analytics.Surveys;

/// <summary>
/// The rows of a run that repeat an earlier survey (same returnee_id and round, or same returnee_id and
/// survey_date for an input without a round column), each with the row that came first and is kept.
/// Found before scoring by a pass over the survey keys only (see the runner).
/// </summary>
public sealed class DuplicateSurveys
{
    private readonly Dictionary<long, (string Source, long Row)> _firstOf = [];
    // One bit per sequence number modulo 65,536, set for every duplicate: nearly every row is not one,
    // and the bit says so without a dictionary lookup.
    private readonly ulong[] _maybe = new ulong[1024];

    public static DuplicateSurveys None { get; } = new();

    public int Count => _firstOf.Count;

    /// <summary>Records that the row at <paramref name="sequence"/> repeats the survey first seen at (source, row). Thread-safe.</summary>
    public void Add(long sequence, string firstSource, long firstRow)
    {
        lock (_firstOf)
        {
            _firstOf[sequence] = (firstSource, firstRow);
            _maybe[(sequence >> 6) & 1023] |= 1UL << (int)(sequence & 63);
        }
    }

    /// <summary>The row a duplicate repeats. Not to be called while rows are still being added.</summary>
    public bool TryGetFirst(long sequence, out string source, out long row)
    {
        if ((_maybe[(sequence >> 6) & 1023] & (1UL << (int)(sequence & 63))) != 0 && _firstOf.TryGetValue(sequence, out var first))
        {
            (source, row) = first;
            return true;
        }
        (source, row) = ("", 0);
        return false;
    }
}
