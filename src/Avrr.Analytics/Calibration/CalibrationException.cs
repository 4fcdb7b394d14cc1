namespace Avrr.Analytics.Calibration;

/// <summary>
/// A calibration refused, with the margin and the level that stopped it (docs/methodology.md, "Refusals"). The
/// runner turns it into a refused input (exit 3), before anything is written.
/// </summary>
public sealed class CalibrationException(CalibrationRefusal refusal, string margin, string level, string message, string frenchMessage)
    : Exception(message)
{
    public CalibrationRefusal Refusal { get; } = refusal;
    /// <summary>The margin (its file's name).</summary>
    public string MarginName { get; } = margin;
    /// <summary>The level, as <c>country=SEN, sex=F</c>.</summary>
    public string Level { get; } = level;
    /// <summary>The same in French.</summary>
    public string FrenchMessage { get; } = frenchMessage;
}
