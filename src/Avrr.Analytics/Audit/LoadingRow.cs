namespace Avrr.Analytics.Audit;

/// <summary>A row of audit/pca_loadings: the loading of one score on one component of a scope (sign fixed: a component's loadings sum to ≥ 0).</summary>
public sealed record LoadingRow(string Scope, int Component, string Variable, double Loading);
