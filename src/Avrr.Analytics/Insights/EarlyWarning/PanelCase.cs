namespace Avrr.Analytics.Insights.EarlyWarning;

/// <summary>
/// One returnee with a baseline and a follow-up survey, for training the early warning: the features of the
/// baseline (NaN where missing), whether the follow-up composite fell in the low band, the fingerprint of
/// the returnee, which decides the cross-validation fold, and the baseline's composite score (NaN when it has
/// none), which the simple rule "lowest baseline composite first" ranks by.
/// </summary>
public sealed record PanelCase(float[] Features, bool Low, ulong Returnee, double BaselineComposite = double.NaN);
