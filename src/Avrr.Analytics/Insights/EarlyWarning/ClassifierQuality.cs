namespace Avrr.Analytics.Insights.EarlyWarning;

/// <summary>
/// How well cross-validated risks separate and match the outcomes (docs/insights.md, "Early warning"): the
/// area under the ROC curve (the chance that a returnee who fell low got a higher risk than one who did not,
/// ties counting half), the Brier score (mean squared difference of risk and outcome), the threshold that
/// maximises F1 with its precision and recall, and 10 reliability bins of equal width.
/// </summary>
public sealed record ClassifierQuality(double Auc, double Brier, double Threshold, double Precision, double Recall, IReadOnlyList<CalibrationBin> Bins)
{
    public const int BinCount = 10;

    public static ClassifierQuality Of(IReadOnlyList<double> risk, IReadOnlyList<bool> low)
    {
        var n = risk.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => risk[i]).ToArray();
        // AUC by ranks (Mann–Whitney), ties given their average rank.
        double rankSum = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && risk[order[j + 1]] == risk[order[i]]) j++;
            var rank = (i + j) / 2.0 + 1;
            for (var t = i; t <= j; t++) if (low[order[t]]) rankSum += rank;
            i = j + 1;
        }
        long positives = low.Count(l => l), negatives = n - positives;
        var auc = positives == 0 || negatives == 0 ? double.NaN : (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
        var brier = Enumerable.Range(0, n).Average(i => Math.Pow(risk[i] - (low[i] ? 1 : 0), 2));

        // The threshold: flagging every returnee at or above it maximises F1 = 2TP / (2TP + FP + FN);
        // among equal F1, the higher threshold (fewer calls for the same quality).
        double bestF1 = -1, threshold = double.NaN;
        long truePositives = 0, flagged = 0, bestTp = 0, bestFlagged = 0;
        for (var i = n - 1; i >= 0;)
        {
            var j = i;
            while (j - 1 >= 0 && risk[order[j - 1]] == risk[order[i]]) j--;
            for (var t = j; t <= i; t++) { flagged++; if (low[order[t]]) truePositives++; }
            var f1 = 2.0 * truePositives / (flagged + positives);
            if (f1 > bestF1) (bestF1, threshold, bestTp, bestFlagged) = (f1, risk[order[i]], truePositives, flagged);
            i = j - 1;
        }
        var precision = bestFlagged == 0 ? double.NaN : (double)bestTp / bestFlagged;
        var recall = positives == 0 ? double.NaN : (double)bestTp / positives;

        var bins = Enumerable.Range(0, BinCount).Select(b =>
        {
            var members = Enumerable.Range(0, n).Where(i => Math.Min(BinCount - 1, (int)(risk[i] * BinCount)) == b).ToArray();
            return new CalibrationBin((double)b / BinCount, (double)(b + 1) / BinCount, members.Length,
                members.Length == 0 ? double.NaN : members.Average(i => risk[i]),
                members.Length == 0 ? double.NaN : members.Average(i => low[i] ? 1.0 : 0.0));
        }).ToArray();
        return new ClassifierQuality(auc, brier, threshold, precision, recall, bins);
    }
}
