using System.Text.RegularExpressions;

namespace Avrr.Analytics.Wording;

/// <summary>
/// The words of a usage error (exit code 2): the command-line parser's messages, a setting's problem worded
/// as its flag or as its key in the evaluation file, and the evaluation file's own problems.
/// </summary>
public sealed class UsageText
{
    // The parser's (Spectre.Console.Cli) messages: the English ones are its own, word for word, so that they can be recognised.
    public required string UnknownOption { get; init; }         // option
    public required string UnknownCommand { get; init; }        // command
    public required string UnexpectedOption { get; init; }      // option
    public required string MissingArgument { get; init; }       // command, argument
    public required string FlagWithValue { get; init; }
    public required string OptionWithoutValue { get; init; }    // option
    public required string DidYouMean { get; init; }            // flag
    // the command line
    public required string NoInput { get; init; }
    public required string NoPartial { get; init; }
    public required string UnknownLanguage { get; init; }       // code
    // a setting's problem
    public required string Line { get; init; }                  // line
    public required string AsFlag { get; init; }                // flag, " value" or "", problem
    public required string AsKey { get; init; }                 // key, ": value" or "", file, line part, problem
    public required string InFile { get; init; }                // path, problem
    public required string WholeNumber { get; init; }           // min, max
    public required string Number { get; init; }                // what
    public required string Share { get; init; }
    public required string Minutes { get; init; }
    public required string PeriodAndDates { get; init; }
    public required string PeriodForm { get; init; }
    public required string DateForm { get; init; }
    public required string KeepForm { get; init; }
    public required string CiForm { get; init; }
    public required string DfForm { get; init; }
    public required string FdrForm { get; init; }
    public required string PanelForm { get; init; }
    public required string FormatForm { get; init; }
    public required string NoFormat { get; init; }
    // the evaluation file
    public required string CannotRead { get; init; }            // path, system message
    public required string NotUtf8 { get; init; }               // path, line, position
    public required string NotJson { get; init; }               // path, line, parser message
    public required string NoObject { get; init; }              // path
    public required string NotAKey { get; init; }               // line, key, keys
    public required string NotAKeyNear { get; init; }           // line, key, nearest
    public required string KeyTwice { get; init; }              // line, key
    public required string NullInPath { get; init; }            // line, key
    public required string KeyProblem { get; init; }            // line, key, problem
    public required string MustBe { get; init; }                // kind, got
    public required string MustBeItem { get; init; }            // kind, item, got
    public required string WholeUpTo { get; init; }             // max, got
    public required string MapGives { get; init; }              // name, got
    public required string MapTwice { get; init; }              // header, names
    public required string RecodeGives { get; init; }           // column, got, kind
    public required string RecodeValue { get; init; }           // column, value, got
    public required string And { get; init; }
    public required string KindText { get; init; }
    public required string KindTexts { get; init; }
    public required string KindWholeNumber { get; init; }
    public required string KindNumber { get; init; }
    public required string KindFlag { get; init; }
    public required string KindMapping { get; init; }
    public required string KindRecode { get; init; }
    public required string GotNull { get; init; }
    public required string GotEmpty { get; init; }
    public required string GotText { get; init; }               // text
    public required string GotNumber { get; init; }             // number
    public required string GotList { get; init; }
    public required string GotObject { get; init; }
    public required string GotNothing { get; init; }
    // errors the command line wraps
    public required string NotWritten { get; init; }
    public required string TooManyGroups { get; init; }
    public required string Failed { get; init; }
    public required string PleaseReport { get; init; }
    public required string ValidationStopped { get; init; }     // signal
    public required string MergeStopped { get; init; }          // signal, folder
    public required string SigInt { get; init; }
    // report, sample, partial sql, scheme show
    public required string NotAResult { get; init; }
    public required string ReportWritten { get; init; }
    public required string ReportLanguages { get; init; }       // code, languages
    public required string Or { get; init; }
    public required string ReportOutFolder { get; init; }       // target
    public required string ReportOutInside { get; init; }       // target, report file
    public required string ReportOutNotOurs { get; init; }      // target
    public required string SampleOutRequired { get; init; }
    public required string SampleExtension { get; init; }       // out, extension
    public required string NoExtension { get; init; }
    public required string SampleWrote { get; init; }           // rows, seed, file
    public required string FlagWholeNumber { get; init; }       // flag, text, min, max
    public required string RecipeTree { get; init; }
    public required string RecipeTo { get; init; }
    public required string RecipeDialect { get; init; }         // dialect
    public required string SchemeLanguages { get; init; }       // code, scheme, languages

    public static UsageText English { get; } = new()
    {
        UnknownOption = "Unknown option '{0}'.",
        UnknownCommand = "Unknown command '{0}'.",
        UnexpectedOption = "Unexpected option '{0}'.",
        MissingArgument = "Command '{0}' is missing required argument '{1}'.",
        FlagWithValue = "Flags cannot be assigned a value.",
        OptionWithoutValue = "Option '{0}' is defined but no value has been provided.",
        DidYouMean = "; did you mean --{0}?",
        NoInput = "give at least one INPUT file or folder (or \"inputs\" in --config)",
        NoPartial = "give at least one PARTIAL folder",
        UnknownLanguage = "--lang {0}: avrr speaks en and fr",
        Line = ", line {0}",
        AsFlag = "{0}{1}: {2}",
        AsKey = "\"{0}\"{1} in {2}{3}: {4}",
        InFile = "--config {0}, {1}",
        WholeNumber = "must be a whole number from {0:N0} to {1:N0}",
        Number = "must be {0}, written with a '.' (such as 0.10)",
        Share = "a share between 0 and 1",
        Minutes = "a number of minutes",
        PeriodAndDates = "give either a period or a first and last date (from, to), not both",
        PeriodForm = "must be a quarter such as 2025-Q3, or a year such as 2025",
        DateForm = "must be a date written yyyy-MM-dd, such as 2025-07-01",
        KeepForm = "must be first or last",
        CiForm = "unknown interval method (t, normal)",
        DfForm = "unknown degrees of freedom (domain, design)",
        FdrForm = "unknown way to decide a family of tests (bh, none)",
        PanelForm = "unknown way to carry panel change (cells, returnees)",
        FormatForm = "unknown format (csv, parquet)",
        NoFormat = "name csv, parquet or both",
        CannotRead = "--config {0}: the file cannot be read ({1})",
        NotUtf8 = "--config {0}, line {1}: the file is not UTF-8 text (a byte that is not UTF-8 at position {2}); save it again as UTF-8",
        NotJson = "--config {0}, line {1}: the file is not valid JSON ({2})",
        NoObject = "--config {0}: the file holds no settings object (it must start with {{)",
        NotAKey = "line {0}: \"{1}\" is not a key of an evaluation file (the keys are {2})",
        NotAKeyNear = "line {0}: \"{1}\" is not a key of an evaluation file; did you mean \"{2}\"?",
        KeyTwice = "line {0}: \"{1}\" is given twice",
        NullInPath = "line {0}: \"{1}\" holds a null character (\\u0000), which no file name can",
        KeyProblem = "line {0}: \"{1}\" {2}",
        MustBe = "must be {0}, got {1}",
        MustBeItem = "must be {0}; item {1} is {2}",
        WholeUpTo = "must be a whole number up to {0:N0}, got {1}",
        MapGives = "gives \"{0}\" {1}; give the header of the export that holds it, or leave \"{0}\" out",
        MapTwice = "gives the header '{0}' to {1}; a header holds one column",
        RecodeGives = "gives \"{0}\" {1}; it must be {2}",
        RecodeValue = "gives \"{0}\" › \"{1}\" {2}; give the value it becomes",
        And = " and ",
        KindText = "a text (in quotes) or null",
        KindTexts = "a list of texts, such as [\"a\", \"b\"]",
        KindWholeNumber = "a whole number",
        KindNumber = "a number",
        KindFlag = "true or false",
        KindMapping = "an object of texts, such as {\"returnee_id\": \"case_number\"}",
        KindRecode = "an object of columns, each an object of texts, such as {\"country\": {\"Sénégal\": \"SEN\"}}",
        GotNull = "null",
        GotEmpty = "an empty text",
        GotText = "the text \"{0}\"",
        GotNumber = "the number {0}",
        GotList = "a list",
        GotObject = "an object",
        GotNothing = "nothing",
        NotWritten = "the result could not be written:",
        TooManyGroups = "too many groups:",
        Failed = "the run failed:",
        PleaseReport = "Nothing was written. Please report this error with the command you ran.",
        ValidationStopped = "the validation was stopped by {0}.",
        MergeStopped = "the merge was stopped by {0}; what it had written was deleted. An earlier result in {1} is kept.",
        SigInt = "Ctrl-C (SIGINT)",
        NotAResult = "not a result folder:",
        ReportWritten = "Report written: ",
        ReportLanguages = "--lang {0}: the report is written in {1}",
        Or = " or ",
        ReportOutFolder = "--out {0}: is a folder; name the file to write",
        ReportOutInside = "--out {0}: a new file in the result folder would make it one that the next run refuses to replace; write it elsewhere (or over its {1})",
        ReportOutNotOurs = "--out {0}: the file exists and is not a report of avrr, so it is left as it is",
        SampleOutRequired = "--out FILE is required (a .csv or .xlsx file)",
        SampleExtension = "--out {0}: a sample is written as .csv or .xlsx, not '{1}'",
        NoExtension = "no extension",
        SampleWrote = "Wrote {0:N0} synthetic survey rows (seed {1}) to {2}",
        FlagWholeNumber = "{0} {1}: must be a whole number from {2:N0} to {3:N0}",
        RecipeTree = "--tree: name the returnee_scores tree the recipe reads",
        RecipeTo = "--to: name the folder the recipe writes the partial's tables into",
        RecipeDialect = "--dialect {0}: unknown SQL dialect (duckdb, spark)",
        SchemeLanguages = "--lang {0}: the scheme {1} has labels in {2}",
    };

    public static UsageText French { get; } = new()
    {
        UnknownOption = "Option inconnue '{0}'.",
        UnknownCommand = "Commande inconnue '{0}'.",
        UnexpectedOption = "Option inattendue '{0}'.",
        MissingArgument = "Il manque à la commande '{0}' l'argument obligatoire '{1}'.",
        FlagWithValue = "Une option sans valeur ne prend pas de valeur.",
        OptionWithoutValue = "L'option '{0}' est donnée sans valeur.",
        DidYouMean = " ; vouliez-vous dire --{0} ?",
        NoInput = "donnez au moins un fichier ou dossier INPUT (ou \"inputs\" dans --config)",
        NoPartial = "donnez au moins un dossier PARTIAL",
        UnknownLanguage = "--lang {0} : avrr parle en et fr",
        Line = ", ligne {0}",
        AsFlag = "{0}{1} : {2}",
        AsKey = "\"{0}\"{1} dans {2}{3} : {4}",
        InFile = "--config {0}, {1}",
        WholeNumber = "doit être un nombre entier de {0:N0} à {1:N0}",
        Number = "doit être {0}, écrit avec un '.' (comme 0.10)",
        Share = "une part entre 0 et 1",
        Minutes = "un nombre de minutes",
        PeriodAndDates = "donnez soit une période, soit une première et une dernière date (from, to), pas les deux",
        PeriodForm = "doit être un trimestre comme 2025-Q3, ou une année comme 2025",
        DateForm = "doit être une date écrite aaaa-MM-jj, comme 2025-07-01",
        KeepForm = "doit être first ou last",
        CiForm = "méthode d'intervalle inconnue (t, normal)",
        DfForm = "degrés de liberté inconnus (domain, design)",
        FdrForm = "façon inconnue de décider une famille de tests (bh, none)",
        PanelForm = "façon inconnue de porter l'évolution du panel (cells, returnees)",
        FormatForm = "format inconnu (csv, parquet)",
        NoFormat = "nommez csv, parquet ou les deux",
        CannotRead = "--config {0} : le fichier ne peut pas être lu ({1})",
        NotUtf8 = "--config {0}, ligne {1} : le fichier n'est pas du texte UTF-8 (un octet qui n'est pas de l'UTF-8 à la position {2}) ; enregistrez-le de nouveau en UTF-8",
        NotJson = "--config {0}, ligne {1} : le fichier n'est pas du JSON valide ({2})",
        NoObject = "--config {0} : le fichier ne contient pas d'objet de réglages (il doit commencer par {{)",
        NotAKey = "ligne {0} : \"{1}\" n'est pas une clé d'un fichier d'évaluation (les clés sont {2})",
        NotAKeyNear = "ligne {0} : \"{1}\" n'est pas une clé d'un fichier d'évaluation ; vouliez-vous dire \"{2}\" ?",
        KeyTwice = "ligne {0} : \"{1}\" est donnée deux fois",
        NullInPath = "ligne {0} : \"{1}\" contient un caractère nul (\\u0000), qu'aucun nom de fichier ne peut contenir",
        KeyProblem = "ligne {0} : \"{1}\" {2}",
        MustBe = "doit être {0}, et vaut {1}",
        MustBeItem = "doit être {0} ; l'élément {1} est {2}",
        WholeUpTo = "doit être un nombre entier jusqu'à {0:N0}, et vaut {1}",
        MapGives = "donne à \"{0}\" {1} ; donnez l'en-tête de l'export qui la contient, ou retirez \"{0}\"",
        MapTwice = "donne l'en-tête '{0}' à {1} ; un en-tête contient une seule colonne",
        RecodeGives = "donne à \"{0}\" {1} ; ce doit être {2}",
        RecodeValue = "donne à \"{0}\" › \"{1}\" {2} ; donnez la valeur qu'elle devient",
        And = " et ",
        KindText = "un texte (entre guillemets) ou null",
        KindTexts = "une liste de textes, comme [\"a\", \"b\"]",
        KindWholeNumber = "un nombre entier",
        KindNumber = "un nombre",
        KindFlag = "true ou false",
        KindMapping = "un objet de textes, comme {\"returnee_id\": \"case_number\"}",
        KindRecode = "un objet de colonnes, chacune un objet de textes, comme {\"country\": {\"Sénégal\": \"SEN\"}}",
        GotNull = "null",
        GotEmpty = "un texte vide",
        GotText = "le texte \"{0}\"",
        GotNumber = "le nombre {0}",
        GotList = "une liste",
        GotObject = "un objet",
        GotNothing = "rien",
        NotWritten = "le résultat n'a pas pu être écrit :",
        TooManyGroups = "trop de groupes :",
        Failed = "l'évaluation a échoué :",
        PleaseReport = "Rien n'a été écrit. Merci de signaler cette erreur avec la commande lancée.",
        ValidationStopped = "la validation a été arrêtée par {0}.",
        MergeStopped = "la fusion a été arrêtée par {0} ; ce qu'elle avait écrit a été supprimé. Un résultat précédent dans {1} est gardé tel quel.",
        SigInt = "Ctrl-C (SIGINT)",
        NotAResult = "pas un dossier de résultat :",
        ReportWritten = "Rapport écrit : ",
        ReportLanguages = "--lang {0} : le rapport est écrit en {1}",
        Or = " ou ",
        ReportOutFolder = "--out {0} : est un dossier ; nommez le fichier à écrire",
        ReportOutInside = "--out {0} : un nouveau fichier dans le dossier de résultat en ferait un que la prochaine évaluation refuse de remplacer ; écrivez-le ailleurs (ou sur son {1})",
        ReportOutNotOurs = "--out {0} : le fichier existe et n'est pas un rapport d'avrr ; il est laissé tel quel",
        SampleOutRequired = "--out FICHIER est obligatoire (un fichier .csv ou .xlsx)",
        SampleExtension = "--out {0} : un échantillon s'écrit en .csv ou .xlsx, pas '{1}'",
        NoExtension = "sans extension",
        SampleWrote = "{0:N0} lignes d'enquête synthétiques (graine {1}) écrites dans {2}",
        FlagWholeNumber = "{0} {1} : doit être un nombre entier de {2:N0} à {3:N0}",
        RecipeTree = "--tree : nommez l'arborescence returnee_scores que la recette lit",
        RecipeTo = "--to : nommez le dossier où la recette écrit les tableaux du partiel",
        RecipeDialect = "--dialect {0} : dialecte SQL inconnu (duckdb, spark)",
        SchemeLanguages = "--lang {0} : le schéma {1} a des libellés en {2}",
    };

    /// <summary>
    /// A message of the command-line parser in these words: it is matched against the English of each parser
    /// message above (the parser speaks English only); one it does not know is returned as it is.
    /// </summary>
    public string Parser(string message)
    {
        (Func<UsageText, string> Template, int Values)[] known =
        [
            (t => t.UnknownOption, 1), (t => t.UnknownCommand, 1), (t => t.UnexpectedOption, 1), (t => t.MissingArgument, 2),
            (t => t.FlagWithValue, 0), (t => t.OptionWithoutValue, 1),
        ];
        foreach (var (template, _) in known)
        {
            var english = template(English);
            var pattern = "^" + Regex.Replace(Regex.Escape(english), @"\\\{(\d)}", "(?<v$1>.*?)") + "(?<rest>.*)$";
            var match = Regex.Match(message, pattern, RegexOptions.Singleline);
            if (!match.Success) continue;
            var values = Enumerable.Range(0, 3).Select(i => match.Groups["v" + i]).TakeWhile(g => g.Success).Select(g => (object)g.Value).ToArray();
            var rest = match.Groups["rest"].Value;
            var near = Regex.Match(rest, "^; did you mean --(.+)\\?$");
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, template(this), values)
                + (near.Success ? string.Format(System.Globalization.CultureInfo.InvariantCulture, DidYouMean, near.Groups[1].Value) : rest);
        }
        return message;
    }
}
