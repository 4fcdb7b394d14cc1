namespace Avrr.Analytics.Calibration;

/// <summary>Why a calibration cannot be done (docs/methodology.md, "Refusals"): each names the margin and the level.</summary>
public enum CalibrationRefusal
{
    /// <summary>A level of a margin has no scored survey: no weight can be scaled up to its total.</summary>
    LevelWithoutSurvey,
    /// <summary>Scored surveys have a value that a margin does not list: their population is unknown.</summary>
    UnknownLevel,
    /// <summary>Two margins give different population totals.</summary>
    TotalsDisagree,
    /// <summary>The iterations ended before the calibrated totals met the margins (totals that no weights can meet, bounds too tight).</summary>
    NotConverged,
    /// <summary>The calibration gives some surveys a weight of zero or below (linear calibration without bounds).</summary>
    NegativeWeight,
}
