namespace Avrr.Analytics.Insights.EarlyWarning;

/// <summary>
/// Two areas under the ROC curve of the same returnees and outcomes, and their difference with the paired
/// standard error of DeLong, DeLong and Clarke-Pearson (1988, "Comparing the areas under two or more
/// correlated receiver operating characteristic curves", Biometrics 44:837–845): each score's structural
/// components V10 (per positive: the share of negatives it outranks, ties half) and V01 (per negative: the
/// share of positives that outrank it), their sample covariances S10 (over the m positives) and S01 (over
/// the n negatives), and Var(A − B) = (S10_AA + S10_BB − 2 S10_AB)/m + (S01_AA + S01_BB − 2 S01_AB)/n.
/// The 95% interval is the difference ∓ 1.959964·se (normal, as DeLong's test and R pROC's roc.test).
/// Components come from mid-ranks (Sun and Xu 2014, "Fast implementation of DeLong's algorithm"), so
/// the cost is n log n.
/// </summary>
public sealed record PairedAuc(double AucA, double AucB, double Difference, double StandardError, double CiLow, double CiHigh)
{
    /// <summary>qnorm(0.975).</summary>
    public const double Z975 = 1.959963984540054;

    public static PairedAuc Of(IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<bool> positive)
    {
        var positives = Enumerable.Range(0, positive.Count).Where(i => positive[i]).ToArray();
        var negatives = Enumerable.Range(0, positive.Count).Where(i => !positive[i]).ToArray();
        int m = positives.Length, n = negatives.Length;
        if (m < 2 || n < 2) return new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var (aucA, v10A, v01A) = Components(a, positives, negatives);
        var (aucB, v10B, v01B) = Components(b, positives, negatives);
        var variance = (Covariance(v10A, v10A) + Covariance(v10B, v10B) - 2 * Covariance(v10A, v10B)) / m
                     + (Covariance(v01A, v01A) + Covariance(v01B, v01B) - 2 * Covariance(v01A, v01B)) / n;
        var se = Math.Sqrt(Math.Max(0, variance));
        var difference = aucA - aucB;
        return new(aucA, aucB, difference, se, difference - Z975 * se, difference + Z975 * se);
    }

    /// <summary>The AUC and the structural components of one score: V10 per positive, V01 per negative.</summary>
    private static (double Auc, double[] V10, double[] V01) Components(IReadOnlyList<double> score, int[] positives, int[] negatives)
    {
        int m = positives.Length, n = negatives.Length;
        var all = MidRanks(positives.Concat(negatives).Select(i => score[i]).ToArray());
        var withinPositives = MidRanks(positives.Select(i => score[i]).ToArray());
        var withinNegatives = MidRanks(negatives.Select(i => score[i]).ToArray());
        // A positive's rank among all, less its rank among the positives: the negatives below it (ties half).
        var v10 = Enumerable.Range(0, m).Select(i => (all[i] - withinPositives[i]) / n).ToArray();
        // A negative's rank among all, less its rank among the negatives: the positives below it; the rest outrank it.
        var v01 = Enumerable.Range(0, n).Select(j => 1 - (all[m + j] - withinNegatives[j]) / m).ToArray();
        return (v10.Average(), v10, v01);
    }

    /// <summary>The ranks 1..k of the values, ties given their mean rank.</summary>
    private static double[] MidRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]]) j++;
            for (var t = i; t <= j; t++) ranks[order[t]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        return ranks;
    }

    private static double Covariance(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sum = 0;
        for (var i = 0; i < x.Length; i++) sum += (x[i] - mx) * (y[i] - my);
        return sum / (x.Length - 1);
    }
}
