namespace Avrr.Analytics.Audit;

/// <summary>
/// Design weights as exact fixed-point integers (w · 2⁶⁴ in an <see cref="Int128"/>), so that sums of them
/// do not depend on the order they are added in: the scoring workers add the surveys of their batches in
/// whatever order the threads take them, and the audit's files must not depend on the threads. Every
/// weight of at least 2⁻¹² is represented exactly (smaller ones to 2⁻⁶⁴), and a sum converts back to the
/// correctly rounded double of the exact sum.
/// </summary>
internal static class ExactWeight
{
    private const double Scale = 18446744073709551616.0;   // 2^64

    public static Int128 Of(double weight) => (Int128)(weight * Scale);

    public static double ToDouble(Int128 sum) => (double)sum / Scale;
}
