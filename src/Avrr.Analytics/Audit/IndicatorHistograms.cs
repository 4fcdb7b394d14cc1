using System.Runtime.InteropServices;

namespace Avrr.Analytics.Audit;

/// <summary>
/// Per group of the analysed level and per indicator, the surveys (and their exact design weights,
/// <see cref="ExactWeight"/>) at each score: the sufficient statistics of <see cref="DescriptiveStatistics"/>.
/// Dense indicators are counted by code (<see cref="IndicatorCodes"/>), a group's codes of every indicator
/// in one array; wide indicators by value.
/// </summary>
internal sealed class IndicatorHistograms
{
    private readonly IndicatorCodes _codes;
    private readonly int[] _offset;       // where indicator i's codes start in a group's array
    private readonly int _cellsPerGroup;
    private readonly List<Int128[]> _dense = [];
    private readonly List<Dictionary<double, Int128>[]> _wide = [];
    private readonly int[] _denseIndicators, _wideIndicators;

    public IndicatorHistograms(IndicatorCodes codes)
    {
        _codes = codes;
        _denseIndicators = Enumerable.Range(0, codes.Count).Where(codes.IsDense).ToArray();
        _wideIndicators = Enumerable.Range(0, codes.Count).Where(i => !codes.IsDense(i)).ToArray();
        _offset = new int[codes.Count];
        foreach (var i in _denseIndicators)
        {
            _offset[i] = _cellsPerGroup;
            _cellsPerGroup += codes.Size(i);
        }
    }

    public void Add(int group, ReadOnlySpan<ushort> codes, ReadOnlySpan<double> indicatorScores, Int128 survey)
    {
        while (group >= _dense.Count)
        {
            _dense.Add(new Int128[_cellsPerGroup]);
            _wide.Add(_wideIndicators.Length == 0 ? [] : Enumerable.Range(0, _codes.Count).Select(_ => new Dictionary<double, Int128>()).ToArray());
        }
        var cells = _dense[group];
        foreach (var i in _denseIndicators) cells[_offset[i] + codes[i]] += survey;
        foreach (var i in _wideIndicators)
        {
            ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(_wide[group][i], indicatorScores[i], out _);
            cell += survey;
        }
    }

    /// <summary>The statistics of an indicator over the surveys of the given groups.</summary>
    public DescriptiveStatistics Statistics(int indicator, IEnumerable<int> groups)
    {
        var byValue = new SortedDictionary<double, Int128>();
        Int128 missing = 0;
        void Add(double value, Int128 cell)
        {
            if (ExactWeight.Count(cell) == 0) return;
            if (double.IsNaN(value)) { missing += cell; return; }
            byValue.TryGetValue(value, out var sum);
            byValue[value] = sum + cell;
        }
        foreach (var g in groups)
        {
            if (g >= _dense.Count) continue;
            if (_codes.IsDense(indicator))
            {
                var values = _codes.Values[indicator]!;
                Add(double.NaN, _dense[g][_offset[indicator]]);
                for (var c = 1; c <= values.Length; c++) Add(values[c - 1], _dense[g][_offset[indicator] + c]);
            }
            else
                foreach (var (value, cell) in _wide[g][indicator]) Add(value, cell);
        }
        return DescriptiveStatistics.Of(byValue.Keys.ToArray(), byValue.Values.Select(ExactWeight.Count).ToArray(),
            byValue.Values.Select(ExactWeight.Weight).ToArray(), ExactWeight.Count(missing));
    }
}
