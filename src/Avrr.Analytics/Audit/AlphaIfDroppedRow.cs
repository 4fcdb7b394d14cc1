namespace Avrr.Analytics.Audit;

/// <summary>A row of audit/alpha_if_dropped: the alpha of a scope without one of its indicators, on the same complete cases.</summary>
public sealed record AlphaIfDroppedRow(string Scope, string Indicator, bool Weighted, double AlphaRaw, double AlphaStd, long N);
