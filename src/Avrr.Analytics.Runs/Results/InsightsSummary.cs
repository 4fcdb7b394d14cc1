namespace Avrr.Analytics.Runs.Results;

/// <summary>
/// What the insights of a run rested on, for the manifest and the summary (docs/insights.md): the training
/// sample (returnees and scored surveys, out of the run's returnees), its seed, the number of profiles,
/// whether an early warning was trained, the drivers' terms, and notes on what could not be done.
/// </summary>
public sealed record InsightsSummary(int SampleReturnees, int SampleSurveys, long Returnees, int Seed, int Profiles, bool EarlyWarning,
    int EarlyWarningReturnees, IReadOnlyList<string> Terms, IReadOnlyList<string> Notes);
