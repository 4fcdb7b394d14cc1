using Avrr.Analytics.Surveys;

namespace Avrr.Analytics.Audit;

/// <summary>
/// The part of the audit that runs on a scoring worker, on the batches it scored, in any order
/// (docs/audit.md, "How the audit streams"): each survey's answers with dk kept apart, its indicator
/// codes, the indicator pair tables (exact integer sums, so the order does not matter) and the batch's
/// complete-case sums (added in input order later). One per thread.
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
        into.Ensure(batch.Count, questions, indicators, _audit.SumScopes);
        var codes = _audit.Codes;
        var dontKnow = _audit.DontKnow;
        for (var row = 0; row < batch.Count; row++)
        {
            if (batch.Rejected[row]) continue;
            var answers = into.Answers.AsSpan(row * questions, questions);
            dontKnow.Mark(batch, row, answers);
            var rowCodes = into.Codes.AsSpan(row * indicators, indicators);
            for (var i = 0; i < indicators; i++) rowCodes[i] = codes.IsDense(i) ? codes.Code(i, answers) : (ushort)0;
            var weight = batch.Weight[row];
            Pairs.Add(rowCodes, ExactWeight.Of(weight));
            var scores = batch.RowScores(row);
            foreach (var sums in into.Sums) sums.Add(scores, weight);
        }
    }
}
