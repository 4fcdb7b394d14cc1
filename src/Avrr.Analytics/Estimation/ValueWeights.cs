using Avrr.Analytics.Collections;

namespace Avrr.Analytics.Estimation;

/// <summary>
/// The weight of each value (by number) in one domain: total and last, for <see cref="WeightedQuantiles"/>.
/// <para>
/// A value's total is kept as an unevaluated sum of two doubles (Knuth's TwoSum, about 106 bits), so that
/// the double it rounds to does not depend on the order the weights were added in: a domain merged from
/// cells, or from partials of other offices (docs/partials.md), has the quantiles of the same surveys added
/// one by one, to the last bit.
/// </para>
/// </summary>
internal sealed class ValueWeights
{
    /// <summary>A value's weights: their total (high and low part), the last survey's, and that survey's order (for merging domains).</summary>
    private struct Weights
    {
        public double Total;
        public double TotalLow;
        public double Last;
        public long LastSurvey;
    }

    private readonly OpenTable<NumberKey, Weights> _byValue = new(16, loadPercent: 75);

    public int Count => _byValue.Count;

    public void Add(int valueId, double weight, long survey)
    {
        ref var w = ref _byValue.GetValueRefOrAddDefault(new NumberKey(valueId), out _);
        AddExact(ref w.Total, ref w.TotalLow, weight);
        w.Last = weight;
        w.LastSurvey = survey;
    }

    /// <summary>hi + lo += x, exactly up to the rounding of lo: TwoSum gives the error of hi + x, which goes to lo.</summary>
    private static void AddExact(ref double hi, ref double lo, double x)
    {
        var sum = hi + x;
        var back = sum - hi;
        var error = (hi - (sum - back)) + (x - back);
        hi = sum;
        lo += error;
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
            Combine(ref mine, theirs.Total, theirs.TotalLow, theirs.Last, theirs.LastSurvey);
        }
    }

    private static void Combine(ref Weights mine, double total, double totalLow, double last, long lastSurvey)
    {
        AddExact(ref mine.Total, ref mine.TotalLow, total);
        mine.TotalLow += totalLow;
        if (lastSurvey > mine.LastSurvey) (mine.Last, mine.LastSurvey) = (last, lastSurvey);
    }

    /// <summary>Each value's weights, for a partial (docs/partials.md): value number, total (high, low), last weight, last survey's order.</summary>
    public (int ValueId, double Total, double TotalLow, double Last, long LastSurvey)[] Entries()
    {
        var entries = new (int, double, double, double, long)[Count];
        var k = 0;
        foreach (var (value, w) in _byValue) entries[k++] = ((int)value.Value, w.Total, w.TotalLow, w.Last, w.LastSurvey);
        return entries;
    }

    /// <summary>Adds a value's weights from a partial, whose surveys come after those already added (their orders moved past them).</summary>
    public void Import(int valueId, double total, double totalLow, double last, long lastSurvey)
    {
        ref var mine = ref _byValue.GetValueRefOrAddDefault(new NumberKey(valueId), out var exists);
        if (!exists)
        {
            mine = new Weights { Total = total, TotalLow = totalLow, Last = last, LastSurvey = lastSurvey };
            return;
        }
        Combine(ref mine, total, totalLow, last, lastSurvey);
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
            totals[k] = weights.Total + weights.TotalLow;
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
