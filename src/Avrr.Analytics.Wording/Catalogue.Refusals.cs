namespace Avrr.Analytics.Wording;

public sealed partial class Catalogue
{
    /// <summary>Why an input is refused, and how validate describes an input.</summary>
    public RefusalText Refusals => Language.IsFrench ? RefusalText.French : RefusalText.English;
}
