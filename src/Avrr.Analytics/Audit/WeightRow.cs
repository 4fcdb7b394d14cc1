namespace Avrr.Analytics.Audit;

/// <summary>
/// A row of audit/weights: a dimension or an indicator, with its weight share within its parent and its
/// share of the composite, nominal (the scheme's) and derived (from the data); its correlation with the
/// composite; and its effective weight, the correlation-based importance in the composite (docs/audit.md, "Weights").
/// </summary>
public sealed record WeightRow(string Node, string Kind, string Parent, double NominalInParent, double Nominal,
    double Correlation, double Effective, double DerivedInParent, double Derived);
