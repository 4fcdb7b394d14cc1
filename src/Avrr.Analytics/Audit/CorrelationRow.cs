namespace Avrr.Analytics.Audit;

/// <summary>
/// A pair of audit/correlations (<paramref name="A"/> before <paramref name="B"/> in the order of
/// <see cref="AuditVariables"/>), with its four correlations; <paramref name="FromKeptSurveys"/> when it was
/// counted from the kept surveys (a pair with a many-valued score: a dimension or the composite) rather than streamed.
/// </summary>
public sealed record CorrelationRow(string A, string B, PairCorrelation Correlation, bool FromKeptSurveys);
