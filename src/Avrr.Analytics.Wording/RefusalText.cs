namespace Avrr.Analytics.Wording;

/// <summary>
/// The words of an input refused before anything is written (<c>input refused: q3.csv: …</c>), and of how an
/// input is described (<c>CSV, ';' separated, UTF-8 with byte order mark</c>). The English is what the manifest
/// records; people read the language of the run.
/// </summary>
public sealed class RefusalText
{
    // InputFiles
    public required string FolderEmpty { get; init; }
    public required string NoSuchFile { get; init; }
    public required string NoSuchFileOrFolder { get; init; }
    public required string CannotRead { get; init; }            // system message
    public required string GivenTwice { get; init; }
    public required string SameFileAs { get; init; }            // earlier input
    public required string LinkLoop { get; init; }
    public required string NotRegular { get; init; }
    public required string ZipArchive { get; init; }
    public required string FakeXlsx { get; init; }
    public required string FakeParquet { get; init; }
    public required string OldXls { get; init; }
    public required string UnknownFormat { get; init; }         // extension
    public required string NoExport { get; init; }              // skipped names
    // CsvDialect
    public required string Empty { get; init; }
    public required string NulFirstLine { get; init; }
    public required string NulBytes { get; init; }              // nuls, total
    public required string BrokenUtf8 { get; init; }            // byte
    public required string BlankHeader { get; init; }
    // workbooks
    public required string SheetEmpty { get; init; }            // sheet
    public required string SheetNoHeader { get; init; }         // sheet
    public required string NoSheet { get; init; }               // sheet, sheets
    // headers
    public required string LongHeader { get; init; }            // column, characters, limit
    public required string Labels { get; init; }                // the first headers
    public required string MostMissing { get; init; }           // missing, needed, first missing, headers
    public required string Missing { get; init; }               // id
    public required string MissingMapped { get; init; }         // id, header named
    public required string Closest { get; init; }               // header
    public required string MapItOne { get; init; }              // id
    public required string MapItSeveral { get; init; }          // id
    // nothing to score (exit 3)
    public required string NoRowsOne { get; init; }
    public required string NoRowsSeveral { get; init; }
    public required string NoneInPeriod { get; init; }
    public required string AllRejected { get; init; }
    public required string AdviceDateFormat { get; init; }
    public required string AdviceDateTwo { get; init; }
    public required string AdviceDate { get; init; }
    public required string AdviceAnswer { get; init; }
    public required string AdviceDuplicate { get; init; }
    public required string AdviceMissing { get; init; }
    public required string AdviceWeight { get; init; }
    public required string AdviceRows { get; init; }
    public required string AdviceDesign { get; init; }
    public required string AdviceOther { get; init; }
    // descriptions
    public required string Csv { get; init; }                   // separator, encoding
    public required string Tab { get; init; }
    public required string Utf8 { get; init; }
    public required string Utf8Bom { get; init; }
    public required string Utf16Bom { get; init; }
    public required string Windows1252 { get; init; }
    public required string Xlsx { get; init; }                  // sheet
    public required string Parquet { get; init; }

    public static RefusalText English { get; } = new()
    {
        FolderEmpty = "the folder holds no .csv, .tsv, .txt, .xlsx or .parquet file",
        NoSuchFile = "no such file",
        NoSuchFileOrFolder = "no such file or folder",
        CannotRead = "the file cannot be read: {0}",
        GivenTwice = "the file is given twice among the inputs",
        SameFileAs = "it is the same file as the input {0} (through a link), given twice among the inputs",
        LinkLoop = "it is a symbolic link that leads back to itself (a loop of links, or more links than the system follows), so there is no file to read; give the export file itself",
        NotRegular = "it is not a regular file (a device, a named pipe or a socket), which cannot be read as an export; give the export file itself",
        ZipArchive = "the file is a zip archive; only .xlsx workbooks are read among zip files",
        FakeXlsx = "the file has the .xlsx extension but is not an Excel workbook",
        FakeParquet = "the file has the .parquet extension but is not a Parquet file",
        OldXls = "old Excel .xls files are not read: save the sheet as .xlsx or CSV",
        UnknownFormat = "unknown format '{0}': give a .csv, .tsv, .txt, .xlsx or .parquet file",
        NoExport = "no file of the input folders is a survey export (skipped: {0})",
        Empty = "the file is empty",
        NulFirstLine = "the file is not text (it holds NUL bytes in its first line: a binary file, or UTF-16 text without a byte order mark): give a CSV (UTF-8), XLSX or Parquet export",
        NulBytes = "the file is not text (it holds NUL bytes: {0:N0} of its {1:N0} bytes): give a CSV, XLSX or Parquet export",
        BrokenUtf8 = "the file is UTF-8 up to byte {0}, which is not valid UTF-8: it is damaged or mixes two encodings; save it again as UTF-8",
        BlankHeader = "the file holds no header (only blank space)",
        SheetEmpty = "the sheet '{0}' is empty",
        SheetNoHeader = "the sheet '{0}' is empty: it has no header row",
        NoSheet = "the workbook has no sheet '{0}' (sheets: {1})",
        LongHeader = "the name of its column {0} has {1:N0} characters, more than the {2:N0} a field may have: is the first row the header?",
        Labels = "the headers are the questions' labels, not their names ({0}, …): this is a KoboToolbox export with labels. Export it again with \"XML values and headers\" (KoboToolbox: Downloads, Value and header format)",
        MostMissing = "{0} of the {1} columns a survey export needs are missing ({2}, …); is this the survey export (for a workbook, the right sheet)? Its headers are: {3}",
        Missing = "the required column {0} is missing",
        MissingMapped = "the required column {0} is missing: the column mapping names '{1}', which no header is",
        Closest = " (closest header: '{0}')",
        MapItOne = "if a column of another name holds it, name it in the evaluation file's column mapping: \"columns\": {{\"{0}\": \"its header\"}}",
        MapItSeveral = "if a column of another name holds one, name it in the evaluation file's column mapping: \"columns\": {{\"{0}\": \"its header\"}}",
        NoRowsOne = "the input {0} holds no survey row (only a header, or blank rows); there is nothing to evaluate",
        NoRowsSeveral = "the inputs {0} hold no survey row (only a header, or blank rows); there is nothing to evaluate",
        NoneInPeriod = "none of the {0:N0} rows is dated in the period ({1}), so the earlier result was kept. What to do: check the period, or that the export covers it",
        AllRejected = "every one of the {0:N0} rows was rejected, so the earlier result was kept; most were {1} ({2:N0} problems). What to do: {3}. `avrr validate` lists the first rejects of each reason",
        AdviceDateFormat = "the survey dates are written like {0} ({1:N0} of the {2:N0} rejected dates tried read that way): set the date format to {0}",
        AdviceDateTwo = "the survey dates read as {0} or as {1} (every day is 12 or less, so the data cannot tell which): set the date format to the one the export uses",
        AdviceDate = "the survey dates are not in the form the run expects: if they are written like 14/07/2025, set the date format (dd/MM/yyyy)",
        AdviceAnswer = "the answers are not codes or labels of the scheme: check that the export matches the scheme, or use the scheme the form was built with",
        AdviceDuplicate = "every row repeats an earlier survey: check that the same export is not given twice under two names",
        AdviceMissing = "a required column (returnee_id, country or survey_date) is empty in every row: check the column mapping",
        AdviceWeight = "the weight column does not hold positive numbers: check which column holds the sampling weights",
        AdviceRows = "the rows do not have the header's columns: check the file's separator and quoting (save it again as CSV)",
        AdviceDesign = "the cluster or strata column is empty: check which columns hold the survey design",
        AdviceOther = "see the reasons in the validation report",
        Csv = "CSV, {0} separated, {1}",
        Tab = "tab",
        Utf8 = "UTF-8",
        Utf8Bom = "UTF-8 with byte order mark",
        Utf16Bom = "UTF-16 with byte order mark",
        Windows1252 = "Windows-1252 (the file is not valid UTF-8)",
        Xlsx = "XLSX, sheet '{0}'",
        Parquet = "Parquet",
    };

    public static RefusalText French { get; } = new()
    {
        FolderEmpty = "le dossier ne contient aucun fichier .csv, .tsv, .txt, .xlsx ou .parquet",
        NoSuchFile = "ce fichier n'existe pas",
        NoSuchFileOrFolder = "ce fichier ou dossier n'existe pas",
        CannotRead = "le fichier ne peut pas être lu : {0}",
        GivenTwice = "le fichier est donné deux fois parmi les fichiers d'entrée",
        SameFileAs = "c'est le même fichier que {0} (par un lien), donné deux fois parmi les fichiers d'entrée",
        LinkLoop = "c'est un lien symbolique qui ramène à lui-même (une boucle de liens, ou plus de liens que le système n'en suit) : il n'y a pas de fichier à lire ; donnez le fichier d'export lui-même",
        NotRegular = "ce n'est pas un fichier ordinaire (un périphérique, un tube nommé ou une socket) et il ne peut pas être lu comme un export ; donnez le fichier d'export lui-même",
        ZipArchive = "le fichier est une archive zip ; parmi les fichiers zip, seuls les classeurs .xlsx sont lus",
        FakeXlsx = "le fichier a l'extension .xlsx mais n'est pas un classeur Excel",
        FakeParquet = "le fichier a l'extension .parquet mais n'est pas un fichier Parquet",
        OldXls = "les anciens fichiers Excel .xls ne sont pas lus : enregistrez la feuille en .xlsx ou en CSV",
        UnknownFormat = "format inconnu '{0}' : donnez un fichier .csv, .tsv, .txt, .xlsx ou .parquet",
        NoExport = "aucun fichier des dossiers donnés n'est un export d'enquêtes (ignorés : {0})",
        Empty = "le fichier est vide",
        NulFirstLine = "le fichier n'est pas du texte (sa première ligne contient des octets NUL : un fichier binaire, ou du texte UTF-16 sans marque d'ordre des octets) : donnez un export CSV (UTF-8), XLSX ou Parquet",
        NulBytes = "le fichier n'est pas du texte (il contient des octets NUL : {0:N0} de ses {1:N0} octets) : donnez un export CSV, XLSX ou Parquet",
        BrokenUtf8 = "le fichier est en UTF-8 jusqu'à l'octet {0}, qui n'est pas de l'UTF-8 valide : il est endommagé ou mélange deux encodages ; enregistrez-le de nouveau en UTF-8",
        BlankHeader = "le fichier n'a pas d'en-tête (seulement des espaces)",
        SheetEmpty = "la feuille '{0}' est vide",
        SheetNoHeader = "la feuille '{0}' est vide : elle n'a pas de ligne d'en-tête",
        NoSheet = "le classeur n'a pas de feuille '{0}' (feuilles : {1})",
        LongHeader = "le nom de sa colonne {0} a {1:N0} caractères, plus que les {2:N0} qu'un champ peut avoir : la première ligne est-elle l'en-tête ?",
        Labels = "les en-têtes sont les libellés des questions, non leurs noms ({0}, …) : c'est un export KoboToolbox avec libellés. Exportez-le de nouveau avec « XML values and headers » (KoboToolbox : Downloads, Value and header format)",
        MostMissing = "{0} des {1} colonnes d'un export d'enquêtes manquent ({2}, …) ; est-ce bien l'export d'enquêtes (pour un classeur, la bonne feuille) ? Ses en-têtes sont : {3}",
        Missing = "la colonne obligatoire {0} manque",
        MissingMapped = "la colonne obligatoire {0} manque : la correspondance des colonnes nomme '{1}', qui n'est aucun en-tête",
        Closest = " (en-tête le plus proche : '{0}')",
        MapItOne = "si une colonne d'un autre nom la contient, nommez-la dans la correspondance des colonnes du fichier d'évaluation : \"columns\": {{\"{0}\": \"son en-tête\"}}",
        MapItSeveral = "si une colonne d'un autre nom en contient une, nommez-la dans la correspondance des colonnes du fichier d'évaluation : \"columns\": {{\"{0}\": \"son en-tête\"}}",
        NoRowsOne = "le fichier {0} ne contient aucune ligne d'enquête (seulement un en-tête, ou des lignes vides) ; il n'y a rien à évaluer",
        NoRowsSeveral = "les fichiers {0} ne contiennent aucune ligne d'enquête (seulement un en-tête, ou des lignes vides) ; il n'y a rien à évaluer",
        NoneInPeriod = "aucune des {0:N0} lignes n'est datée dans la période ({1}), le résultat précédent a donc été gardé. Que faire : vérifiez la période, ou que l'export la couvre",
        AllRejected = "chacune des {0:N0} lignes a été rejetée, le résultat précédent a donc été gardé ; la plupart pour {1} ({2:N0} problèmes). Que faire : {3}. `avrr validate` liste les premiers rejets de chaque motif",
        AdviceDateFormat = "les dates d'enquête sont écrites comme {0} ({1:N0} des {2:N0} dates rejetées essayées se lisent ainsi) : indiquez le format de date {0}",
        AdviceDateTwo = "les dates d'enquête se lisent {0} ou {1} (tous les jours sont inférieurs ou égaux à 12, les données ne permettent pas de choisir) : indiquez le format de date de l'export",
        AdviceDate = "les dates d'enquête ne sont pas de la forme attendue : si elles s'écrivent comme 14/07/2025, indiquez le format de date (dd/MM/yyyy)",
        AdviceAnswer = "les réponses ne sont ni des codes ni des libellés du schéma : vérifiez que l'export correspond au schéma, ou utilisez le schéma avec lequel le formulaire a été construit",
        AdviceDuplicate = "chaque ligne répète une enquête précédente : vérifiez que le même export n'est pas donné deux fois sous deux noms",
        AdviceMissing = "une colonne obligatoire (returnee_id, country ou survey_date) est vide dans chaque ligne : vérifiez la correspondance des colonnes",
        AdviceWeight = "la colonne des poids ne contient pas de nombres positifs : vérifiez quelle colonne contient les poids de sondage",
        AdviceRows = "les lignes n'ont pas les colonnes de l'en-tête : vérifiez le séparateur et les guillemets du fichier (enregistrez-le de nouveau en CSV)",
        AdviceDesign = "la colonne des grappes ou des strates est vide : vérifiez quelles colonnes contiennent le plan de sondage",
        AdviceOther = "voir les motifs dans le rapport de validation",
        Csv = "CSV, séparateur {0}, {1}",
        Tab = "tabulation",
        Utf8 = "UTF-8",
        Utf8Bom = "UTF-8 avec marque d'ordre des octets",
        Utf16Bom = "UTF-16 avec marque d'ordre des octets",
        Windows1252 = "Windows-1252 (le fichier n'est pas de l'UTF-8 valide)",
        Xlsx = "XLSX, feuille '{0}'",
        Parquet = "Parquet",
    };

    /// <summary>An encoding's name (as the manifest records it, in English) in these words.</summary>
    public string EncodingName(string english) =>
        english == RefusalText.English.Utf8Bom ? Utf8Bom
        : english == RefusalText.English.Utf16Bom ? Utf16Bom
        : english == RefusalText.English.Windows1252 ? Windows1252
        : english == RefusalText.English.Utf8 ? Utf8
        : english;
}
