namespace Avrr.Analytics.Wording;

public sealed partial class Catalogue
{
    /// <summary>Why a result folder (--out, --partial-out) is refused or cannot be written.</summary>
    public FolderText Folders => Language.IsFrench ? FolderText.French : FolderText.English;
}
