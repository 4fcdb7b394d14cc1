namespace Avrr.Analytics.Insights.Drivers;

/// <summary>
/// The columns of a treatment-coded design matrix (R's <c>contr.treatment</c>): <c>(Intercept)</c>, then for
/// each term in order one column per level but the reference, in level order. A row's levels are given as
/// level numbers per term; its row of the matrix is the intercept and one 1 per term whose level is not
/// the reference.
/// </summary>
public sealed class TreatmentCoding
{
    public const string Intercept = "(Intercept)";

    private readonly int[] _firstColumn;

    public TreatmentCoding(IReadOnlyList<FactorTerm> terms)
    {
        Terms = terms;
        _firstColumn = new int[terms.Count];
        var columns = 1;
        var termOf = new List<int> { -1 };
        var levelOf = new List<int> { -1 };
        for (var t = 0; t < terms.Count; t++)
        {
            _firstColumn[t] = columns;
            for (var l = 1; l < terms[t].Levels.Count; l++)
            {
                termOf.Add(t);
                levelOf.Add(l);
                columns++;
            }
        }
        ColumnCount = columns;
        ColumnTerm = termOf;
        ColumnLevel = levelOf;
    }

    public IReadOnlyList<FactorTerm> Terms { get; }

    /// <summary>p: the intercept and every non-reference level.</summary>
    public int ColumnCount { get; }

    /// <summary>The term of each column, -1 for the intercept.</summary>
    public IReadOnlyList<int> ColumnTerm { get; }

    /// <summary>The level (number within its term) of each column, -1 for the intercept.</summary>
    public IReadOnlyList<int> ColumnLevel { get; }

    /// <summary>
    /// The columns that are 1 in the row of these levels (the others are 0), into <paramref name="ones"/>:
    /// returns how many (the intercept always, then one per term off its reference).
    /// </summary>
    public int OnesOf(ReadOnlySpan<int> levels, Span<int> ones)
    {
        var count = 0;
        ones[count++] = 0;
        for (var t = 0; t < levels.Length; t++)
            if (levels[t] > 0) ones[count++] = _firstColumn[t] + levels[t] - 1;
        return count;
    }
}
