namespace Avrr.Analytics.Wording;

public sealed partial class Catalogue
{
    /// <summary>How avrr was called: the parser's errors, the settings' and the evaluation file's problems.</summary>
    public UsageText Usage => Language.IsFrench ? UsageText.French : UsageText.English;
}
