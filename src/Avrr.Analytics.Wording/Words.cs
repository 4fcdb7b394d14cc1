using System.Globalization;

namespace Avrr.Analytics.Wording;

/// <summary>
/// The words a person reads, in the run's language (<c>--lang</c>): progress, the summary, the validation
/// report, the wrappers of errors. Numbers follow the language too (<c>5 000 lignes lues</c>, <c>0,590</c>);
/// data files never change with it.
/// </summary>
public sealed record Words
{
    public required string Language { get; init; }
    public required CultureInfo Culture { get; init; }
    // summary
    public required string RowsLine { get; init; }          // read, scored, rejected, seconds
    public required string OutsidePeriod { get; init; }     // rows, period
    public required string BlankRows { get; init; }
    public required string TopReasons { get; init; }
    public required string TooManyRejected { get; init; }
    public required string Panel { get; init; }
    public required string ResultsIn { get; init; }
    public required string FolderFiles { get; init; }       // folder, files
    public required string TableTitle { get; init; }
    public required string Country { get; init; }
    public required string Surveys { get; init; }
    public required string Mean { get; init; }
    public required string Interval { get; init; }
    public required string Suppressed { get; init; }
    public required string Insights { get; init; }          // profiles, the early warning's words
    public required string EarlyWarning { get; init; }      // returnees
    public required string NoEarlyWarning { get; init; }
    // checks
    public required string FutureDates { get; init; }      // count, run date
    public required string FutureDate { get; init; }       // source, row, date
    public required string DateAdvice { get; init; }       // read, tried, format
    public required string DateAdviceTwo { get; init; }    // first, second
    public required string Spelling { get; init; }         // column, values
    public required string SpellingAdvice { get; init; }
    public required string Interviews { get; init; }       // measured, median
    public required string ShortInterviews { get; init; }  // count, minutes
    public required string ShortByDay { get; init; }
    public required string ShortByEnumerator { get; init; } // column
    public required string EndBeforeStart { get; init; }
    public required string WeightLike { get; init; }       // column
    public required string MostlyUnknown { get; init; }    // column, unknown, surveys
    public required string Unweighted { get; init; }       // why
    /// <summary>A calibrated run: {0} the margins, {1} the method, {2} and {3} the weights' design effect before and after.</summary>
    public required string Calibrated { get; init; }
    public required string UnweightedOnPurpose { get; init; }
    public required string NoWeightColumn { get; init; }   // column
    public required string Skipped { get; init; }          // count, list
    public required IReadOnlyDictionary<string, string> SkipReasons { get; init; }   // SkippedInput's reason → words
    // validate
    public required string ValidateLine { get; init; }     // read, valid, rejected
    public required string Columns { get; init; }
    public required string RecordColumns { get; init; }
    public required string Questions { get; init; }        // found, total
    public required string Bookkeeping { get; init; }
    public required string PersonalData { get; init; }
    public required string Attributes { get; init; }
    public required string SelectOptions { get; init; }
    public required string FullPath { get; init; }
    public required string NoneWord { get; init; }
    public required string Identifying { get; init; }      // attribute, why
    // progress stages, by the runner's names
    public required IReadOnlyDictionary<string, string> Stages { get; init; }
    public required string Progress { get; init; }         // stage, percent, rows, time left
    public required string Seconds { get; init; }
    // errors
    public required string Error { get; init; }
    public required string NothingTouched { get; init; }
    public required string NothingWritten { get; init; }
    public required string InputRefused { get; init; }
    public required string NothingToScore { get; init; }
    public required string SeeHelp { get; init; }          // command
    public required string Merged { get; init; }           // partials
    public required string MergedLeftOut { get; init; }
    public required string PartialRefused { get; init; }
    public required string Interrupted { get; init; }      // (label)
    public required string EarlierKept { get; init; }
    public required string InterruptedNothing { get; init; }   // signal
    public required string InterruptedKept { get; init; }      // signal, folder
    public required string ConfigProblems { get; init; }   // path, count
    public required string SettingsProblems { get; init; } // count
    public required string JsonInput { get; init; }        // command, path
    public required string UnweightedAndWeight { get; init; }  // where the weight column is named
    public required string ConfigTooLarge { get; init; }   // path, size MB, limit MB
    public required string ConfigTooManyEntries { get; init; }  // path, key, entries, limit

    public string Format(string template, params object[] values) => string.Format(Culture, template, values);

    public bool IsFrench => ReferenceEquals(this, French);

    public static Words For(string? language) => Catalogue.Of(language).Console;

    /// <summary>The language asked for on the command line (<c>--lang fr</c>, case ignored), before the flags are parsed.</summary>
    public static Words FromArgs(IReadOnlyList<string> args) => Catalogue.Of(global::Avrr.Analytics.Wording.Language.FromArgs(args)).Console;

    // French numbers: a space between thousands (a plain one, so that "5 000" can be searched for in a log), a decimal comma.
    private static readonly CultureInfo FrenchNumbers = MakeFrench();

    private static CultureInfo MakeFrench()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = " ";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = " ";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.PercentPositivePattern = 0;   // "12,5 %"
        return culture;
    }

    public static Words English { get; } = new()
    {
        Language = "en", Culture = CultureInfo.InvariantCulture,
        RowsLine = "[bold]{0:N0}[/] rows read, [green]{1:N0}[/] scored, [yellow]{2:N0}[/] rejected ({3:0.0} s)",
        OutsidePeriod = "{0:N0} rows are dated outside the period ({1}): not scored, not rejected.",
        BlankRows = "{0:N0} blank rows (every field empty) were passed over.",
        TopReasons = "Top reject reasons:",
        TooManyRejected = "Warning: {0:0.##%} of the rows were rejected, more than the {1:0.##%} allowed (--max-rejected-share): the run ends with exit code 1. Check rejects.csv.",
        Panel = "{0:N0} returnees have two or more surveys: see panel_change.",
        ResultsIn = "Results in",
        FolderFiles = "{0} ({1:N0} files)",
        TableTitle = "Composite score by country (95% CI)", Country = "country", Surveys = "surveys", Mean = "mean", Interval = "95% CI",
        Suppressed = "suppressed (n < {0})",
        Insights = "Insights (insights/, docs/insights.md): {0} returnee profiles, the drivers of the scores, {1}.",
        EarlyWarning = "an early warning trained on {0:N0} returnees with a follow-up",
        NoEarlyWarning = "no early warning (see insights/early_warning.csv)",
        FutureDates = "Warning: {0:N0} surveys are dated after the run's date ({1}); they were scored: check their dates.",
        FutureDate = "  {0} row {1}: {2}",
        DateAdvice = "{0:N0} of the {1:N0} rejected dates tried read as {2}: set the date format to {2} (--date-format {2}, or \"dateFormat\" in the evaluation file).",
        DateAdviceTwo = "The rejected dates read as {0} or as {1} (every day is 12 or less, so they cannot be told apart): set the date format to the one the export uses.",
        Spelling = "Warning: the {0} values {1} differ only by case, accents or spaces, and are counted as separate groups.",
        SpellingAdvice = "  To count them as one, add a recode table to the evaluation file: \"recode\": {{\"{0}\": {{\"{1}\": \"{2}\"}}}}",
        Interviews = "Interview length (from start and end): {0:N0} interviews, median {1:0.#} minutes.",
        ShortInterviews = "Warning: {0:N0} interviews took less than {1:0.#} minutes (flagged, not rejected):",
        ShortByDay = "  by day:",
        ShortByEnumerator = "  by {0}:",
        EndBeforeStart = "{0:N0} interviews end before they start (a clock set wrong, or an edited submission).",
        WeightLike = "Warning: no column of sampling weights was read, so the estimates are UNWEIGHTED (every survey weighs 1), but the column {0} looks like weights (named like them, nearly every value a positive number). If it holds the weights, map it (--weight {0}, or \"weight\": \"{0}\" in the evaluation file); if the survey has no weights, say so with --unweighted (or \"weight\": null).",
        MostlyUnknown = "Warning: {0} is empty in {1:N0} of the {2:N0} scored surveys, so most of them are in an unknown group. If another column holds it, map it in the evaluation file's \"columns\" (e.g. \"columns\": {{\"{0}\": \"its header\"}}).",
        Unweighted = "The estimates are unweighted (every survey weighs 1): {0}.",
        Calibrated = "Weights calibrated to the caseload totals of {0} ({1}); design effect of the weights {2:0.00} before, {3:0.00} after: see calibration.csv.",
        UnweightedOnPurpose = "as asked (--unweighted, or \"weight\": null)",
        NoWeightColumn = "the inputs have no column {0}",
        Skipped = "{0:N0} files of the input folders were skipped (not survey exports): {1}",
        SkipReasons = new Dictionary<string, string> { ["empty_file"] = "empty", ["not_an_export"] = "no column of a survey export" },
        ValidateLine = "[bold]{0:N0}[/] rows read, [green]{1:N0}[/] valid, [yellow]{2:N0}[/] rejected",
        Columns = "  columns:",
        RecordColumns = "    record:        {0}",
        Questions = "    questions:     {0} of {1}",
        Bookkeeping = "    bookkeeping:   {0}",
        PersonalData = "    personal data dropped: {0}",
        Attributes = "    attributes:    {0}",
        SelectOptions = "    select_multiple options ignored: {0}",
        FullPath = "    attributes kept under their full path (their last parts are shared): {0}",
        NoneWord = "none",
        Identifying = "Warning: the attribute {0} looks identifying ({1}): it would be copied to returnee_scores. Remove it from the export if it should not be shared.",
        Stages = new Dictionary<string, string>(),
        Progress = "{0}: {1:0}% ({2:N0} rows, about {3} left)",
        Seconds = "{0:0} s",
        Error = "error:", NothingTouched = "Nothing was touched.", NothingWritten = "Nothing was written.",
        InputRefused = "input refused:", NothingToScore = "nothing to score:",
        SeeHelp = "Run 'avrr {0}' for the flags.",
        Merged = "{0:N0} partials merged: the tables of one run over all their surveys.",
        MergedLeftOut = "No insights, returnee_scores or rejects.csv: they need each returnee's own surveys, which partials never hold (docs/partials.md).",
        PartialRefused = "partial refused:",
        Interrupted = "interrupted:",
        EarlierKept = "An earlier result in that folder is kept as it was.",
        InterruptedNothing = "the run was stopped by {0}; its partial result was deleted and nothing was written.",
        InterruptedKept = "the run was stopped by {0}; its partial result was deleted and nothing was written. The earlier result in {1} is kept as it was.",
        ConfigProblems = "--config {0} has {1:N0} problems:",
        SettingsProblems = "the settings have {0:N0} problems:",
        JsonInput = "{1} is an evaluation file, not an export: give it with --config (avrr {0} --config {1})",
        UnweightedAndWeight = "--unweighted says that no column holds weights, and {0} names one; keep one of them",
        ConfigTooLarge = "--config {0}: the file is {1:0.#} MB, more than an evaluation file may be ({2:N0} MB); an evaluation file holds settings, not data",
        ConfigTooManyEntries = "--config {0}: \"{1}\" has {2:N0} entries, more than an evaluation file may hold ({3:N0})",
    };

    public static Words French { get; } = new()
    {
        Language = "fr", Culture = FrenchNumbers,
        RowsLine = "[bold]{0:N0}[/] lignes lues, [green]{1:N0}[/] notées, [yellow]{2:N0}[/] rejetées ({3:0.0} s)",
        OutsidePeriod = "{0:N0} lignes sont datées hors de la période ({1}) : ni notées, ni rejetées.",
        BlankRows = "{0:N0} lignes vides (tous les champs vides) ont été ignorées.",
        TopReasons = "Principaux motifs de rejet :",
        TooManyRejected = "Attention : {0:0.##%} des lignes ont été rejetées, plus que les {1:0.##%} admis (--max-rejected-share) : la commande se termine avec le code 1. Voir rejects.csv.",
        Panel = "{0:N0} personnes de retour ont deux enquêtes ou plus : voir panel_change.",
        ResultsIn = "Résultats dans",
        FolderFiles = "{0} ({1:N0} fichiers)",
        TableTitle = "Score composite par pays (IC à 95 %)", Country = "pays", Surveys = "enquêtes", Mean = "moyenne", Interval = "IC à 95 %",
        Suppressed = "masqué (n < {0})",
        Insights = "Analyses (insights/, docs/insights.md) : {0} profils de personnes de retour, les facteurs associés aux scores, {1}.",
        EarlyWarning = "une alerte précoce entraînée sur {0:N0} personnes suivies",
        NoEarlyWarning = "pas d'alerte précoce (voir insights/early_warning.csv)",
        FutureDates = "Attention : {0:N0} enquêtes sont datées après la date de l'évaluation ({1}) ; elles ont été notées : vérifiez leurs dates.",
        FutureDate = "  {0} ligne {1} : {2}",
        DateAdvice = "{0:N0} des {1:N0} dates rejetées essayées se lisent {2} : indiquez le format de date {2} (--date-format {2}, ou \"dateFormat\" dans le fichier d'évaluation).",
        DateAdviceTwo = "Les dates rejetées se lisent {0} ou {1} (tous les jours sont inférieurs ou égaux à 12, on ne peut pas les distinguer) : indiquez le format de date de l'export.",
        Spelling = "Attention : les valeurs de {0} {1} ne diffèrent que par la casse, les accents ou les espaces, et comptent comme des groupes distincts.",
        SpellingAdvice = "  Pour les compter comme une seule, ajoutez une table de recodage au fichier d'évaluation : \"recode\": {{\"{0}\": {{\"{1}\": \"{2}\"}}}}",
        Interviews = "Durée des entretiens (d'après start et end) : {0:N0} entretiens, médiane {1:0.#} minutes.",
        ShortInterviews = "Attention : {0:N0} entretiens ont duré moins de {1:0.#} minutes (signalés, non rejetés) :",
        ShortByDay = "  par jour :",
        ShortByEnumerator = "  par {0} :",
        EndBeforeStart = "{0:N0} entretiens se terminent avant d'avoir commencé (une horloge mal réglée, ou une soumission modifiée).",
        WeightLike = "Attention : aucune colonne de poids de sondage n'a été lue, les estimations sont donc NON PONDÉRÉES (chaque enquête pèse 1), mais la colonne {0} ressemble à des poids (nommée comme eux, presque toutes ses valeurs des nombres positifs). Si elle contient les poids, indiquez-la (--weight {0}, ou \"weight\": \"{0}\" dans le fichier d'évaluation) ; si l'enquête n'a pas de poids, dites-le avec --unweighted (ou \"weight\": null).",
        MostlyUnknown = "Attention : {0} est vide dans {1:N0} des {2:N0} enquêtes notées, la plupart sont donc dans un groupe inconnu. Si une autre colonne le contient, indiquez-la dans \"columns\" du fichier d'évaluation (par ex. \"columns\": {{\"{0}\": \"son en-tête\"}}).",
        Unweighted = "Les estimations ne sont pas pondérées (chaque enquête pèse 1) : {0}.",
        Calibrated = "Poids calés sur les totaux de l'effectif de {0} ({1}) ; effet de plan des poids {2:0.00} avant, {3:0.00} après : voir calibration.csv.",
        UnweightedOnPurpose = "comme demandé (--unweighted, ou \"weight\": null)",
        NoWeightColumn = "les fichiers n'ont pas de colonne {0}",
        Skipped = "{0:N0} fichiers des dossiers donnés ont été ignorés (pas des exports d'enquêtes) : {1}",
        SkipReasons = new Dictionary<string, string> { ["empty_file"] = "vide", ["not_an_export"] = "aucune colonne d'un export d'enquêtes" },
        ValidateLine = "[bold]{0:N0}[/] lignes lues, [green]{1:N0}[/] valides, [yellow]{2:N0}[/] rejetées",
        Columns = "  colonnes :",
        RecordColumns = "    enregistrement : {0}",
        Questions = "    questions :      {0} sur {1}",
        Bookkeeping = "    suivi :          {0}",
        PersonalData = "    données personnelles écartées : {0}",
        Attributes = "    attributs :      {0}",
        SelectOptions = "    options de select_multiple ignorées : {0}",
        FullPath = "    attributs gardés sous leur chemin complet (leur dernière partie est partagée) : {0}",
        NoneWord = "aucune",
        Identifying = "Attention : l'attribut {0} semble identifiant ({1}) : il serait copié dans returnee_scores. Retirez-le de l'export s'il ne doit pas être partagé.",
        Stages = new Dictionary<string, string>
        {
            ["checking inputs"] = "vérification des fichiers",
            ["finding duplicate surveys"] = "recherche des enquêtes en double",
            ["learning profiles and the early warning"] = "apprentissage des profils et de l'alerte précoce",
            ["scoring"] = "notation",
            ["validating"] = "validation",
            ["writing"] = "écriture",
            ["writing the sample"] = "écriture de l'échantillon",
            ["checking partials"] = "vérification des partiels",
            ["merging"] = "fusion",
        },
        Progress = "{0} : {1:0} % ({2:N0} lignes, encore {3} environ)",
        Seconds = "{0:0} s",
        Error = "erreur :", NothingTouched = "Rien n'a été modifié.", NothingWritten = "Rien n'a été écrit.",
        InputRefused = "fichier refusé :", NothingToScore = "rien à noter :",
        SeeHelp = "Lancez 'avrr {0}' pour voir les options.",
        Merged = "{0:N0} partiels fusionnés : les tableaux d'une seule évaluation de toutes leurs enquêtes.",
        MergedLeftOut = "Ni analyses, ni returnee_scores, ni rejects.csv : il leur faut les enquêtes de chaque personne, que les partiels ne contiennent jamais (docs/partials.md).",
        PartialRefused = "partiel refusé :",
        Interrupted = "interrompu :",
        EarlierKept = "Le résultat précédent dans ce dossier est gardé tel quel.",
        InterruptedNothing = "l'évaluation a été arrêtée par {0} ; son résultat partiel a été supprimé et rien n'a été écrit.",
        InterruptedKept = "l'évaluation a été arrêtée par {0} ; son résultat partiel a été supprimé et rien n'a été écrit. Le résultat précédent dans {1} est gardé tel quel.",
        ConfigProblems = "--config {0} a {1:N0} problèmes :",
        SettingsProblems = "les réglages ont {0:N0} problèmes :",
        JsonInput = "{1} est un fichier d'évaluation, pas un export : donnez-le avec --config (avrr {0} --config {1})",
        UnweightedAndWeight = "--unweighted dit qu'aucune colonne ne contient de poids, et {0} en nomme une ; gardez l'un des deux",
        ConfigTooLarge = "--config {0} : le fichier fait {1:0.#} Mo, plus que ce qu'un fichier d'évaluation peut faire ({2:N0} Mo) ; un fichier d'évaluation contient des réglages, pas des données",
        ConfigTooManyEntries = "--config {0} : \"{1}\" a {2:N0} entrées, plus que ce qu'un fichier d'évaluation peut contenir ({3:N0})",
    };

    /// <summary>The skipped files of the input folders, each with its reason: <c>notes.txt (no column of a survey export)</c>.</summary>
    public string SkippedList(IEnumerable<(string Path, string Reason)> skipped) =>
        string.Join(", ", skipped.Select(s => $"{s.Path} ({(SkipReasons.TryGetValue(s.Reason, out var why) ? why : s.Reason)})"));

    public string Stage(string name) => Stages.TryGetValue(name, out var word) ? word : name;

    /// <summary>A period for people: <c>2025-07-01 to 2025-09-30</c>, <c>du 2025-07-01 au 2025-09-30</c>.</summary>
    public string Period(global::Avrr.Analytics.Surveys.SurveyPeriod? period)
    {
        if (period is null || !IsFrench) return period?.ToString() ?? "";
        static string Day(DateOnly d) => global::Avrr.Analytics.Surveys.SurveyPeriod.Text(d);
        return (period.From, period.To) switch
        {
            ({ } f, { } t) => $"du {Day(f)} au {Day(t)}",
            ({ } f, null) => $"à partir du {Day(f)}",
            (null, { } t) => $"jusqu'au {Day(t)}",
            _ => "toutes les dates",
        };
    }
}
