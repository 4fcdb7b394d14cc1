using Avrr.Analytics.Collections;

namespace Avrr.Analytics.Estimation;

/// <summary>The weight of each value (by number) in one domain: total and last, for <see cref="WeightedQuantiles"/>.</summary>
internal sealed class ValueWeights
{
    /// <summary>A value's weights: their total, the last survey's, and that survey's order (for merging domains).</summary>
    private struct Weights
    {
        public double Total;
        public double Last;
        public long LastSurvey;
    }

    private readonly OpenTable<NumberKey, Weights> _byValue = new(16, loadPercent: 75);

    public int Count => _byValue.Count;

    public void Add(int valueId, double weight, long survey)
    {
        ref var w = ref _byValue.GetValueRefOrAddDefault(new NumberKey(valueId), out _);
        w.Total += weight;
        w.Last = weight;
        w.LastSurvey = survey;
    }

    /// <summary>Adds another domain's weights: totals add up; the last survey is the later of the two.</summary>
    public void Merge(ValueWeights other)
    {
        foreach (var (value, theirs) in other._byValue)
        {
            ref var mine = ref _byValue.GetValueRefOrAddDefault(value, out var exists);
            if (!exists)
            {
                mine = theirs;
                continue;
            }
            mine.Total += theirs.Total;
            if (theirs.LastSurvey > mine.LastSurvey) (mine.Last, mine.LastSurvey) = (theirs.Last, theirs.LastSurvey);
        }
    }

    /// <summary>The quantiles by the rule of <see cref="WeightedQuantiles"/>.</summary>
    public void Compute(ValueIndex index, long count, ReadOnlySpan<double> probabilities, Span<double> quantiles)
    {
        var values = new double[Count];
        var totals = new double[Count];
        var lasts = new double[Count];
        var k = 0;
        foreach (var (value, weights) in _byValue)
        {
            values[k] = index.ValueOf((int)value.Value);
            totals[k] = weights.Total;
            lasts[k] = weights.Last;
            k++;
        }
        // Sort the values, carrying each one's weights along.
        var order = Enumerable.Range(0, Count).ToArray();
        Array.Sort(values, order);
        var sortedTotals = new double[Count];
        var sortedLasts = new double[Count];
        for (var i = 0; i < Count; i++) (sortedTotals[i], sortedLasts[i]) = (totals[order[i]], lasts[order[i]]);
        WeightedQuantiles.Compute(values, sortedTotals, sortedLasts, count, probabilities, quantiles);
    }
}
