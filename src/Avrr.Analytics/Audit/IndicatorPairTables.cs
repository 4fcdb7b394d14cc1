using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Avrr.Analytics.Audit;

/// <summary>
/// For every pair of indicators, the surveys counted by the pair's two score codes (missing included),
/// with their design weights exactly (<see cref="ExactWeight"/>; docs/audit.md, "How the audit streams").
/// Sums of integers, so a table filled by each scoring worker from the batches it happened to score,
/// then merged, is the same whatever the threads did. Wide indicators (<see cref="IndicatorCodes"/>) have
/// no table here.
/// <para>
/// Laid out by the first indicator of a pair: for indicator x and its code c, one row holds the counts of
/// c with every code of every later indicator, so a survey's 14 pairs with x fall in one row of cells.
/// </para>
/// </summary>
internal sealed class IndicatorPairTables
{
    private readonly IndicatorCodes _codes;
    private readonly int[] _dense;
    private readonly int[] _size;
    private readonly int[] _start;          // where dense[x]'s rows start
    private readonly int[] _width;          // cells in a row of dense[x]: the codes of every later indicator
    private readonly int[][] _at;           // _at[x][y]: where the codes of dense[y] start in a row of dense[x]
    private readonly Int128[] _cells;

    public IndicatorPairTables(IndicatorCodes codes)
    {
        _codes = codes;
        _dense = Enumerable.Range(0, codes.Count).Where(codes.IsDense).ToArray();
        _size = _dense.Select(codes.Size).ToArray();
        _start = new int[_dense.Length];
        _width = new int[_dense.Length];
        _at = new int[_dense.Length][];
        var cells = 0;
        for (var x = 0; x < _dense.Length; x++)
        {
            _at[x] = new int[_dense.Length];
            for (var y = x + 1; y < _dense.Length; y++)
            {
                _at[x][y] = _width[x];
                _width[x] += _size[y];
            }
            _start[x] = cells;
            cells += _size[x] * _width[x];
        }
        _cells = new Int128[cells];
    }

    public bool Has(int indicatorA, int indicatorB) => _codes.IsDense(indicatorA) && _codes.IsDense(indicatorB);

    /// <summary>Adds a survey: its code for every indicator (wide ones ignored) and its cell (<see cref="ExactWeight.Of"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<ushort> codes, Int128 survey)
    {
        // Every code is below its indicator's size (IndicatorCodes makes them so), so every index is in
        // the array: the loop runs without bounds checks, 105 additions a survey for rss-15.
        ref var cells = ref MemoryMarshal.GetArrayDataReference(_cells);
        var dense = _dense;
        var n = dense.Length;
        Span<int> codeSpan = stackalloc int[n];
        for (var x = 0; x < n; x++) codeSpan[x] = codes[dense[x]];
        ref var code = ref MemoryMarshal.GetReference(codeSpan);
        for (var x = 0; x < n - 1; x++)
        {
            ref var row = ref Unsafe.Add(ref cells, _start[x] + Unsafe.Add(ref code, x) * _width[x]);
            ref var at = ref MemoryMarshal.GetArrayDataReference(_at[x]);
            for (var y = x + 1; y < n; y++) Unsafe.Add(ref row, Unsafe.Add(ref at, y) + Unsafe.Add(ref code, y)) += survey;
        }
    }

    public void Merge(IndicatorPairTables other)
    {
        for (var c = 0; c < _cells.Length; c++) _cells[c] += other._cells[c];
    }

    /// <summary>The joint table of two dense indicators (a before b in scheme order) over the surveys where both are present.</summary>
    public JointTable Joint(int a, int b)
    {
        var (x, y) = (Array.IndexOf(_dense, a), Array.IndexOf(_dense, b));
        if (x < 0 || y <= x) throw new ArgumentException("Joint tables are kept for dense indicators, the first before the second.");
        var valuesA = _codes.Values[a]!;
        var valuesB = _codes.Values[b]!;
        var counts = new long[valuesA.Length * valuesB.Length];
        var weights = new double[counts.Length];
        for (var i = 0; i < valuesA.Length; i++)
            for (var j = 0; j < valuesB.Length; j++)
            {
                var cell = _cells[_start[x] + (i + 1) * _width[x] + _at[x][y] + j + 1];
                counts[i * valuesB.Length + j] = ExactWeight.Count(cell);
                weights[i * valuesB.Length + j] = ExactWeight.Weight(cell);
            }
        return JointTable.FromDense(valuesA, valuesB, counts, weights);
    }
}
