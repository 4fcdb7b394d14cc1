using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Audit;

/// <summary>
/// The part of the audit that runs on a scoring worker, on the batches it scored, in any order
/// (docs/audit.md, "How the audit streams"): each survey's indicator codes, the indicator pair tables
/// (exact integer sums, so the order does not matter) and the batch's complete-case sums (added in
/// input order later). One per thread.
/// </summary>
public sealed class AuditWorker
{
    private readonly IndexAudit _audit;

    internal AuditWorker(IndexAudit audit)
    {
        _audit = audit;
        Pairs = new IndicatorPairTables(audit.Codes);
    }

    internal IndicatorPairTables Pairs { get; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Prepare(SurveyBatch batch, AuditBatch into)
    {
        var questions = batch.Layout.QuestionCount;
        var indicators = batch.IndicatorCount;
        into.Ensure(batch.Count, indicators, _audit.SumScopes);
        var codes = _audit.Codes;
        for (var row = 0; row < batch.Count; row++)
        {
            if (!batch.IsScored(row)) continue;
            var answers = batch.Answers.AsSpan(row * questions, questions);
            var rowCodes = into.Codes.AsSpan(row * indicators, indicators);
            codes.Codes(answers, rowCodes);
            var weight = batch.Weight[row] / _audit.WeightScale;
            Pairs.Add(rowCodes, ExactWeight.Of(weight));
            var scores = batch.RowScores(row);
            // A survey complete in every indicator goes to the scope of all of them only (IndexAudit adds that block to each dimension's sums).
            var sums = into.Sums;
            var complete = sums[_audit.AllScope].Add(scores, weight);
            for (var s = 0; s < sums.Length; s++)
                if (s != _audit.AllScope && (!complete || s == _audit.DimensionsScope)) sums[s].Add(scores, weight);
        }
    }
}
