using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Checks;

/// <summary>
/// The names and labels field teams give the record columns in French and English exports
/// (<c>id_beneficiaire</c>, <c>Pays</c>, <c>Communauté</c>, <c>date_enquete</c>, <c>vague</c>, <c>poids</c>,
/// "Date de l'enquête", …), matched ignoring case, accents, group paths and the small words of a label
/// (de, la, l', of, …). <c>avrr init</c> proposes them in the column mapping; a run uses them to notice
/// a column of weights that nothing maps (docs/inputs.md, "Headers in French").
/// </summary>
public static class RecordColumnNames
{
    /// <summary>How sure a match is: the whole name is a known one, or only one of its words says what it holds.</summary>
    public enum Certainty { Name, Word }

    // Whole names (words joined by '_', after the small words are removed).
    private static readonly Dictionary<string, string[]> Names = new(StringComparer.Ordinal)
    {
        [SurveyColumns.ReturneeId] =
        [
            "returnee_id", "id_returnee", "id_beneficiaire", "beneficiaire_id", "id_beneficiary", "beneficiary_id", "identifiant",
            "identifiant_beneficiaire", "code_beneficiaire", "id_migrant", "migrant_id", "id_retourne", "id_personne", "case_id", "case_number",
            "id_cas", "id_dossier", "numero_dossier", "num_dossier", "dossier", "mimosa_id", "id_mimosa",
        ],
        [SurveyColumns.Country] = ["country", "pays", "pays_retour", "country_return", "country_origin", "pays_origine", "code_pays", "country_code"],
        [SurveyColumns.Community] =
        [
            "community", "communaute", "commune", "localite", "locality", "village", "communaute_retour", "community_return", "localite_retour",
            "lieu_residence", "ville", "town", "city", "district", "quartier",
        ],
        [SurveyColumns.SurveyDate] =
        [
            "survey_date", "date_enquete", "date_entretien", "interview_date", "date_interview", "date_collecte", "date_visite",
            "date_survey", "enquete_date", "date",
        ],
        [SurveyColumns.Round] = ["round", "vague", "passage", "phase", "wave", "cycle", "round_enquete", "vague_enquete", "type_enquete", "survey_round"],
        [SurveyColumns.Weight] =
        [
            "weight", "weights", "poids", "ponderation", "poids_sondage", "poids_enquete", "poids_final", "sampling_weight", "survey_weight",
            "final_weight", "wt", "wgt", "pweight", "coefficient_ponderation", "coef_ponderation", "facteur_ponderation", "facteur_extrapolation",
        ],
    };

    // Words that say, inside a longer name, which record column it is (poids_menage, vague_2026, localite_actuelle).
    private static readonly Dictionary<string, string[]> Words = new(StringComparer.Ordinal)
    {
        [SurveyColumns.ReturneeId] = ["beneficiaire", "beneficiary", "returnee", "retourne", "migrant", "dossier"],
        [SurveyColumns.Country] = ["pays", "country"],
        [SurveyColumns.Community] = ["communaute", "commune", "localite", "locality", "community", "village"],
        [SurveyColumns.SurveyDate] = [],
        [SurveyColumns.Round] = ["vague", "passage", "round", "wave"],
        [SurveyColumns.Weight] = ["poids", "ponderation", "weight", "weights", "pweight"],
    };

    // The small words of a label ("Date de l'enquête", "Pays de retour", "Country of return").
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "de", "du", "des", "la", "le", "les", "l", "d", "en", "a", "au", "aux", "of", "the", "at", "in", "du", "et",
    };

    /// <summary>The words of a header's last part, lower case, without accents or small words: "Date de l'enquête" → date, enquete.</summary>
    public static string[] WordsOf(string header)
    {
        var key = header.Trim().TrimStart('\uFEFF').Trim();
        var last = key[(key.LastIndexOf('/') + 1)..];
        return AnswerText.Normalize(last)
            .Split(['_', '-', '.', ' ', '\'', '(', ')', ':', '?', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !SmallWords.Contains(w))
            .ToArray();
    }

    /// <summary>The record column a header's name says it holds, and how sure that is; null when it says none.</summary>
    public static (string Id, Certainty Certainty)? Match(string header)
    {
        var words = WordsOf(header);
        if (words.Length == 0) return null;
        var name = string.Join('_', words);
        foreach (var (id, names) in Names)
            if (names.Contains(name)) return (id, Certainty.Name);
        // A personal column (date de naissance) or a submission's date is never the survey's.
        foreach (var (id, idWords) in Words)
            if (words.Any(idWords.Contains)) return (id, Certainty.Word);
        if (words.Contains("date") && words.Any(w => w is "enquete" or "entretien" or "interview" or "survey" or "collecte" or "visite"))
            return (SurveyColumns.SurveyDate, Certainty.Word);
        return null;
    }

    /// <summary>Whether a header is named like a column of sampling weights (poids, ponderation, weight, …).</summary>
    public static bool LooksLikeWeight(string header) => Match(header)?.Id == SurveyColumns.Weight;

    /// <summary>
    /// Whether a header is named like a record column that is never a group: an id, a date or a weight
    /// (a round or a place is one); <c>avrr init</c> never proposes such a column as a level.
    /// </summary>
    public static bool IsNeverALevel(string header)
    {
        if (Match(header) is { } match && match.Id is SurveyColumns.ReturneeId or SurveyColumns.SurveyDate or SurveyColumns.Weight) return true;
        var words = WordsOf(header);
        return words.Contains("date") || words.Contains("weight") || words.Contains("poids");
    }
}
