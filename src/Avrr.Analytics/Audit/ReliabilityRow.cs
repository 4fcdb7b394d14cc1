namespace Avrr.Analytics.Audit;

/// <summary>A row of audit/reliability: Cronbach's alpha of one scope on its complete cases, unweighted or design-weighted.</summary>
public sealed record ReliabilityRow(string Scope, bool Weighted, double AlphaRaw, double AlphaStd, long N);
