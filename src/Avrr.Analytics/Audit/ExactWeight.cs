namespace Avrr.Analytics.Audit;

/// <summary>
/// A count of surveys and their total design weight packed into one <see cref="Int128"/>: the count in the
/// top 32 bits, the weight as the exact integer w · 2⁵² below. Sums of such cells do not depend on the
/// order they are added in, so the scoring workers can count the surveys of whatever batches the threads
/// gave them, and the audit's files still do not depend on the threads; one 128-bit addition counts a
/// survey and adds its weight. A weight is rounded to a multiple of 2⁻⁵² (weights of at least 1 are exact;
/// a weight of 0.1 is off by less than 10⁻¹⁶), and the sum of those integers is exact; a cell holds up to
/// 2³¹ surveys and a total weight of 2⁴⁴ (1.7 · 10¹³), far above any survey.
/// </summary>
internal static class ExactWeight
{
    private const double Scale = 4503599627370496.0;   // 2^52
    private static readonly Int128 WeightMask = (Int128.One << 96) - 1;
    private static readonly Int128 OneSurvey = Int128.One << 96;

    /// <summary>One survey of this weight, as a cell to add.</summary>
    public static Int128 Of(double weight)
    {
        var scaled = weight * Scale;
        scaled = Math.Round(scaled);
        return OneSurvey | (scaled < 9.2e18 ? (Int128)(long)scaled : (Int128)scaled);
    }

    public static long Count(Int128 cell) => (long)(cell >> 96);

    /// <summary>The total weight of a cell: the double nearest the exact sum of the rounded weights.</summary>
    public static double Weight(Int128 cell) => (double)(cell & WeightMask) / Scale;
}
