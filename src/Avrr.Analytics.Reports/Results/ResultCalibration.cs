namespace Avrr.Analytics.Reports.Results;

/// <summary>The manifest's calibration (docs/outputs.md, "manifest.json"): method, bounds, each margin's variables and SHA-256, Kish's design effect of the weights.</summary>
public sealed record ResultCalibration(string Method, (double Lower, double Upper)? Bounds, IReadOnlyList<(string[] Variables, string Sha256)> Margins,
    double DesignEffectBefore, double DesignEffectAfter);
