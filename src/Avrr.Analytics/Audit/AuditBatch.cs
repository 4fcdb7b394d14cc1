namespace Avrr.Analytics.Audit;

/// <summary>
/// What an <see cref="AuditWorker"/> prepares from one scored batch for <see cref="IndexAudit.Add(Surveys.SurveyBatch, AuditBatch)"/>:
/// each row's indicator codes, and the batch's complete-case sums. Reused from batch to batch (a runner
/// keeps one beside each batch in flight).
/// </summary>
public sealed class AuditBatch
{
    internal ushort[] Codes { get; private set; } = [];
    internal CompleteCaseSums[] Sums { get; private set; } = [];

    internal void Ensure(int rows, int indicators, IReadOnlyList<int[]> scopes)
    {
        if (Codes.Length < rows * indicators) Codes = new ushort[rows * indicators];
        if (Sums.Length != scopes.Count) Sums = scopes.Select(s => new CompleteCaseSums(s)).ToArray();
        foreach (var sums in Sums) sums.Clear();
    }
}
