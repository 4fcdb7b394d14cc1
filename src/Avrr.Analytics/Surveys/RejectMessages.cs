namespace Avrr.Analytics.Surveys;

/// <summary>
/// The sentences of rejects, in the run's language (docs/outputs.md, "rejects.csv"): a French run writes
/// French messages in rejects.csv and the validation report, the reasons and columns stay ids. Each
/// template takes its values in the order its comment gives.
/// </summary>
public sealed record RejectMessages(
    string Language,
    string InvalidAnswer,       // value, question, scale, accepted
    string DuplicateFirst,      // returnee, row, source
    string DuplicateLast,       // returnee, row, source
    string InvalidDateIso,      // value
    string InvalidDateFormat,   // value, format
    string InvalidWeight,       // value
    string MissingValue,        // column
    string MissingCluster,      // column
    string MissingStrata,       // column
    string FieldCount,          // fields, header fields
    string ValuePastHeader,     // column number, header fields
    string MalformedRow,
    string NulByte,             // column
    string KeyTooLong,          // column, characters, most characters
    string AcceptedCount,       // count max
    string AcceptedChoices,     // codes or labels
    string AcceptedMissing,     // special codes
    string FieldTooLong)        // column, characters, most characters
{
    public static RejectMessages English { get; } = new("en",
        "'{0}' is not an answer of {1} (scale {2}); expected {3}",
        "the same survey of returnee {0} is already at row {1} of {2}; the first one is kept",
        "the same survey of returnee {0} is also at row {1} of {2}, submitted later; the latest one is kept",
        "survey_date '{0}' is not a date in ISO 8601 form, such as 2026-07-14 (another form needs the run's date format, such as dd/MM/yyyy)",
        "survey_date '{0}' is not a date in ISO 8601 form (2026-07-14) or in the form {1} (the run's date format)",
        "weight '{0}' is not a positive number (a weight is written like 1.25 or 1,25, without thousands separators)",
        "{0} is required and is empty",
        "{0} is the cluster column of the survey design and is empty",
        "{0} is the strata column of the survey design and is empty",
        "the row has {0} fields where the header has {1}; a separator too many or too few, or an unquoted separator inside a value",
        "the row has a value in column {0}, past the {1} columns of the header",
        "a quote opened in this row is never closed: the rest of the file was read as one field; close or remove the quote",
        "{0} holds a NUL byte (shown as \u2400), which is not text: the export is damaged in this row; correct the value where the export comes from",
        "{0} has {1:N0} characters, more than the {2:N0} a key may have to be compared exactly; is this the right column?",
        "a whole number from 0 (counts above {0} score as {0})",
        "{0} or their labels",
        "or {0} or empty for a missing answer",
        "{0} holds {1:N0} characters, more than the {2:N0} a field may have (the most a cell of Excel holds); it was not read, and the row is rejected rather than cut");

    public static RejectMessages French { get; } = new("fr",
        "'{0}' n'est pas une réponse de {1} (échelle {2}) ; réponses acceptées : {3}",
        "la même enquête de la personne {0} est déjà à la ligne {1} de {2} ; la première est gardée",
        "la même enquête de la personne {0} est aussi à la ligne {1} de {2}, soumise plus tard ; la plus récente est gardée",
        "survey_date '{0}' n'est pas une date ISO 8601, comme 2026-07-14 (une autre forme demande le format de date de l'évaluation, comme dd/MM/yyyy)",
        "survey_date '{0}' n'est ni une date ISO 8601 (2026-07-14) ni une date de la forme {1} (le format de date de l'évaluation)",
        "weight '{0}' n'est pas un nombre positif (un poids s'écrit 1.25 ou 1,25, sans séparateur de milliers)",
        "{0} est obligatoire et est vide",
        "{0} est la colonne des grappes du plan de sondage et est vide",
        "{0} est la colonne des strates du plan de sondage et est vide",
        "la ligne a {0} champs alors que l'en-tête en a {1} ; un séparateur en trop ou en moins, ou un séparateur hors guillemets dans une valeur",
        "la ligne a une valeur dans la colonne {0}, au-delà des {1} colonnes de l'en-tête",
        "un guillemet ouvert dans cette ligne n'est jamais fermé : le reste du fichier a été lu comme un seul champ ; fermez ou supprimez le guillemet",
        "{0} contient un octet NUL (affiché \u2400), qui n'est pas du texte : l'export est endommagé dans cette ligne ; corrigez la valeur à la source de l'export",
        "{0} a {1:N0} caractères, plus que les {2:N0} qu'une clé peut avoir pour être comparée exactement ; est-ce la bonne colonne ?",
        "un nombre entier à partir de 0 (au-delà de {0}, le score est celui de {0})",
        "{0}",
        "ou {0} ou vide pour une réponse manquante",
        "{0} contient {1:N0} caractères, plus que les {2:N0} qu'un champ peut avoir (le plus que contient une cellule d'Excel) ; il n'a pas été lu, et la ligne est rejetée plutôt que tronquée");

    /// <summary>The messages of a language: French for <c>fr</c>, English otherwise.</summary>
    public static RejectMessages For(string? language) => language == "fr" ? French : English;

    public static string Format(string template, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);
}
