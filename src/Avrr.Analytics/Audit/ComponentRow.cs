namespace Avrr.Analytics.Audit;

/// <summary>A row of audit/pca: one principal component (from 1) of a scope.</summary>
public sealed record ComponentRow(string Scope, int Component, long N, double Eigenvalue, double Explained, double Cumulative);
