namespace Avrr.Analytics.Estimation;

/// <summary>The weight of each value (by number) in one domain: total and last, for <see cref="WeightedQuantiles"/>.</summary>
internal sealed class ValueWeights
{
    /// <summary>An open-addressing slot: the value number + 1 (0 when empty) with its weights, in one place.</summary>
    private struct Slot
    {
        public int Id;
        public double Total;
        public double Last;
        public long LastSurvey;    // the order of the survey that gave Last, for merging domains
    }

    private Slot[] _slots = new Slot[16];
    private int _count;

    public int Count => _count;

    public void Add(int valueId, double weight, long survey)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = Home(valueId, mask);
        while (true)
        {
            ref var slot = ref slots[i];
            if (slot.Id == valueId + 1)
            {
                slot.Total += weight;
                slot.Last = weight;
                slot.LastSurvey = survey;
                return;
            }
            if (slot.Id == 0)
            {
                slot.Id = valueId + 1;
                slot.Total = weight;
                slot.Last = weight;
                slot.LastSurvey = survey;
                if (++_count * 4 > slots.Length * 3) Grow();
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// <summary>The first slot to look at for a value number: the top bits of its Fibonacci hash.</summary>
    private static int Home(int valueId, int mask) =>
        (int)(((uint)valueId * 0x9E3779B1u) >> (32 - System.Numerics.BitOperations.PopCount((uint)mask)));

    /// <summary>Adds another domain's weights: totals add up; the last survey is the later of the two.</summary>
    public void Merge(ValueWeights other)
    {
        foreach (var slot in other._slots)
        {
            if (slot.Id == 0) continue;
            ref var mine = ref Find(slot.Id);
            if (mine.Id == 0)
            {
                mine = slot;
                if (++_count * 4 > _slots.Length * 3) Grow();
                continue;
            }
            mine.Total += slot.Total;
            if (slot.LastSurvey > mine.LastSurvey) (mine.Last, mine.LastSurvey) = (slot.Last, slot.LastSurvey);
        }
    }

    /// <summary>The slot of a value (id + 1), or the empty slot where it would go.</summary>
    private ref Slot Find(int id)
    {
        var mask = _slots.Length - 1;
        var i = Home(id - 1, mask);
        while (_slots[i].Id != 0 && _slots[i].Id != id) i = (i + 1) & mask;
        return ref _slots[i];
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Id == 0) continue;
            var i = Home(slot.Id - 1, mask);
            while (_slots[i].Id != 0) i = (i + 1) & mask;
            _slots[i] = slot;
        }
    }

    /// <summary>The quantiles by the rule of <see cref="WeightedQuantiles"/>.</summary>
    public void Compute(ValueIndex index, long count, ReadOnlySpan<double> probabilities, Span<double> quantiles)
    {
        var values = new double[_count];
        var totals = new double[_count];
        var lasts = new double[_count];
        var k = 0;
        foreach (var slot in _slots)
        {
            if (slot.Id == 0) continue;
            values[k] = index.ValueOf(slot.Id - 1);
            totals[k] = slot.Total;
            lasts[k] = slot.Last;
            k++;
        }
        // Sort the values, carrying each one's weights along.
        var order = Enumerable.Range(0, _count).ToArray();
        Array.Sort(values, order);
        var sortedTotals = new double[_count];
        var sortedLasts = new double[_count];
        for (var i = 0; i < _count; i++) (sortedTotals[i], sortedLasts[i]) = (totals[order[i]], lasts[order[i]]);
        WeightedQuantiles.Compute(values, sortedTotals, sortedLasts, count, probabilities, quantiles);
    }
}
