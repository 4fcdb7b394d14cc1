namespace Avrr.Analytics.Wording;

/// <summary>The words of a result folder that must not be replaced (exit 2) or cannot be written (exit 5).</summary>
public sealed class FolderText
{
    public required string NotNamed { get; init; }
    public required string HoldsInput { get; init; }       // input
    public required string NotOurs { get; init; }          // "result"/"partial" word, listing file
    public required string Result { get; init; }
    public required string Partial { get; init; }
    public required string Foreign { get; init; }
    public required string ItHolds { get; init; }          // entries
    public required string TheyAre { get; init; }          // entries
    public required string More { get; init; }             // count
    public required string LockFile { get; init; }
    public required string Root { get; init; }
    public required string Current { get; init; }
    public required string HoldsCurrent { get; init; }     // current
    public required string Home { get; init; }             // home
    public required string IsFile { get; init; }
    public required string MountPoint { get; init; }       // suggestion
    public required string Busy { get; init; }
    public required string ReadOnly { get; init; }         // where
    public required string Full { get; init; }             // where
    public required string CannotWrite { get; init; }      // where, system message

    public static FolderText English { get; } = new()
    {
        NotNamed = "the result folder is not named",
        HoldsInput = "it holds the input {0}, which replacing the folder would delete; write the result to another folder",
        NotOurs = "it is not empty and it is not a {0} folder of avrr (it has no {1} of avrr); avrr replaces only a folder it made itself or an empty one, so that it never deletes a file it did not make. Choose another folder",
        Result = "result",
        Partial = "partial",
        Foreign = "it holds files that avrr did not write, which replacing the folder would delete. Move them out of it, or choose another folder",
        ItHolds = "; it holds {0}",
        TheyAre = "; they are {0}",
        More = " and {0} more",
        LockFile = " (a lock file: is one of its files open in a spreadsheet?)",
        Root = "it is the root of a file system",
        Current = "it is the current folder, which replacing would delete; name a folder for the results, such as results",
        HoldsCurrent = "it holds the current folder ({0}), which replacing it would delete",
        Home = "it is a home folder or holds one ({0})",
        IsFile = "it is a file, not a folder",
        MountPoint = "it is a mount point (a volume), which can be emptied but never replaced as a whole; name a folder inside it, such as {0}",
        Busy = "another avrr run is writing its result to this folder; wait for it to finish, or write to another folder",
        ReadOnly = "the file system that holds {0} is read-only, so nothing can be written there; write the result to another folder",
        Full = "the disk that holds {0} is full; free some space, or write the result to another disk",
        CannotWrite = "the folder {0} cannot be written ({1})",
    };

    public static FolderText French { get; } = new()
    {
        NotNamed = "le dossier de résultat n'est pas nommé",
        HoldsInput = "il contient le fichier d'entrée {0}, que remplacer le dossier supprimerait ; écrivez le résultat dans un autre dossier",
        NotOurs = "il n'est pas vide et ce n'est pas un dossier de {0} d'avrr (il n'a pas de {1} d'avrr) ; avrr ne remplace qu'un dossier qu'il a fait lui-même ou un dossier vide, afin de ne jamais supprimer un fichier qu'il n'a pas fait. Choisissez un autre dossier",
        Result = "résultat",
        Partial = "partiel",
        Foreign = "il contient des fichiers qu'avrr n'a pas écrits, que remplacer le dossier supprimerait. Sortez-les-en, ou choisissez un autre dossier",
        ItHolds = " ; il contient {0}",
        TheyAre = " ; ce sont {0}",
        More = " et {0} de plus",
        LockFile = " (un fichier de verrou : l'un de ses fichiers est-il ouvert dans un tableur ?)",
        Root = "c'est la racine d'un système de fichiers",
        Current = "c'est le dossier courant, que le remplacer supprimerait ; nommez un dossier pour les résultats, comme results",
        HoldsCurrent = "il contient le dossier courant ({0}), que le remplacer supprimerait",
        Home = "c'est un dossier personnel ou il en contient un ({0})",
        IsFile = "c'est un fichier, pas un dossier",
        MountPoint = "c'est un point de montage (un volume), qui peut être vidé mais jamais remplacé en entier ; nommez un dossier à l'intérieur, comme {0}",
        Busy = "une autre évaluation d'avrr écrit son résultat dans ce dossier ; attendez qu'elle finisse, ou écrivez dans un autre dossier",
        ReadOnly = "le système de fichiers qui contient {0} est en lecture seule : rien ne peut y être écrit ; écrivez le résultat dans un autre dossier",
        Full = "le disque qui contient {0} est plein ; libérez de la place, ou écrivez le résultat sur un autre disque",
        CannotWrite = "le dossier {0} ne peut pas être écrit ({1})",
    };
}
