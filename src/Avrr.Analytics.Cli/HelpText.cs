namespace Avrr.Analytics.Cli;

/// <summary>
/// The help (<c>--help</c>) in the language asked for with <c>--lang</c>: a flag's description is written in
/// English where the flag is declared, and looked up here for another language. Spectre.Console.Cli reads
/// descriptions while it parses, after <see cref="Language"/> is set from the command line.
/// </summary>
internal static class HelpText
{
    // Per call of the runner (tests run several at once in one process).
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The language of the help being printed.</summary>
    public static string Language
    {
        get => Current.Value ?? "en";
        set => Current.Value = value;
    }

    /// <summary>Whether a description has its French text (a test checks that every flag's has).</summary>
    public static bool HasFrench(string english) => French.ContainsKey(english);

    public static string For(string english) => Language == "fr" && French.TryGetValue(english, out var french) ? french : english;

    private static readonly Dictionary<string, string> French = new(StringComparer.Ordinal)
    {
        ["The survey has no sampling weights: every survey weighs 1, no column is read as weights, and no warning says a column looks like weights."] =
            "L'enquête n'a pas de poids de sondage : chaque enquête pèse 1, aucune colonne n'est lue comme poids, et aucun avertissement ne dit qu'une colonne ressemble à des poids.",
        ["A result folder of avrr run (it holds manifest.json)."] = "Un dossier de résultats de avrr run (il contient manifest.json).",
        ["Language of the report: en or fr (default: the run's, else en)."] = "Langue du rapport : en ou fr (par défaut : celle de l'évaluation, sinon en).",
        ["The file to write (default: report-LANG.html in the current folder)."] = "Le fichier à écrire (par défaut : report-LANG.html dans le dossier courant).",
        ["Partial folders (avrr run --partial-out, or avrr partial seal), in order: the order of their surveys."] = "Les dossiers de partiels (avrr run --partial-out, ou avrr partial seal), dans l'ordre : celui de leurs enquêtes.",
        ["Withhold every statistic of a merged group with fewer surveys than this (default: the partials' own)."] = "Masquer toutes les statistiques d'un groupe fusionné de moins d'enquêtes que cela (par défaut : celui des partiels).",
        ["Language of the summary and the report: en or fr (default: the partials' own)."] = "Langue du résumé et du rapport : en ou fr (par défaut : celle des partiels).",
        ["The evaluation file of the run that wrote the tree; flags win over it."] = "Le fichier d'évaluation de l'évaluation qui a écrit l'arborescence ; les options l'emportent sur lui.",
        ["How the partial carries panel change: cells (default; each returnee's surveys in one partial) or returnees (a summary per returnee, keyed by a salted hash; the salt in AVRR_PARTIAL_SALT)."] = "Comment le partiel porte l'évolution du panel : cells (par défaut ; les enquêtes de chaque personne dans un seul partiel) ou returnees (un résumé par personne, repéré par un hachage salé ; le sel dans AVRR_PARTIAL_SALT).",
        ["Partials made from the same export hold different surveys of it on purpose (rows filtered before each run): merge them instead of refusing."] = "Des partiels faits du même export en contiennent à dessein des enquêtes différentes (lignes filtrées avant chaque évaluation) : les fusionner au lieu de les refuser.",
        ["Merge only partials signed with the organisation's key, which AVRR_PARTIAL_KEY gives (docs/partials.md)."] = "Ne fusionner que des partiels signés avec la clé de l'organisation, que donne AVRR_PARTIAL_KEY (docs/partials.md).",
        ["The folder of the tables the recipe wrote."] = "Le dossier des tables que la recette a écrites.",
        ["Also write a partial: the cells' sums that avrr merge turns into the tables of several runs together (docs/partials.md)."] = "Écrire aussi un partiel : les sommes des cellules dont avrr merge fait les tableaux de plusieurs évaluations ensemble (docs/partials.md).",
        ["Write returnee_scores.parquet as a Hive-style tree partitioned by these columns, e.g. country,quarter."] = "Écrire returnee_scores.parquet en arborescence de style Hive partitionnée par ces colonnes, par ex. country,quarter.",
        ["The returnee_scores tree the recipe reads (written by avrr run --partition-by), as the SQL engine sees it."] = "L'arborescence returnee_scores que lit la recette (écrite par avrr run --partition-by), telle que la voit le moteur SQL.",
        ["The folder the recipe writes the partial's tables into, as the SQL engine sees it."] = "Le dossier où la recette écrit les tables du partiel, tel que le voit le moteur SQL.",
        ["duckdb (the default) or spark."] = "duckdb (par défaut) ou spark.",
        ["A JSON evaluation file with the run's settings; flags win over it."] = "Un fichier d'évaluation JSON avec les réglages de l'évaluation ; les options l'emportent sur lui.",
        ["A scheme file; the built-in rss-15 (equal weights) otherwise."] = "Un fichier de schéma ; sinon le schéma intégré rss-15 (poids égaux).",
        ["A scheme file; the built-in rss-15 otherwise."] = "Un fichier de schéma ; sinon le schéma intégré rss-15.",
        ["Rows to write."] = "Lignes à écrire.",
        ["Estimate each indicator too, not only the composite and the dimensions."] = "Estimer aussi chaque indicateur, pas seulement le composite et les dimensions.",
        ["Exit with code 1 (outputs still written) when more than this share of the rows is rejected (default: 0.10)."] = "Terminer avec le code 1 (les résultats sont quand même écrits) quand plus que cette part des lignes est rejetée (par défaut : 0.10).",
        ["Interviews shorter than this (from the form's start and end) are flagged, never rejected (default: 5)."] = "Les entretiens plus courts que cela (d'après start et end du formulaire) sont signalés, jamais rejetés (par défaut : 5).",
        ["Language for people: en or fr (default: en). Progress, messages, the report and rejects.csv's messages follow it."] = "Langue pour les personnes : en ou fr (par défaut : en). La progression, les messages, le rapport et les messages de rejects.csv la suivent.",
        ["Language of the labels and question wording: en or fr (default: the scheme's first)."] = "Langue des libellés et des questions : en ou fr (par défaut : la première du schéma).",
        ["Language for people: en or fr (default: en)."] = "Langue pour les personnes : en ou fr (par défaut : en).",
        ["More levels besides all, country, country+community (and country+quarter): e.g. \"country+sex;assistance_type\"."] = "D'autres niveaux en plus de all, country, country+community (et country+quarter) : par ex. \"country+sex;assistance_type\".",
        ["No progress, only the accounting and the first rejects."] = "Pas de progression, seulement le décompte et les premiers rejets.",
        ["No progress, only the final summary."] = "Pas de progression, seulement le résumé final.",
        ["No progress."] = "Pas de progression.",
        ["Only the surveys dated in this quarter (e.g. 2025-Q3) or year; the others are counted as outside the period."] = "Seulement les enquêtes datées de ce trimestre (par ex. 2025-Q3) ou de cette année ; les autres sont comptées hors période.",
        ["Only the surveys dated on or after this day (yyyy-MM-dd)."] = "Seulement les enquêtes datées de ce jour ou après (yyyy-MM-dd).",
        ["Only the surveys dated on or before this day (yyyy-MM-dd)."] = "Seulement les enquêtes datées de ce jour ou avant (yyyy-MM-dd).",
        ["Output formats: csv, parquet or csv,parquet (default: both)."] = "Formats de sortie : csv, parquet ou csv,parquet (par défaut : les deux).",
        ["Seed of the generator: the same seed gives the same file."] = "Graine du générateur : la même graine donne le même fichier.",
        ["Survey exports: .csv, .tsv, .txt, .xlsx or .parquet files, or folders of them."] = "Exports d'enquêtes : fichiers .csv, .tsv, .txt, .xlsx ou .parquet, ou dossiers qui en contiennent.",
        ["The file to write: .csv or .xlsx."] = "Le fichier à écrire : .csv ou .xlsx.",
        ["The column of clusters (primary sampling units) of the survey design."] = "La colonne des grappes (unités primaires) du plan de sondage.",
        ["The column of sampling weights (default: weight; 1 when absent)."] = "La colonne des poids de sondage (par défaut : weight ; 1 en son absence).",
        ["The column of strata of the survey design."] = "La colonne des strates du plan de sondage.",
        ["The form of survey_date when it is not ISO 8601, in .NET notation (e.g. dd/MM/yyyy)."] = "La forme de survey_date quand elle n'est pas ISO 8601, en notation .NET (par ex. dd/MM/yyyy).",
        ["The result folder (default: results). Replaced as a whole, only when the run succeeds."] = "Le dossier des résultats (par défaut : results). Remplacé en entier, seulement quand l'évaluation réussit.",
        ["The scheme file to check."] = "Le fichier de schéma à vérifier.",
        ["The sheet of XLSX inputs (default: the first)."] = "La feuille des fichiers XLSX (par défaut : la première).",
        ["Threads for decoding and scoring (default: one per core; at most 4 per core). Results do not depend on it."] = "Fils d'exécution pour décoder et noter (par défaut : un par cœur ; au plus 4 par cœur). Les résultats n'en dépendent pas.",
        ["Which submission of a repeated survey is kept: first, or last (the latest by _submission_time, else the last in input order)."] = "La soumission gardée d'une enquête répétée : first (la première), ou last (la plus récente selon _submission_time, sinon la dernière dans l'ordre).",
        ["95% intervals: t (Student's t, the default) or normal."] = "Intervalles à 95 % : t (loi de Student, par défaut) ou normal.",
        ["95% intervals: t (Student's t) or normal (default: the partials' own)."] = "Intervalles à 95 % : t (loi de Student) ou normal (par défaut : celui des partiels).",
        ["Degrees of freedom of the t intervals and tests: domain (each estimate's own PSUs minus their strata, the default) or design (the whole design's, as R and Stata by default)."] = "Degrés de liberté des intervalles t et des tests : domain (les UPE de chaque estimation moins leurs strates, par défaut) ou design (ceux du plan entier, comme R et Stata par défaut).",
        ["How the tests of a family of findings are decided: bh (Benjamini–Hochberg, controls the false discovery rate; the default) or none (each test on its own)."] = "Comment sont décidés les tests d'une famille de constats : bh (Benjamini–Hochberg, maîtrise le taux de fausses découvertes ; par défaut) ou none (chaque test seul).",
        ["Degrees of freedom of the t intervals and tests: domain or design (default: the partials' own)."] = "Degrés de liberté des intervalles t et des tests : domain ou design (par défaut : ceux des partiels).",
        ["How the tests of a family of findings are decided: bh or none (default: the partials' own)."] = "Comment sont décidés les tests d'une famille de constats : bh ou none (par défaut : celui des partiels).",
        ["Do not write report.html and results.xlsx."] = "Ne pas écrire report.html ni results.xlsx.",
        ["Skip the insights (profiles, drivers, early warning) and the profile column of returnee_scores."] = "Sans les analyses (profils, facteurs associés, alerte précoce) ni la colonne profile de returnee_scores.",
        ["Seed of the insights' sample and models (default: 1). The same seed gives the same insights."] = "Graine de l'échantillon et des modèles des analyses (par défaut : 1). La même graine donne les mêmes analyses.",
        ["Returnees in the seeded training sample of the insights (default: 5000)."] = "Nombre de personnes de retour dans l'échantillon d'apprentissage des analyses (par défaut : 5000).",
        ["The attributes of the drivers' models, e.g. \"sex,assistance_type,country\" (default: country and every attribute with 2 to 20 values)."] = "Les attributs des modèles des facteurs associés, par ex. \"sex,assistance_type,country\" (par défaut : country et chaque attribut de 2 à 20 valeurs).",
        ["Do not audit the index (audit/: coherence, reliability, derived weights, rank uncertainty)."] = "Ne pas auditer l'indice (audit/ : cohérence, fiabilité, poids dérivés, incertitude des rangs).",
        ["Base samples of the audit's uncertainty analysis; N × 7 variants are scored (default: 256; 0 skips it)."] = "Échantillons de base de l'analyse d'incertitude de l'audit ; N × 7 variantes sont notées (par défaut : 256 ; 0 la saute).",
        ["Seed of the audit's uncertainty analysis (default: 1). The same seed gives the same audit."] = "Graine de l'analyse d'incertitude de l'audit (par défaut : 1). La même graine donne le même audit.",
        ["The level whose groups the audit describes and ranks (default: country), e.g. country+sex."] = "Le niveau dont l'audit décrit et classe les groupes (par défaut : country), par ex. country+sex.",
        ["Calibrate the weights to the population totals of a margin: a CSV file of the margin's columns and total (e.g. country,sex,total). Repeat for several margins."] = "Caler les poids sur les totaux de population d'une marge : un fichier CSV des colonnes de la marge et de total (par ex. country,sex,total). À répéter pour plusieurs marges.",
        ["How the weights are calibrated: poststratify (the default for one margin), rake (the default for several) or linear."] = "Méthode de calage des poids : poststratify (par défaut pour une marge), rake (par défaut pour plusieurs) ou linear.",
        ["Bounds of the ratio of a calibrated weight to its base weight, e.g. 0.3,3 (rake and linear; linear with bounds is the truncated linear method)."] = "Bornes du rapport d'un poids calé à son poids de départ, par ex. 0.3,3 (rake et linear ; linear borné est la méthode linéaire tronquée).",
        ["The iterations a calibration may take before it is refused (default: 50)."] = "Les itérations permises au calage avant qu'il soit refusé (par défaut : 50).",
        ["Withhold every statistic of a group with fewer surveys than this (default: 5)."] = "Masquer toute statistique d'un groupe de moins d'enquêtes que cela (par défaut : 5).",
        ["A survey export (.csv, .tsv, .txt, .xlsx or .parquet) whose header is read."] = "Un export d'enquête (.csv, .tsv, .txt, .xlsx ou .parquet) dont l'en-tête est lu.",
        ["The evaluation file to write (default: evaluation.json); never overwritten."] = "Le fichier d'évaluation à écrire (par défaut : evaluation.json) ; jamais écrasé.",
        // commands
        ["The quarterly evaluation: read, validate, score, estimate and write every output."] = "L'évaluation trimestrielle : lire, valider, noter, estimer et écrire tous les résultats.",
        ["Read and validate only: print the accounting, how each column is read, the checks and the first rejects; exit 1 when anything is rejected."] = "Lire et valider seulement : le décompte, la lecture de chaque colonne, les vérifications et les premiers rejets ; code 1 quand une ligne est rejetée.",
        ["Show or check a scoring scheme."] = "Afficher ou vérifier un schéma de notation.",
        ["Print a scheme as a tree with its weights, question wording and answer labels."] = "Afficher un schéma en arbre avec ses poids, ses questions et les libellés des réponses.",
        ["Check a scheme file and list every problem."] = "Vérifier un fichier de schéma et lister chaque problème.",
        ["Write a synthetic survey export (deterministic for a seed), as CSV or XLSX."] = "Écrire un export d'enquête synthétique (le même pour une graine), en CSV ou XLSX.",
        ["Read an export's header and write an evaluation file to edit and run."] = "Lire l'en-tête d'un export et écrire un fichier d'évaluation à modifier et lancer.",
    };
}
