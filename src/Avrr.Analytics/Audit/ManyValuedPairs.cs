using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Avrr.Analytics.Audit;

/// <summary>
/// The joint tables of the pairs with a score of many values (a dimension, the composite, a wide
/// indicator: docs/audit.md, "How the audit streams"). Each such score's values are numbered as they are
/// met (<see cref="ValueCoder"/>), in input order by the audit's consumer, and every kept survey carries
/// its numbers. The tables are counted after the run from the kept surveys, one column at a time: a
/// table of the composite (thousands of values) against every indicator does not fit in a processor's
/// cache, and counting it survey by survey while the run streams cost three times the scoring itself
/// (benchmarks/README.md, "Audit").
/// </summary>
internal sealed class ManyValuedPairs
{
    private readonly IndicatorCodes _codes;
    private readonly int[] _many;              // variables with many values
    private readonly ValueCoder[] _coders;
    private (double[] Values, int[] Position)[]? _sorted;
    private readonly Dictionary<(int, int), JointTable> _tables = [];

    public ManyValuedPairs(AuditVariables variables, IndicatorCodes codes)
    {
        _codes = codes;
        _many = Enumerable.Range(0, variables.Count).Where(v => !variables.IsIndicator(v) || !codes.IsDense(v)).ToArray();
        _coders = _many.Select(_ => new ValueCoder()).ToArray();
    }

    /// <summary>How many scores have many values: the value numbers a kept survey carries.</summary>
    public int Count => _many.Length;

    /// <summary>Whether a pair of variables is counted here (one of them has many values).</summary>
    public bool Has(int a, int b) => Array.IndexOf(_many, a) >= 0 || Array.IndexOf(_many, b) >= 0;

    /// <summary>The value number of each many-valued score of a survey (−1 when missing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Number(ReadOnlySpan<double> scores, Span<int> values)
    {
        for (var k = 0; k < _many.Length; k++) values[k] = _coders[k].Code(scores[_many[k]]);
    }

    /// <summary>After the run: every table with a many-valued score, from the kept surveys.</summary>
    public void CountKept(SurveyStore store, int threads)
    {
        _sorted = _coders.Select(c => c.Sorted()).ToArray();
        // Each many-valued score's value positions, a column per score.
        var positions = new int[_many.Length][];
        Parallel.For(0, _many.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, k =>
        {
            var column = positions[k] = new int[store.Count];
            var position = _sorted[k].Position;
            for (var s = 0; s < store.Count; s++) column[s] = store.Code(s, k) is var c and >= 0 ? position[c] : -1;
        });
        // Every kept survey's indicator codes, a column per indicator, computed once in chunks on every core.
        var dense = Enumerable.Range(0, _codes.Count).Where(_codes.IsDense).ToArray();
        var columns = new ushort[_codes.Count][];
        foreach (var i in dense) columns[i] = new ushort[store.Count];
        const int Chunk = 1 << 14;
        Parallel.For(0, (store.Count + Chunk - 1) / Chunk, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, chunk =>
        {
            Span<ushort> codes = stackalloc ushort[_codes.Count];
            for (var s = chunk * Chunk; s < Math.Min(store.Count, (chunk + 1) * Chunk); s++)
            {
                _codes.Codes(store.Answers(s), codes);
                foreach (var i in dense) columns[i][s] = codes[i];
            }
        });
        var jobs = new List<Action>();
        for (var x = 0; x < _many.Length; x++)
            for (var y = x + 1; y < _many.Length; y++)
            {
                var (kx, ky) = (x, y);
                jobs.Add(() => Store(_many[kx], _many[ky], Sparse(store, positions[kx], positions[ky], _sorted[kx].Values, _sorted[ky].Values)));
            }
        foreach (var indicator in dense)
            jobs.Add(() =>
            {
                var tables = Dense(store, indicator, columns[indicator], positions);
                for (var k = 0; k < _many.Length; k++) Store(indicator, _many[k], tables[k]);
            });
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, [.. jobs]);
    }

    private void Store(int a, int b, JointTable table)
    {
        lock (_tables) _tables[(Math.Min(a, b), Math.Max(a, b))] = a < b ? table : Transposed(table);
    }

    private static JointTable Transposed(JointTable t) =>
        Order(t.ValuesB, t.ValuesA, t.CellB, t.CellA, t.Counts, t.Weights);

    /// <summary>
    /// An indicator against every many-valued score: one pass over the kept surveys, each survey's code
    /// of the indicator (1.., 0 missing) counted in a dense table per score, in the kept surveys' order.
    /// </summary>
    private JointTable[] Dense(SurveyStore store, int indicator, ushort[] column, int[][] positions)
    {
        var indicatorValues = _codes.Values[indicator]!;
        var width = indicatorValues.Length;
        var counts = _many.Select(k => new long[_sorted![Array.IndexOf(_many, k)].Values.Length * width]).ToArray();
        var weights = counts.Select(c => new double[c.Length]).ToArray();
        for (var s = 0; s < store.Count; s++)
        {
            var c = column[s];
            if (c == 0) continue;
            var weight = store.Weight(s);
            for (var k = 0; k < _many.Length; k++)
            {
                var p = positions[k][s];
                if (p < 0) continue;
                var cell = p * width + c - 1;
                counts[k][cell]++;
                weights[k][cell] += weight;
            }
        }
        return Enumerable.Range(0, _many.Length)
            .Select(k => Transposed(JointTable.FromDense(_sorted![k].Values, indicatorValues, counts[k], weights[k]))).ToArray();
    }

    /// <summary>
    /// Two many-valued scores: the kept surveys sorted by the first one's value (a counting sort on its
    /// positions), then each value's surveys counted by the second one's value in one reused dense row,
    /// in the kept surveys' order.
    /// </summary>
    private static JointTable Sparse(SurveyStore store, int[] a, int[] b, double[] valuesA, double[] valuesB)
    {
        var start = new int[valuesA.Length + 1];
        for (var s = 0; s < a.Length; s++)
            if (a[s] >= 0 && b[s] >= 0) start[a[s] + 1]++;
        for (var v = 0; v < valuesA.Length; v++) start[v + 1] += start[v];
        var order = new int[start[^1]];
        var next = (int[])start.Clone();
        for (var s = 0; s < a.Length; s++)
            if (a[s] >= 0 && b[s] >= 0) order[next[a[s]]++] = s;
        var row = new WeightedCount[valuesB.Length];
        var touched = new List<int>();
        var (cellA, cellB, counts, weights) = (new List<int>(), new List<int>(), new List<long>(), new List<double>());
        for (var v = 0; v < valuesA.Length; v++)
        {
            for (var i = start[v]; i < start[v + 1]; i++)
            {
                var s = order[i];
                if (row[b[s]].Count == 0) touched.Add(b[s]);
                row[b[s]].Add(store.Weight(s));
            }
            touched.Sort();
            foreach (var y in touched)
            {
                cellA.Add(v);
                cellB.Add(y);
                counts.Add(row[y].Count);
                weights.Add(row[y].Weight);
                row[y] = default;
            }
            touched.Clear();
        }
        return new JointTable(valuesA, valuesB, [.. cellA], [.. cellB], [.. counts], [.. weights]);
    }

    private static JointTable Order(double[] valuesA, double[] valuesB, int[] cellA, int[] cellB, long[] counts, double[] weights)
    {
        var order = Enumerable.Range(0, cellA.Length).OrderBy(c => cellA[c]).ThenBy(c => cellB[c]).ToArray();
        return new JointTable(valuesA, valuesB, order.Select(c => cellA[c]).ToArray(), order.Select(c => cellB[c]).ToArray(),
            order.Select(c => counts[c]).ToArray(), order.Select(c => weights[c]).ToArray());
    }

    /// <summary>The joint table of variables a before b (one of them many-valued) over the kept surveys where both are present.</summary>
    public JointTable Joint(int a, int b) => _tables[(a, b)];
}
