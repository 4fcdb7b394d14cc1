using Avrr.Analytics.Insights.EarlyWarning;
using Avrr.Analytics.Insights.Profiles;
using Avrr.Analytics.Runs.Passes;

namespace Avrr.Analytics.Runs.Insights;

/// <summary>
/// What the insights learn from the training sample before pass 2 (<see cref="InsightsTraining"/>), so that
/// pass 2 can give each survey its profile and each baseline-only returnee a risk while it streams: the
/// profiles, the early warning, the candidate terms of the drivers, and the sample itself (the tree model is
/// trained on it at the end, once the terms are final).
/// </summary>
internal sealed record InsightsModels(
    SurveySample Sample,
    long ReturneesInRun,
    ProfileFeatures ProfileFeatures,
    ProfileModel? Profiles,
    BaselineFeatures RiskFeatures,
    EarlyWarningResult EarlyWarning,
    IReadOnlyList<TermColumn> TermCandidates,
    bool TermsNamed)
{
    /// <summary>The round that is a baseline (<see cref="InsightsTraining.BaselineRound"/>); null: by position alone.</summary>
    public string? BaselineRound { get; init; }
}
