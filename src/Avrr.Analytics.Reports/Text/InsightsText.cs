namespace Avrr.Analytics.Reports.Text;

/// <summary>
/// The words of the insights section (docs/report.md, "Insights"), in English and in French, reached as
/// <see cref="ReportText.Insights"/>. As in <see cref="ReportText"/>, each property is required, so a sentence
/// in one language only does not compile; <c>{0}</c>, <c>{1}</c>… are filled with values already written in the
/// report's language, or with numbers that keep their trace. Every sentence speaks of associations, never causes.
/// </summary>
public sealed class InsightsText
{
    public required string Title { get; init; }
    public required string TurnedOff { get; init; }
    public required string NoTables { get; init; }
    public required string AssociationsTitle { get; init; }
    public required string AssociationsLead { get; init; }
    public required string SampleLead { get; init; }
    public required string CountryTerm { get; init; }
    public required string CommunityTerm { get; init; }
    public required string QuarterTerm { get; init; }
    public required string RoundTerm { get; init; }
    public required string SuppressedLabel { get; init; }
    public required string FewerThan { get; init; }
    public required string ProfilesTitle { get; init; }
    public required string NoProfiles { get; init; }
    public required string ProfilesLead { get; init; }
    public required string ProfilesChosen { get; init; }
    public required string NoDistinctProfiles { get; init; }
    public required string CentroidsChartLabel { get; init; }
    public required string CentroidsChartCaption { get; init; }
    public required string Profile { get; init; }
    public required string Name { get; init; }
    public required string ShareOfSurveys { get; init; }
    public required string ProfilesAct { get; init; }
    public required string MixTitle { get; init; }
    public required string NoMix { get; init; }
    public required string MixLead { get; init; }
    public required string MixChartLabel { get; init; }
    public required string MixChartCaption { get; init; }
    public required string MixAct { get; init; }
    public required string DriversTitle { get; init; }
    public required string NoDrivers { get; init; }
    public required string DriversLead { get; init; }
    public required string TermsAssociated { get; init; }
    /// <summary>How many attributes were tested for an outcome ({0}, {1} the outcome) and that the decisions control the false discovery rate.</summary>
    public required string TermsFamilyFdr { get; init; }
    /// <summary>The same when each attribute was decided on its own (--fdr none, or a result without adjusted p-values).</summary>
    public required string TermsFamilyEachOnItsOwn { get; init; }
    public required string TermsNotAssociated { get; init; }
    public required string TermsWithheld { get; init; }
    public required string CoefficientHigher { get; init; }
    public required string CoefficientLower { get; init; }
    public required string CoefficientsNone { get; init; }
    public required string CategoryAgainst { get; init; }
    public required string Attribute { get; init; }
    public required string Category { get; init; }
    public required string ComparedWith { get; init; }
    public required string Aliased { get; init; }
    public required string DriversTableNote { get; init; }
    public required string ImportanceTitle { get; init; }
    public required string NoImportance { get; init; }
    public required string ImportanceLead { get; init; }
    public required string ImportanceAxis { get; init; }
    public required string ImportanceChartLabel { get; init; }
    public required string ImportanceChartCaption { get; init; }
    public required string ImportanceMean { get; init; }
    public required string ImportanceSd { get; init; }
    public required string ImportanceTop { get; init; }
    public required string RSquared { get; init; }
    public required string RSquaredLow { get; init; }
    public required string ImportanceNone { get; init; }
    public required string ImportanceInteracting { get; init; }
    public required string EarlyWarningTitle { get; init; }
    public required string NoEarlyWarning { get; init; }
    public required string TooFewPanel { get; init; }
    public required string TooFewLow { get; init; }
    public required string EarlyWarningLead { get; init; }
    public required string AucSentence { get; init; }
    public required string AucGood { get; init; }
    public required string AucFair { get; init; }
    public required string AucWeak { get; init; }
    public required string ThresholdSentence { get; init; }
    public required string BeatsRule { get; init; }
    public required string NoLift { get; init; }
    public required string RuleSentence { get; init; }
    public required string RuleAuc { get; init; }
    public required string RulePrecision { get; init; }
    public required string RuleRecall { get; init; }
    public required string AucDifference { get; init; }
    public required string RiskLeadRule { get; init; }
    public required string RiskAllRule { get; init; }
    public required string NobodyFlagged { get; init; }
    public required string BrierSentence { get; init; }
    public required string Auc { get; init; }
    public required string Precision { get; init; }
    public required string Recall { get; init; }
    public required string Threshold { get; init; }
    public required string Brier { get; init; }
    public required string TrainReturnees { get; init; }
    public required string LowReturnees { get; init; }
    public required string Folds { get; init; }
    public required string CalibrationTitle { get; init; }
    public required string CalibrationLead { get; init; }
    public required string MeanRiskAxis { get; init; }
    public required string ObservedAxis { get; init; }
    public required string CalibrationChartLabel { get; init; }
    public required string CalibrationChartCaption { get; init; }
    public required string RiskBin { get; init; }
    public required string MeanRisk { get; init; }
    public required string ObservedShare { get; init; }
    public required string RiskTitle { get; init; }
    public required string RiskLead { get; init; }
    public required string NoRisk { get; init; }
    public required string RiskAll { get; init; }
    public required string RiskHighest { get; init; }
    public required string Flagged { get; init; }
    public required string NotFlagged { get; init; }
    public required string ShareFlagged { get; init; }
    public required string RiskShareAxis { get; init; }
    public required string RiskChartLabel { get; init; }
    public required string RiskChartCaption { get; init; }
    public required string RiskListNote { get; init; }

    public static InsightsText English { get; } = new()
    {
        Title = "Insights: profiles, drivers, early warning",
        TurnedOff = "the run was made with the insights turned off (--no-insights, or \"insights\": false in the evaluation file), so there are no profiles, drivers or early warning.",
        NoTables = "the result has no insights/ tables (it was made by an engine without them, or they were removed).",
        AssociationsTitle = "Associations, not causes.",
        AssociationsLead = "Every number here describes the surveyed returnees as they are. An attribute associated with higher scores does not raise them: who received which assistance was not decided by chance, and anything that goes with both (place, time, a returnee's own situation) can explain a difference. The early warning ranks returnees by how much they resemble those who fell back; it does not say why, and a low risk is no reason to withhold support.",
        SampleLead = "The profiles, the tree model and the early warning were trained on a seeded sample of {0} of the run's {1} returnees (seed {2}); the linear model uses every scored survey ({3}).",
        CountryTerm = "country",
        CommunityTerm = "community",
        QuarterTerm = "quarter",
        RoundTerm = "round",
        SuppressedLabel = "{0} (suppressed)",
        FewerThan = "fewer than {0}",
        ProfilesTitle = "Returnee profiles",
        NoProfiles = "No profiles were formed: the sample had fewer than {0} surveys with a score in every dimension, or too few different ones.",
        ProfilesLead = "Surveys grouped by their indicator scores (k-means): each survey belongs to the profile whose centroid, the mean of its surveys' scores, is nearest. A profile summarises who struggles, and in which way; it is not a diagnosis.",
        ProfilesChosen = "Of the numbers of profiles tried (k = {0} to {1}), the gap statistic (Tibshirani, Walther and Hastie 2001) chose k = {2}: beyond it, more profiles do not separate the surveys better than they would separate data without groups (gap {3}).",
        NoDistinctProfiles = "No distinct profiles: of the numbers of profiles tried (k = {0} to {1}), the gap statistic (Tibshirani, Walther and Hastie 2001) found none that separates the surveys better than it would separate data without groups. The scores vary, but not in distinct kinds of returnees: every survey has the one profile P1, the average of all, and there is no profile mix to show.",
        CentroidsChartLabel = "Profile centroids: the mean score of each dimension and indicator in each profile",
        CentroidsChartCaption = "Each profile's centroid: the mean score (0–1) of each dimension and of its indicators (·) over the profile's surveys, from light (0) to dark (1), with its value written on it. A profile with fewer than {0} surveys is withheld (suppressed).",
        Profile = "Profile",
        Name = "Name",
        ShareOfSurveys = "Share of surveys",
        ProfilesAct = "The profile with the lowest scores is {0}, {1}: {2} of surveys ({3}). Its lowest dimension is {4} ({5}): support aimed at it would meet this group where it is weakest.",
        MixTitle = "Profile mix by country",
        NoMix = "The result has no profile mix (insights/profile_mix).",
        MixLead = "The weighted share of surveys in each profile, in all countries and in each, with its 95% confidence interval (estimated like the aggregates, with the survey design). By community: results.xlsx (sheet profile_mix) and insights/profile_mix.csv.",
        MixChartLabel = "Share of surveys in each profile, overall and by country",
        MixChartCaption = "Weighted share of surveys in each profile, from dark (P1, the highest scores) to light, with its share written on it; a group with fewer than {0} surveys with a profile has no bar (suppressed).",
        MixAct = "The profile with the lowest scores, {0} ({1}), has its highest share in {2}: {3} of its surveys, against {4} in all countries; a programme there meets it most often. The difference between countries is not tested here: compare the intervals.",
        DriversTitle = "What goes with better scores",
        NoDrivers = "No attribute could be modelled (insights/drivers_linear has no coefficient): see the notes of manifest.json.",
        DriversLead = "A survey-weighted linear model of each score on the attributes, with design-based standard errors (as R's svyglm), on every scored survey: each coefficient is the difference between a category and the attribute's reference category (named), the other attributes held fixed. An attribute is associated with the score when its Wald test passes once the number of attributes tested is allowed for; only then are its categories named, each one associated when its 95% interval excludes 0.",
        TermsAssociated = "{0}: the attributes associated with it, strongest first: {1}.",
        TermsFamilyFdr = "{0} attributes were tested for {1}, decided together: an attribute is called associated only when the p-value of its Wald test, adjusted for the {0} tests by the Benjamini–Hochberg method, is below 0.05. This keeps the false discovery rate, the expected share of false findings among the attributes called associated, at 5% or less.",
        TermsFamilyEachOnItsOwn = "{0} attributes were tested for {1}, each on its own at the 5% level, without allowing for their number.",
        TermsNotAssociated = "{0}: no significant association with {1}.",
        TermsWithheld = "{0}: not tested, {1}",
        CoefficientHigher = "{0} “{1}” is associated with a higher score than “{4}” ({2}): {3}, the other attributes held fixed.",
        CoefficientLower = "{0} “{1}” is associated with a lower score than “{4}” ({2}): {3}, the other attributes held fixed.",
        CoefficientsNone = "No significant association ({0}), each category against its reference, the other attributes held fixed",
        CategoryAgainst = "{0} “{1}” against “{2}”",
        Attribute = "Attribute",
        Category = "Category",
        ComparedWith = "Compared with",
        Aliased = "not estimable",
        DriversTableNote = "Each cell: the difference from the reference category with its 95% confidence interval, the other attributes held fixed; * the attribute is associated with that score (its adjusted test passes) and the category's interval excludes 0. n: the surveys of the category in the model of the composite score. Not estimable: the category does not vary apart from the other attributes (R's NA coefficient).",
        ImportanceTitle = "Which attributes matter most, allowing for interactions",
        NoImportance = "The tree model was not trained (too few surveys of the sample with every attribute, or ML.NET FastTree is not available on this platform): see insights/models.csv.",
        ImportanceLead = "Boosted trees (ML.NET FastTree) of the composite score on the same attributes can find what a linear model misses: an assistance type that goes with better scores in one country only, say. An attribute's importance is how much the model's R² on held-out surveys falls when its values are shuffled ({0} shuffles: the mark is their mean, the line ± one standard deviation).",
        ImportanceAxis = "Fall in held-out R² when shuffled",
        ImportanceChartLabel = "Permutation importance of each attribute in the tree model of the composite score, with its spread",
        ImportanceChartCaption = "Mean fall in the held-out R² when an attribute's values are shuffled (the mark), ± one standard deviation over the shuffles (the line); the vertical line is no importance.",
        ImportanceMean = "Importance (mean)",
        ImportanceSd = "Standard deviation",
        ImportanceTop = "The tree model relies most on {0}: without it, the held-out R² falls by {1} (standard deviation {2}).",
        RSquared = "The attributes together explain {0} of the variation of the composite score in held-out surveys (held-out R²).",
        RSquaredLow = "The attributes explain little of the composite score on their own ({0} of its variation in held-out surveys, the held-out R²): most of what sets returnees apart lies elsewhere.",
        ImportanceNone = "No clear use by the tree model (importance within two standard deviations of 0): {0}.",
        ImportanceInteracting = "Used by the tree model, yet with no significant association in the linear model: {0}. Such an association may hold in some groups only (one country, one assistance type): look at it group by group.",
        EarlyWarningTitle = "Early warning",
        NoEarlyWarning = "The result has no early-warning table (insights/early_warning).",
        TooFewPanel = "No early warning: {0} returnees of the training sample have a baseline and a follow-up survey, and it needs at least {1} to learn from. Nothing was trained, so no returnee was given a risk.",
        TooFewLow = "No early warning: of the {0} returnees with a follow-up, fewer than {1} fell in the low band, or fewer than {1} did not, and it needs at least {1} of each. Nothing was trained, so no returnee was given a risk.",
        EarlyWarningLead = "A logistic regression (ML.NET) of whether a returnee's follow-up composite score fell in the low band, from their baseline answers, scores and attributes. Its quality is measured by {0}-fold cross-validation: each returnee's risk comes from a model that did not see them.",
        AucSentence = "Trained on {0} returnees with a follow-up, the warning ranks a returnee who later fell in the low band above one who did not {1} of the time (AUC {2}, cross-validated; 0.5 is chance).",
        AucGood = "It is useful to decide whom to call first.",
        AucFair = "It helps decide whom to call first, with care: it misses some.",
        AucWeak = "It ranks returnees little better than chance: do not rely on it to decide whom to call.",
        ThresholdSentence = "At its threshold (a risk of {0} or more), it flags {1} of those who fell low (recall), and {2} of those it flags did fall low (precision), in the cross-validation.",
        BeatsRule = "It ranks better than the simple rule “lowest baseline composite first” on the same returnees (AUC {0} against {1}; difference {2}, 95% CI {3} to {4}, DeLong's paired comparison).",
        NoLift = "It does not rank better than the simple rule “lowest baseline composite first” on the same returnees (AUC {0} against {1}; difference {2}, 95% CI {3} to {4}, DeLong's paired comparison): the model adds nothing shown over the baseline composite, so returnees are flagged by that rule instead.",
        RuleSentence = "Flagging as many returnees by the rule (a baseline composite of {0} or less), {1} of those who fell low are flagged, and {2} of those flagged did fall low.",
        RuleAuc = "AUC of the rule “lowest baseline composite first”",
        RulePrecision = "Precision of the rule, as many flagged",
        RuleRecall = "Recall of the rule, as many flagged",
        AucDifference = "AUC difference, model − rule (95% CI)",
        RiskLeadRule = "The model did not beat the simple rule, so the returnees who so far have only a baseline survey are flagged by the rule: those whose baseline composite is at or below its cut.",
        RiskAllRule = "Of the {0} returnees with only a baseline, {1} ({2}) are flagged by the rule: a baseline composite of {3} or less.",
        NobodyFlagged = "No returnee of the cross-validation reaches its threshold (a risk of {0}), so it flags nobody.",
        BrierSentence = "Brier score {0}: the mean squared difference between risk and outcome (0 is perfect).",
        Auc = "AUC (cross-validated)",
        Precision = "Precision at the threshold",
        Recall = "Recall at the threshold",
        Threshold = "Threshold (risk)",
        Brier = "Brier score",
        TrainReturnees = "Returnees with a follow-up (trained on)",
        LowReturnees = "Of them, fell in the low band",
        Folds = "Folds",
        CalibrationTitle = "Calibration",
        CalibrationLead = "In each tenth of predicted risk, the share of returnees who did fall low (out of fold). Marks near the diagonal mean a risk can be read as a chance: of returnees given about 40%, about 40% fell low.",
        MeanRiskAxis = "Mean predicted risk",
        ObservedAxis = "Share who fell low",
        CalibrationChartLabel = "Calibration of the early warning: share who fell low against mean predicted risk",
        CalibrationChartCaption = "Each mark is a tenth of predicted risk: its mean risk (across) and the share who fell low (up); the diagonal is a perfectly calibrated risk. A tenth with fewer than {0} returnees is left out (suppressed).",
        RiskBin = "Predicted risk",
        MeanRisk = "Mean risk",
        ObservedShare = "Share who fell low",
        RiskTitle = "Returnees with only a baseline: risk by country",
        RiskLead = "The warning is applied to the returnees who so far have only a baseline survey: those at or above the threshold are flagged.",
        NoRisk = "The result has no risk by country (insights/risk_by_country).",
        RiskAll = "Of the {0} returnees with only a baseline, {1} ({2}) are flagged: a risk of {3} or more.",
        RiskHighest = "The share flagged is highest in {0}: {1} of its {2} returnees ({3} flagged); that is where case workers have the largest share of returnees to call first.",
        Flagged = "Flagged",
        NotFlagged = "Not flagged",
        ShareFlagged = "Share flagged",
        RiskShareAxis = "Share of returnees with only a baseline",
        RiskChartLabel = "Share of returnees with only a baseline flagged by the early warning, overall and by country",
        RiskChartCaption = "Share flagged (dark) and not flagged (light) of the returnees with only a baseline; a group with fewer than {0} returnees, or whose flagged count would describe fewer than {0}, has no bar (suppressed).",
        RiskListNote = "The list of flagged returnees, each with the three indicators that weigh most in their risk (insights/risk.csv), is case-level data for case workers: it is in neither this report nor results.xlsx. A risk below the threshold is no reason to withhold support.",
    };

    public static InsightsText French { get; } = new()
    {
        Title = "Analyses\u00A0: profils, facteurs associés, alerte précoce",
        TurnedOff = "le traitement a été fait sans les analyses (--no-insights, ou \"insights\"\u00A0: false dans le fichier d'évaluation)\u00A0: il n'y a ni profils, ni facteurs associés, ni alerte précoce.",
        NoTables = "le résultat n'a pas de tableaux insights/ (il a été produit par un moteur qui ne les écrivait pas, ou ils ont été retirés).",
        AssociationsTitle = "Des associations, non des causes.",
        AssociationsLead = "Chaque nombre décrit les personnes de retour enquêtées telles qu'elles sont. Un attribut associé à des scores plus élevés ne les fait pas monter\u00A0: qui a reçu quelle assistance n'a pas été tiré au sort, et tout ce qui va avec les deux (le lieu, la période, la situation de la personne) peut expliquer une différence. L'alerte précoce classe les personnes selon leur ressemblance avec celles qui ont décroché\u00A0; elle n'en dit pas la raison, et un risque faible n'est pas une raison de refuser un soutien.",
        SampleLead = "Les profils, le modèle d'arbres et l'alerte précoce ont été entraînés sur un échantillon tiré au sort (graine {2}) de {0} des {1} personnes de retour du traitement\u00A0; le modèle linéaire utilise toutes les enquêtes scorées ({3}).",
        CountryTerm = "pays",
        CommunityTerm = "communauté",
        QuarterTerm = "trimestre",
        RoundTerm = "passage",
        SuppressedLabel = "{0} (masqué)",
        FewerThan = "moins de {0}",
        ProfilesTitle = "Profils des personnes de retour",
        NoProfiles = "Aucun profil n'a été formé\u00A0: l'échantillon comptait moins de {0} enquêtes avec un score dans chaque dimension, ou trop peu de différentes.",
        ProfilesLead = "Les enquêtes regroupées selon leurs scores d'indicateurs (k-moyennes)\u00A0: chaque enquête appartient au profil dont le centre, la moyenne des scores de ses enquêtes, est le plus proche. Un profil résume qui est en difficulté, et comment\u00A0; ce n'est pas un diagnostic.",
        ProfilesChosen = "Parmi les nombres de profils essayés (k = {0} à {1}), la statistique d'écart (gap statistic de Tibshirani, Walther et Hastie 2001) a retenu k = {2}\u00A0: au-delà, davantage de profils ne séparent pas mieux les enquêtes qu'ils ne sépareraient des données sans groupes (écart {3}).",
        NoDistinctProfiles = "Pas de profils distincts\u00A0: parmi les nombres de profils essayés (k = {0} à {1}), la statistique d'écart (gap statistic de Tibshirani, Walther et Hastie 2001) n'en a trouvé aucun qui sépare mieux les enquêtes qu'il ne séparerait des données sans groupes. Les scores varient, mais pas en catégories distinctes de personnes\u00A0: chaque enquête a le seul profil P1, la moyenne de toutes, et il n'y a pas de répartition par profil à montrer.",
        CentroidsChartLabel = "Centres des profils\u00A0: le score moyen de chaque dimension et de chaque indicateur dans chaque profil",
        CentroidsChartCaption = "Le centre de chaque profil\u00A0: le score moyen (0–1) de chaque dimension et de ses indicateurs (·) sur les enquêtes du profil, du clair (0) au foncé (1), avec sa valeur inscrite. Un profil de moins de {0} enquêtes est masqué.",
        Profile = "Profil",
        Name = "Nom",
        ShareOfSurveys = "Part des enquêtes",
        ProfilesAct = "Le profil aux scores les plus bas est {0}, {1}\u00A0: {2} des enquêtes ({3}). Sa dimension la plus basse est {4} ({5})\u00A0: un soutien qui la vise rejoindrait ce groupe là où il est le plus faible.",
        MixTitle = "Profils par pays",
        NoMix = "Le résultat n'a pas de répartition des profils (insights/profile_mix).",
        MixLead = "La part pondérée des enquêtes dans chaque profil, pour tous les pays et pour chacun, avec son intervalle de confiance à 95\u00A0% (estimée comme les agrégats, selon le plan de sondage). Par communauté\u00A0: results.xlsx (feuille profile_mix) et insights/profile_mix.csv.",
        MixChartLabel = "Part des enquêtes dans chaque profil, au total et par pays",
        MixChartCaption = "Part pondérée des enquêtes dans chaque profil, du foncé (P1, les scores les plus élevés) au clair, avec sa part inscrite\u00A0; un groupe de moins de {0} enquêtes avec un profil n'a pas de barre (masqué).",
        MixAct = "Le profil aux scores les plus bas, {0} ({1}), a sa part la plus élevée pour {2}\u00A0: {3} de ses enquêtes, contre {4} pour tous les pays\u00A0; un programme y rencontre ce profil le plus souvent. La différence entre pays n'est pas testée ici\u00A0: comparez les intervalles.",
        DriversTitle = "Ce qui va avec de meilleurs scores",
        NoDrivers = "Aucun attribut n'a pu être modélisé (insights/drivers_linear n'a aucun coefficient)\u00A0: voir les notes de manifest.json.",
        DriversLead = "Un modèle linéaire pondéré de chaque score sur les attributs, avec des erreurs types fondées sur le plan de sondage (comme svyglm de R), sur toutes les enquêtes scorées\u00A0: chaque coefficient est la différence entre une catégorie et la catégorie de référence de l'attribut (nommée), les autres attributs étant fixés. Un attribut est associé au score quand son test de Wald passe une fois pris en compte le nombre d'attributs testés\u00A0; alors seulement ses catégories sont nommées, chacune associée quand son intervalle à 95\u00A0% exclut 0.",
        TermsAssociated = "{0}\u00A0: les attributs qui lui sont associés, du plus fort au plus faible\u00A0: {1}.",
        TermsFamilyFdr = "{0} attributs ont été testés pour {1}, décidés ensemble\u00A0: un attribut n'est dit associé que si la p-valeur de son test de Wald, ajustée pour les {0} tests par la méthode de Benjamini–Hochberg, est inférieure à 0,05. Cela maintient le taux de fausses découvertes, la part attendue de faux constats parmi les attributs dits associés, à 5\u00A0% au plus.",
        TermsFamilyEachOnItsOwn = "{0} attributs ont été testés pour {1}, chacun à part au seuil de 5\u00A0%, sans tenir compte de leur nombre.",
        TermsNotAssociated = "{0}\u00A0: pas d'association significative avec {1}.",
        TermsWithheld = "{0}\u00A0: non testé, {1}",
        CoefficientHigher = "{0} «\u00A0{1}\u00A0» est associé à un score plus élevé que «\u00A0{4}\u00A0» ({2})\u00A0: {3}, les autres attributs étant fixés.",
        CoefficientLower = "{0} «\u00A0{1}\u00A0» est associé à un score plus bas que «\u00A0{4}\u00A0» ({2})\u00A0: {3}, les autres attributs étant fixés.",
        CoefficientsNone = "Pas d'association significative ({0}), chaque catégorie par rapport à sa référence, les autres attributs étant fixés",
        CategoryAgainst = "{0} «\u00A0{1}\u00A0» par rapport à «\u00A0{2}\u00A0»",
        Attribute = "Attribut",
        Category = "Catégorie",
        ComparedWith = "Comparée à",
        Aliased = "non estimable",
        DriversTableNote = "Chaque cellule\u00A0: la différence avec la catégorie de référence et son intervalle de confiance à 95\u00A0%, les autres attributs étant fixés\u00A0; * l'attribut est associé à ce score (son test ajusté passe) et l'intervalle de la catégorie exclut 0. n\u00A0: les enquêtes de la catégorie dans le modèle du score composite. Non estimable\u00A0: la catégorie ne varie pas indépendamment des autres attributs (coefficient NA de R).",
        ImportanceTitle = "Les attributs qui comptent le plus, interactions comprises",
        NoImportance = "Le modèle d'arbres n'a pas été entraîné (trop peu d'enquêtes de l'échantillon avec chaque attribut, ou ML.NET FastTree n'est pas disponible sur cette plateforme)\u00A0: voir insights/models.csv.",
        ImportanceLead = "Des arbres boostés (ML.NET FastTree) du score composite sur les mêmes attributs peuvent trouver ce qu'un modèle linéaire manque\u00A0: par exemple un type d'assistance qui va avec de meilleurs scores dans un seul pays. L'importance d'un attribut est la baisse du R² du modèle sur des enquêtes mises de côté quand ses valeurs sont mélangées ({0} mélanges\u00A0: le repère est leur moyenne, le trait ± un écart type).",
        ImportanceAxis = "Baisse du R² hors échantillon après mélange",
        ImportanceChartLabel = "Importance par permutation de chaque attribut dans le modèle d'arbres du score composite, avec sa dispersion",
        ImportanceChartCaption = "Baisse moyenne du R² hors échantillon quand les valeurs d'un attribut sont mélangées (le repère), ± un écart type sur les mélanges (le trait)\u00A0; la ligne verticale est une importance nulle.",
        ImportanceMean = "Importance (moyenne)",
        ImportanceSd = "Écart type",
        ImportanceTop = "Le modèle d'arbres s'appuie surtout sur {0}\u00A0: sans cet attribut, le R² hors échantillon baisse de {1} (écart type {2}).",
        RSquared = "Ensemble, les attributs expliquent {0} de la variation du score composite sur les enquêtes mises de côté (R² hors échantillon).",
        RSquaredLow = "Les attributs expliquent à eux seuls peu du score composite ({0} de sa variation sur les enquêtes mises de côté, le R² hors échantillon)\u00A0: l'essentiel de ce qui distingue les personnes est ailleurs.",
        ImportanceNone = "Pas d'usage net par le modèle d'arbres (importance à moins de deux écarts types de 0)\u00A0: {0}.",
        ImportanceInteracting = "Utilisés par le modèle d'arbres, mais sans association significative dans le modèle linéaire\u00A0: {0}. Une telle association ne vaut peut-être que dans certains groupes (un pays, un type d'assistance)\u00A0: examinez-la groupe par groupe.",
        EarlyWarningTitle = "Alerte précoce",
        NoEarlyWarning = "Le résultat n'a pas de tableau d'alerte précoce (insights/early_warning).",
        TooFewPanel = "Pas d'alerte précoce\u00A0: {0} personnes de retour de l'échantillon ont une enquête initiale et une de suivi, et il en faut au moins {1} pour apprendre. Rien n'a été entraîné\u00A0: aucune personne n'a reçu de risque.",
        TooFewLow = "Pas d'alerte précoce\u00A0: des {0} personnes de retour avec un suivi, moins de {1} sont tombées dans la catégorie faible, ou moins de {1} ne l'ont pas été, et il en faut au moins {1} de chaque. Rien n'a été entraîné\u00A0: aucune personne n'a reçu de risque.",
        EarlyWarningLead = "Une régression logistique (ML.NET) de la chute du score composite de suivi dans la catégorie faible, à partir des réponses, scores et attributs de l'enquête initiale. Sa qualité est mesurée par validation croisée à {0} blocs\u00A0: le risque de chaque personne vient d'un modèle qui ne l'a pas vue.",
        AucSentence = "Entraînée sur {0} personnes de retour suivies, l'alerte classe une personne tombée ensuite dans la catégorie faible au-dessus d'une qui ne l'a pas été dans {1} des cas (AUC {2}, en validation croisée\u00A0; 0,5 est le hasard).",
        AucGood = "Elle est utile pour décider qui appeler en premier.",
        AucFair = "Elle aide à décider qui appeler en premier, avec prudence\u00A0: elle en manque certains.",
        AucWeak = "Elle classe les personnes à peine mieux que le hasard\u00A0: ne vous y fiez pas pour décider qui appeler.",
        ThresholdSentence = "À son seuil (un risque de {0} ou plus), elle signale {1} de celles qui sont tombées dans la catégorie faible (rappel), et {2} de celles qu'elle signale y sont tombées (précision), en validation croisée.",
        BeatsRule = "Elle classe mieux que la règle simple «\u00A0le composite initial le plus bas d'abord\u00A0» sur les mêmes personnes (AUC {0} contre {1}\u00A0; différence {2}, IC à 95\u00A0% de {3} à {4}, comparaison appariée de DeLong).",
        NoLift = "Elle ne classe pas mieux que la règle simple «\u00A0le composite initial le plus bas d'abord\u00A0» sur les mêmes personnes (AUC {0} contre {1}\u00A0; différence {2}, IC à 95\u00A0% de {3} à {4}, comparaison appariée de DeLong)\u00A0: le modèle n'apporte rien de démontré au-delà du composite initial, et les personnes sont donc signalées par cette règle.",
        RuleSentence = "En signalant autant de personnes par la règle (un composite initial de {0} ou moins), {1} de celles tombées dans la catégorie faible sont signalées, et {2} des personnes signalées y sont tombées.",
        RuleAuc = "AUC de la règle «\u00A0composite initial le plus bas d'abord\u00A0»",
        RulePrecision = "Précision de la règle, autant de signalements",
        RuleRecall = "Rappel de la règle, autant de signalements",
        AucDifference = "Différence d'AUC, modèle − règle (IC à 95\u00A0%)",
        RiskLeadRule = "Le modèle n'a pas fait mieux que la règle simple\u00A0: les personnes qui n'ont pour l'instant qu'une enquête initiale sont signalées par la règle, celles dont le composite initial est au seuil de la règle ou en dessous.",
        RiskAllRule = "Des {0} personnes avec seulement une enquête initiale, {1} ({2}) sont signalées par la règle\u00A0: un composite initial de {3} ou moins.",
        NobodyFlagged = "Aucune personne de la validation croisée n'atteint son seuil (un risque de {0})\u00A0: elle ne signale personne.",
        BrierSentence = "Score de Brier {0}\u00A0: l'écart quadratique moyen entre risque et issue (0 est parfait).",
        Auc = "AUC (validation croisée)",
        Precision = "Précision au seuil",
        Recall = "Rappel au seuil",
        Threshold = "Seuil (risque)",
        Brier = "Score de Brier",
        TrainReturnees = "Personnes suivies (apprentissage)",
        LowReturnees = "Dont tombées dans la catégorie faible",
        Folds = "Blocs",
        CalibrationTitle = "Calibration",
        CalibrationLead = "Dans chaque dixième de risque prédit, la part des personnes qui sont tombées dans la catégorie faible (hors bloc). Des repères près de la diagonale signifient qu'un risque se lit comme une probabilité\u00A0: des personnes à environ 40\u00A0%, environ 40\u00A0% sont tombées.",
        MeanRiskAxis = "Risque prédit moyen",
        ObservedAxis = "Part tombée dans la catégorie faible",
        CalibrationChartLabel = "Calibration de l'alerte précoce\u00A0: part tombée dans la catégorie faible selon le risque prédit moyen",
        CalibrationChartCaption = "Chaque repère est un dixième de risque prédit\u00A0: son risque moyen (en abscisse) et la part tombée dans la catégorie faible (en ordonnée)\u00A0; la diagonale est un risque parfaitement calibré. Un dixième de moins de {0} personnes est omis (masqué).",
        RiskBin = "Risque prédit",
        MeanRisk = "Risque moyen",
        ObservedShare = "Part tombée dans la catégorie faible",
        RiskTitle = "Personnes avec seulement une enquête initiale\u00A0: risque par pays",
        RiskLead = "L'alerte est appliquée aux personnes qui n'ont pour l'instant qu'une enquête initiale\u00A0: celles au seuil ou au-dessus sont signalées.",
        NoRisk = "Le résultat n'a pas de risque par pays (insights/risk_by_country).",
        RiskAll = "Des {0} personnes avec seulement une enquête initiale, {1} ({2}) sont signalées\u00A0: un risque de {3} ou plus.",
        RiskHighest = "La part signalée est la plus élevée pour {0}\u00A0: {1} de ses {2} personnes ({3} signalées)\u00A0; c'est là que les travailleurs sociaux ont la plus grande part de personnes à appeler en premier.",
        Flagged = "Signalées",
        NotFlagged = "Non signalées",
        ShareFlagged = "Part signalée",
        RiskShareAxis = "Part des personnes avec seulement une enquête initiale",
        RiskChartLabel = "Part des personnes avec seulement une enquête initiale signalées par l'alerte précoce, au total et par pays",
        RiskChartCaption = "Part signalée (foncé) et non signalée (clair) des personnes avec seulement une enquête initiale\u00A0; un groupe de moins de {0} personnes, ou dont le nombre de signalées décrirait moins de {0} personnes, n'a pas de barre (masqué).",
        RiskListNote = "La liste des personnes signalées, chacune avec les trois indicateurs qui pèsent le plus dans son risque (insights/risk.csv), est une donnée individuelle destinée aux travailleurs sociaux\u00A0: elle ne figure ni dans ce rapport ni dans results.xlsx. Un risque sous le seuil n'est pas une raison de refuser un soutien.",
    };
}
