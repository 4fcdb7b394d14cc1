namespace Avrr.Analytics.Audit;

/// <summary>
/// Joint tables of the pairs with a score of many values (a dimension, the composite, a wide indicator),
/// built from the kept surveys after the run (docs/audit.md, "How the audit streams"): such a score takes
/// thousands of values, and a table per pair streamed with every survey would cost more than the run.
/// One pass over the kept surveys per thread, each thread filling the tables of its share of the pairs;
/// a table is dense when it is small, a dictionary of the cells met otherwise.
/// </summary>
internal sealed class KeptPairTables(SurveyStore store, IndicatorCodes codes, int[] keptVariables, (double[] Values, int[] Position)[] kept, int threads)
{
    private const int MaxDenseCells = 1 << 18;

    public JointTable[] Build(IReadOnlyList<(int A, int B)> pairs)
    {
        var tables = new JointTable[pairs.Count];
        var share = Enumerable.Range(0, Math.Max(1, threads)).Select(t => Enumerable.Range(0, pairs.Count).Where(p => p % Math.Max(1, threads) == t).ToArray()).ToArray();
        Parallel.ForEach(share, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, mine =>
        {
            foreach (var (p, table) in Fill(mine.Select(p => pairs[p]).ToArray()).Select((t, i) => (mine[i], t))) tables[p] = table;
        });
        return tables;
    }

    private double[] ValuesOf(int variable) =>
        Array.IndexOf(keptVariables, variable) is var k and >= 0 ? kept[k].Values : codes.Values[variable]!;

    private JointTable[] Fill((int A, int B)[] pairs)
    {
        var accumulators = pairs.Select(p => new Accumulator(ValuesOf(p.A).Length, ValuesOf(p.B).Length)).ToArray();
        var used = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().ToArray();
        var keptIndex = used.Select(v => Array.IndexOf(keptVariables, v)).ToArray();
        var slot = new Dictionary<int, int>();
        for (var u = 0; u < used.Length; u++) slot[used[u]] = u;
        var pairSlots = pairs.Select(p => (slot[p.A], slot[p.B])).ToArray();
        var at = new int[used.Length];
        for (var s = 0; s < store.Count; s++)
        {
            var answers = store.Answers(s);
            for (var u = 0; u < used.Length; u++)
            {
                var k = keptIndex[u];
                if (k >= 0)
                {
                    var code = store.Code(s, k);
                    at[u] = code < 0 ? -1 : kept[k].Position[code];
                }
                else at[u] = codes.Code(used[u], answers) - 1;
            }
            var weight = store.Weight(s);
            for (var p = 0; p < pairs.Length; p++)
            {
                var (a, b) = (at[pairSlots[p].Item1], at[pairSlots[p].Item2]);
                if (a >= 0 && b >= 0) accumulators[p].Add(a, b, weight);
            }
        }
        return pairs.Select((p, i) => accumulators[i].Table(ValuesOf(p.A), ValuesOf(p.B))).ToArray();
    }

    private sealed class Accumulator(int valuesA, int valuesB)
    {
        private readonly bool _dense = (long)valuesA * valuesB <= MaxDenseCells;
        private readonly long[] _counts = (long)valuesA * valuesB <= MaxDenseCells ? new long[valuesA * valuesB] : [];
        private readonly double[] _weights = (long)valuesA * valuesB <= MaxDenseCells ? new double[valuesA * valuesB] : [];
        private readonly Dictionary<long, (long Count, double Weight)> _cells = [];

        public void Add(int a, int b, double weight)
        {
            if (_dense)
            {
                var cell = a * valuesB + b;
                _counts[cell]++;
                _weights[cell] += weight;
                return;
            }
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_cells, (long)a * valuesB + b, out _);
            entry = (entry.Count + 1, entry.Weight + weight);
        }

        public JointTable Table(double[] a, double[] b)
        {
            if (_dense) return JointTable.FromDense(a, b, _counts, _weights);
            var keys = _cells.Keys.Order().ToArray();
            return new JointTable(a, b, keys.Select(k => (int)(k / valuesB)).ToArray(), keys.Select(k => (int)(k % valuesB)).ToArray(),
                keys.Select(k => _cells[k].Count).ToArray(), keys.Select(k => _cells[k].Weight).ToArray());
        }
    }
}
