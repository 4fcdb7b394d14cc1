namespace Avrr.Analytics.Audit;

/// <summary>
/// Per group of the analysed level and per indicator, the surveys (and their exact design weights) at
/// each score: the sufficient statistics of <see cref="DescriptiveStatistics"/>. Dense indicators are
/// counted by code (<see cref="IndicatorCodes"/>), wide ones by value.
/// </summary>
internal sealed class IndicatorHistograms
{
    private readonly IndicatorCodes _codes;
    private readonly List<CodeCell[][]> _dense = [];
    private readonly List<Dictionary<double, CodeCell>[]> _wide = [];
    private readonly int[] _wideIndicators;

    public IndicatorHistograms(IndicatorCodes codes)
    {
        _codes = codes;
        _wideIndicators = Enumerable.Range(0, codes.Count).Where(i => !codes.IsDense(i)).ToArray();
    }

    public int Groups => _dense.Count;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(int group, ReadOnlySpan<ushort> codes, ReadOnlySpan<double> indicatorScores, Int128 weight)
    {
        while (group >= _dense.Count)
        {
            _dense.Add(Enumerable.Range(0, _codes.Count).Select(i => _codes.IsDense(i) ? new CodeCell[_codes.Size(i)] : []).ToArray());
            _wide.Add(Enumerable.Range(0, _codes.Count).Select(_ => new Dictionary<double, CodeCell>()).ToArray());
        }
        var cells = _dense[group];
        for (var i = 0; i < cells.Length; i++)
            if (cells[i].Length > 0) cells[i][codes[i]].Add(weight);
        foreach (var i in _wideIndicators)
        {
            var value = indicatorScores[i];
            ref var cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_wide[group][i], double.IsNaN(value) ? double.NaN : value, out _);
            cell.Add(weight);
        }
    }

    /// <summary>The statistics of an indicator over the surveys of the given groups.</summary>
    public DescriptiveStatistics Statistics(int indicator, IEnumerable<int> groups)
    {
        var byValue = new SortedDictionary<double, CodeCell>();
        long missing = 0;
        foreach (var g in groups)
        {
            if (g >= _dense.Count) continue;
            if (_codes.IsDense(indicator))
            {
                var cells = _dense[g][indicator];
                missing += cells[0].Count;
                var values = _codes.Values[indicator]!;
                for (var c = 1; c < cells.Length; c++)
                {
                    if (cells[c].Count == 0) continue;
                    byValue.TryGetValue(values[c - 1], out var cell);
                    cell.Add(cells[c]);
                    byValue[values[c - 1]] = cell;
                }
            }
            else
                foreach (var (value, found) in _wide[g][indicator])
                {
                    if (double.IsNaN(value)) { missing += found.Count; continue; }
                    byValue.TryGetValue(value, out var cell);
                    cell.Add(found);
                    byValue[value] = cell;
                }
        }
        return DescriptiveStatistics.Of(byValue.Keys.ToArray(), byValue.Values.Select(c => c.Count).ToArray(),
            byValue.Values.Select(c => ExactWeight.ToDouble(c.Weight)).ToArray(), missing);
    }
}
