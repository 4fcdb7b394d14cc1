namespace Avrr.Analytics.Tests.Insights;

/// <summary>The adjusted Rand index of two labellings (Hubert and Arabie 1985): 1 for the same partition, about 0 by chance.</summary>
internal static class AdjustedRand
{
    public static double Index(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var table = a.Zip(b).GroupBy(p => p).ToDictionary(g => g.Key, g => (long)g.Count());
        var rows = a.GroupBy(x => x).Select(g => Pairs(g.Count())).Sum();
        var columns = b.GroupBy(x => x).Select(g => Pairs(g.Count())).Sum();
        var index = table.Values.Sum(Pairs);
        var expected = rows * columns / Pairs(a.Count);
        var max = (rows + columns) / 2;
        return (index - expected) / (max - expected);
    }
}
