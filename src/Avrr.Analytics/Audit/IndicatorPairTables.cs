namespace Avrr.Analytics.Audit;

/// <summary>
/// For every pair of indicators, the surveys counted by the pair's two score codes (missing included),
/// with their design weights exactly (docs/audit.md, "How the audit streams"). Sums of integers, so a
/// table filled by each scoring worker from the batches it happened to score, then merged, is the same
/// whatever the threads did. Wide indicators (<see cref="IndicatorCodes"/>) have no table.
/// </summary>
internal sealed class IndicatorPairTables
{
    private readonly IndicatorCodes _codes;
    private readonly int[] _dense;
    private readonly int[] _size;
    private readonly CodeCell[][] _tables;   // pairs (dense[x], dense[y]), x < y, in order

    public IndicatorPairTables(IndicatorCodes codes)
    {
        _codes = codes;
        _dense = Enumerable.Range(0, codes.Count).Where(codes.IsDense).ToArray();
        _size = new int[codes.Count];
        foreach (var i in _dense) _size[i] = codes.Size(i);
        var tables = new List<CodeCell[]>();
        for (var x = 0; x < _dense.Length; x++)
            for (var y = x + 1; y < _dense.Length; y++)
                tables.Add(new CodeCell[_size[_dense[x]] * _size[_dense[y]]]);
        _tables = [.. tables];
    }

    public bool Has(int indicatorA, int indicatorB) => _codes.IsDense(indicatorA) && _codes.IsDense(indicatorB);

    /// <summary>Adds a survey: its code for every indicator (wide ones ignored) and its weight (<see cref="ExactWeight"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<ushort> codes, Int128 weight)
    {
        var dense = _dense;
        var p = 0;
        for (var x = 0; x < dense.Length; x++)
        {
            var a = codes[dense[x]];
            for (var y = x + 1; y < dense.Length; y++)
            {
                var b = dense[y];
                _tables[p++][a * _size[b] + codes[b]].Add(weight);
            }
        }
    }

    public void Merge(IndicatorPairTables other)
    {
        for (var p = 0; p < _tables.Length; p++)
        {
            var into = _tables[p];
            var from = other._tables[p];
            for (var c = 0; c < into.Length; c++) into[c].Add(from[c]);
        }
    }

    /// <summary>The joint table of two dense indicators (a before b in scheme order) over the surveys where both are present.</summary>
    public JointTable Joint(int a, int b)
    {
        var x = Array.IndexOf(_dense, a);
        var y = Array.IndexOf(_dense, b);
        if (x < 0 || y <= x) throw new ArgumentException("Joint tables are kept for dense indicators, the first before the second.");
        var p = 0;
        for (var i = 0; i < x; i++) p += _dense.Length - 1 - i;
        p += y - x - 1;
        var table = _tables[p];
        var valuesA = _codes.Values[a]!;
        var valuesB = _codes.Values[b]!;
        var counts = new long[valuesA.Length * valuesB.Length];
        var weights = new double[counts.Length];
        for (var i = 0; i < valuesA.Length; i++)
            for (var j = 0; j < valuesB.Length; j++)
            {
                var cell = table[(i + 1) * _size[b] + j + 1];
                counts[i * valuesB.Length + j] = cell.Count;
                weights[i * valuesB.Length + j] = ExactWeight.ToDouble(cell.Weight);
            }
        return JointTable.FromDense(valuesA, valuesB, counts, weights);
    }
}
