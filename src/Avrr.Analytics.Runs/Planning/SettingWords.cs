using Avrr.Analytics.Estimation;
using Avrr.Analytics.Inference;

namespace Avrr.Analytics.Runs.Planning;

/// <summary>
/// How the degrees of freedom and the decisions of families are written: as flag values (<c>--df domain</c>,
/// <c>--fdr bh</c>), evaluation-file values, and in manifest.json and partial.json.
/// </summary>
public static class SettingWords
{
    public static string Df(DegreesOfFreedomRule rule) => rule == DegreesOfFreedomRule.Design ? "design" : "domain";

    public static string Fdr(MultipleTesting method) => method == MultipleTesting.None ? "none" : "bh";

    /// <summary>The rule a word names (domain, design; any case, spaces around), or null when it names none.</summary>
    public static DegreesOfFreedomRule? ParseDf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "domain" => DegreesOfFreedomRule.Domain,
        "design" => DegreesOfFreedomRule.Design,
        _ => null,
    };

    /// <summary>The method a word names (bh, none), or null when it names none.</summary>
    public static MultipleTesting? ParseFdr(string text) => text.Trim().ToLowerInvariant() switch
    {
        "bh" => MultipleTesting.BenjaminiHochberg,
        "none" => MultipleTesting.None,
        _ => null,
    };

    /// <summary>A calibration method as a flag value writes it: poststratify, rake, linear.</summary>
    public static string Calibration(Analytics.Calibration.CalibrationMethod method) => method switch
    {
        Analytics.Calibration.CalibrationMethod.Poststratify => "poststratify",
        Analytics.Calibration.CalibrationMethod.Rake => "rake",
        _ => "linear",
    };

    /// <summary>The calibration method a word names (poststratify, rake, linear), or null when it names none.</summary>
    public static Analytics.Calibration.CalibrationMethod? ParseCalibration(string text) => text.Trim().ToLowerInvariant() switch
    {
        "poststratify" => Analytics.Calibration.CalibrationMethod.Poststratify,
        "rake" => Analytics.Calibration.CalibrationMethod.Rake,
        "linear" => Analytics.Calibration.CalibrationMethod.Linear,
        _ => null,
    };
}
