namespace Avrr.Analytics.Wording;

public sealed partial class Catalogue
{
    /// <summary>The command line's words: progress, the summary, validate's report, the wrappers of errors.</summary>
    public Words Console => Language.IsFrench ? Words.French : Words.English;
}
