namespace Avrr.Analytics.Audit;

/// <summary>
/// The joint distribution of two scores over the surveys where both are present: their distinct values
/// in ascending order, and the pairs of values met, each with its number of surveys and their total
/// design weight. Everything <see cref="PairCorrelation"/> needs, Pearson and Spearman, weighted or not.
/// </summary>
public sealed class JointTable
{
    public double[] ValuesA { get; }
    public double[] ValuesB { get; }
    /// <summary>Per cell, the position of its value in <see cref="ValuesA"/> and in <see cref="ValuesB"/>.</summary>
    public int[] CellA { get; }
    public int[] CellB { get; }
    /// <summary>Per cell, its surveys and their total design weight.</summary>
    public long[] Counts { get; }
    public double[] Weights { get; }

    public JointTable(double[] valuesA, double[] valuesB, int[] cellA, int[] cellB, long[] counts, double[] weights)
    {
        if (cellB.Length != cellA.Length || counts.Length != cellA.Length || weights.Length != cellA.Length)
            throw new ArgumentException("A joint table has one value of each score, one count and one weight per cell.");
        ValuesA = valuesA;
        ValuesB = valuesB;
        CellA = cellA;
        CellB = cellB;
        Counts = counts;
        Weights = weights;
    }

    /// <summary>Surveys with both scores present.</summary>
    public long N => Counts.Sum();

    /// <summary>A table from dense counts and weights, [a · valuesB.Length + b]; empty cells are left out.</summary>
    public static JointTable FromDense(double[] valuesA, double[] valuesB, long[] counts, double[] weights)
    {
        var cells = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).ToArray();
        return new JointTable(valuesA, valuesB, cells.Select(c => c / valuesB.Length).ToArray(), cells.Select(c => c % valuesB.Length).ToArray(),
            cells.Select(c => counts[c]).ToArray(), cells.Select(c => weights[c]).ToArray());
    }
}
