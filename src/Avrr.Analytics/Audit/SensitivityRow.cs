namespace Avrr.Analytics.Audit;

/// <summary>A row of audit/sensitivity: one assumption, its alternatives, and its Sobol indices with their bootstrap 5–95% intervals.</summary>
public sealed record SensitivityRow(string Assumption, string Nominal, string Alternatives, double FirstOrder, double Total,
    double FirstOrderLow, double FirstOrderHigh, double TotalLow, double TotalHigh);
