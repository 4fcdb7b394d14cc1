namespace Avrr.Analytics.Runs.Planning;

/// <summary>
/// The settings of a run, by name, so that a problem with one names the setting and not a way of giving
/// it: the command line words it as a flag (<c>--min-cell</c>), an evaluation file as its key (<c>minCell</c>),
/// and a program that calls the library sees this name. <see cref="SettingNames"/> has both words.
/// </summary>
public enum RunSetting
{
    Inputs,
    Out,
    Scheme,
    Levels,
    Weight,
    Cluster,
    Strata,
    MinCell,
    Ci,
    Df,
    Fdr,
    Lang,
    Formats,
    DateFormat,
    Sheet,
    Indicators,
    Columns,
    Threads,
    MaxRejectedShare,
    Period,
    From,
    To,
    Keep,
    Recode,
    ShortInterviewMinutes,
    Report,
    PartialOut,
    PartialPanel,
    PartialSalt,
    PartialKey,
    PartitionBy,
    Insights,
    InsightsSeed,
    InsightsSample,
    DriverTerms,
    Audit,
    AuditSamples,
    AuditSeed,
    AuditLevel,
}
