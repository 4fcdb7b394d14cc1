namespace Avrr.Analytics.Audit;

/// <summary>
/// A row of audit/sensitivity: one assumption, its alternatives, and its Sobol indices with their bootstrap 5–95% intervals;
/// an index the design cannot support is NaN (an empty cell) with the reason it is withheld (<see cref="SobolScreen"/>), null when shown.
/// </summary>
public sealed record SensitivityRow(string Assumption, string Nominal, string Alternatives, double FirstOrder, double Total,
    double FirstOrderLow, double FirstOrderHigh, double TotalLow, double TotalHigh, string? FirstOrderWithheld = null, string? TotalWithheld = null);
