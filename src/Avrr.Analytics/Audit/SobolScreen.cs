namespace Avrr.Analytics.Audit;

/// <summary>
/// Which Sobol indices a design can support (docs/audit.md, "When an index is withheld"). An index is withheld,
/// with the first of these reasons that applies, never clamped:
/// <list type="number">
/// <item><c>negligible_variance</c> (every index): the output moved in fewer than
/// <see cref="AuditOptions.SobolMinMovedShare"/> of the A and B runs (and in fewer than 5 of them at least), so
/// there is almost no variance to share out and any share of it is noise;</item>
/// <item><c>sum_inconsistent</c> (every first-order index, or every total): Σ S_i exceeds 1, or Σ S_Ti falls short
/// of 1, beyond the bootstrap's error (its 5% bound above 1, its 95% bound below 1), which independent inputs
/// cannot give (Saltelli et al. 2010: Σ S_i ≤ 1 ≤ Σ S_Ti);</item>
/// <item><c>outside_0_1</c>: the estimate is below 0 or above 1, impossible for a share of variance;</item>
/// <item><c>first_order_above_total</c>: S_i &gt; S_Ti, impossible (S_Ti counts S_i and the interactions); the
/// first order is withheld, and the total too when the excess is beyond the bootstrap's error (the 5% bound of
/// S_i − S_Ti above 0);</item>
/// <item><c>interval_too_wide</c>: the 5–95% interval is wider than <see cref="AuditOptions.SobolMaxIntervalWidth"/>.</item>
/// </list>
/// </summary>
public static class SobolScreen
{
    public const string Negligible = "negligible_variance";
    public const string SumInconsistent = "sum_inconsistent";
    public const string Outside = "outside_0_1";
    public const string FirstAboveTotal = "first_order_above_total";
    public const string TooWide = "interval_too_wide";

    /// <summary>The reason each first-order and total index is withheld, null where it is shown.</summary>
    public static (string?[] First, string?[] Total) Reasons(SobolIndices indices, int baseSamples, AuditOptions options)
    {
        var k = indices.FirstOrder.Length;
        var (first, total) = (new string?[k], new string?[k]);
        var runs = 2 * baseSamples;
        if (!(indices.Variance > 0) || indices.MovedRuns < Math.Max(5, options.SobolMinMovedShare * runs))
        {
            Array.Fill(first, Negligible);
            Array.Fill(total, Negligible);
            return (first, total);
        }
        if (indices.FirstOrderSumLow > 1) Array.Fill(first, SumInconsistent);
        if (indices.TotalSumHigh < 1) Array.Fill(total, SumInconsistent);
        for (var i = 0; i < k; i++)
        {
            first[i] ??= Check(indices.FirstOrder[i], indices.FirstOrderLow[i], indices.FirstOrderHigh[i]);
            total[i] ??= Check(indices.Total[i], indices.TotalLow[i], indices.TotalHigh[i]);
            if (indices.FirstOrder[i] > indices.Total[i])
            {
                first[i] ??= FirstAboveTotal;
                if (indices.FirstMinusTotalLow[i] > 0) total[i] ??= FirstAboveTotal;
            }
            first[i] ??= Wide(indices.FirstOrderLow[i], indices.FirstOrderHigh[i]);
            total[i] ??= Wide(indices.TotalLow[i], indices.TotalHigh[i]);
        }
        return (first, total);

        string? Wide(double low, double high) => !(high - low <= options.SobolMaxIntervalWidth) ? TooWide : null;
    }

    private static string? Check(double estimate, double low, double high) =>
        double.IsNaN(estimate) ? Negligible : estimate < 0 || estimate > 1 ? Outside : null;
}
