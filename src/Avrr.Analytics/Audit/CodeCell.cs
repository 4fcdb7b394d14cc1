namespace Avrr.Analytics.Audit;

/// <summary>A cell of a count table: how many surveys, and their design weights exactly (<see cref="ExactWeight"/>).</summary>
internal struct CodeCell
{
    public long Count;
    public Int128 Weight;

    public void Add(Int128 weight)
    {
        Count++;
        Weight += weight;
    }

    public void Add(CodeCell other)
    {
        Count += other.Count;
        Weight += other.Weight;
    }
}
