namespace Avrr.Analytics.Audit;

/// <summary>Surveys and their total design weight, added in input order on one thread (so the sum is the same on every run).</summary>
internal struct WeightedCount
{
    public long Count;
    public double Weight;

    public void Add(double weight)
    {
        Count++;
        Weight += weight;
    }
}
