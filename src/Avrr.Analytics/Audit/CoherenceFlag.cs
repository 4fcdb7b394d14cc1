namespace Avrr.Analytics.Audit;

/// <summary>A row of audit/flags: something about an indicator that an evaluator should look at, with the score it concerns and the figure behind it.</summary>
public sealed record CoherenceFlag(string Indicator, string Flag, string Other, double Value);
