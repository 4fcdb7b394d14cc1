namespace Avrr.Analytics.Audit;

/// <summary>
/// A row of audit/alpha_if_dropped: the alpha of a scope without one of its indicators, on the same
/// complete cases, and the indicator's correlation with the sum of the others (<paramref name="RDrop"/>, psych's r.drop).
/// </summary>
public sealed record AlphaIfDroppedRow(string Scope, string Indicator, bool Weighted, double AlphaRaw, double AlphaStd, double RDrop, long N);
