namespace Avrr.Analytics.Reports.Text;

/// <summary>
/// Every word of the report's audit section (docs/report.md, "Audit of the index"), in English and in
/// French, kept apart from <see cref="ReportText"/> so that the section is one set of files. Each property
/// is required, so a sentence added in one language and not the other does not compile. <c>{0}</c>,
/// <c>{1}</c>… are filled with values already written in the report's language.
/// </summary>
public sealed class AuditText
{
    public required string Title { get; init; }
    public required string NoAudit { get; init; }
    public required string NoAuditTables { get; init; }
    public required string Lead { get; init; }
    public required string LevelGroups { get; init; }
    public required string CoherenceTitle { get; init; }
    public required string HeatmapLabel { get; init; }
    public required string HeatmapCaption { get; init; }
    public required string WithinRange { get; init; }
    public required string WithinWeak { get; init; }
    public required string NoPairs { get; init; }
    public required string NoFlags { get; init; }
    public required string FlagsLead { get; init; }
    public required string FlagNegative { get; init; }
    public required string FlagWeak { get; init; }
    public required string FlagWeakRest { get; init; }
    public required string FlagStronger { get; init; }
    public required string FlagRedundant { get; init; }
    public required string FlagAlphaRises { get; init; }
    public required string FlagOutlier { get; init; }
    public required string ReliabilityTitle { get; init; }
    public required string Scope { get; init; }
    public required string AllIndicators { get; init; }
    public required string AlphaRaw { get; init; }
    public required string AlphaStd { get; init; }
    public required string AlphaWeighted { get; init; }
    public required string CompleteCases { get; init; }
    public required string Consistent { get; init; }
    public required string LessConsistent { get; init; }
    public required string AlphaRisesWithout { get; init; }
    public required string ComponentsTitle { get; init; }
    public required string ScreeLabel { get; init; }
    public required string ScreeCaption { get; init; }
    public required string Component { get; init; }
    public required string Eigenvalue { get; init; }
    public required string OneComponent { get; init; }
    public required string SeveralComponents { get; init; }
    public required string WeightsTitle { get; init; }
    public required string Node { get; init; }
    public required string Nominal { get; init; }
    public required string Effective { get; init; }
    public required string Derived { get; init; }
    public required string ShareOfComposite { get; init; }
    public required string WeightsLabel { get; init; }
    public required string WeightsCaption { get; init; }
    public required string WeightsGap { get; init; }
    public required string WeightsClose { get; init; }
    public required string DerivedFile { get; init; }
    public required string DerivedNotMade { get; init; }
    public required string DerivedPartial { get; init; }
    public required string FlagContrast { get; init; }
    public required string DimensionScores { get; init; }
    public required string RanksTitle { get; init; }
    public required string Group { get; init; }
    public required string NominalRank { get; init; }
    public required string NominalScore { get; init; }
    public required string MedianRank { get; init; }
    public required string RankInterval { get; init; }
    public required string ScoreInterval { get; init; }
    public required string Rank { get; init; }
    public required string RanksLabel { get; init; }
    public required string RanksCaption { get; init; }
    public required string MedianMark { get; init; }
    public required string NominalMark { get; init; }
    public required string RanksAllStable { get; init; }
    public required string RanksSomeStable { get; init; }
    public required string RanksWidest { get; init; }
    public required string SensitivityTitle { get; init; }
    public required string Assumption { get; init; }
    public required string FirstOrder { get; init; }
    public required string Total { get; init; }
    public required string SensitivityLabel { get; init; }
    public required string SensitivityCaption { get; init; }
    public required string SensitivityMost { get; init; }
    public required string SensitivityNone { get; init; }
    public required string SensitivityMissing { get; init; }
    public required string SensitivityNegligible { get; init; }
    public required string SensitivityUnclear { get; init; }
    public required string SensitivityUnclearStable { get; init; }
    public required string SensitivityStableRanks { get; init; }
    public required string Withheld { get; init; }
    public required string WhyNegligible { get; init; }
    public required string WhySum { get; init; }
    public required string WhyOutside { get; init; }
    public required string WhyFirstAboveTotal { get; init; }
    public required string WhyTooWide { get; init; }
    public required string AssumptionWeights { get; init; }
    public required string AssumptionAggregation { get; init; }
    public required string AssumptionCompositeFrom { get; init; }
    public required string AssumptionCoverage { get; init; }
    public required string AssumptionDontKnow { get; init; }
    public required string UncertaintyDone { get; init; }
    public required string UncertaintySubsample { get; init; }
    public required string UncertaintySkipped { get; init; }
    public required string SkippedNoSamples { get; init; }
    public required string SkippedFewGroups { get; init; }
    public required string SkippedNoSurveys { get; init; }
    public required string SkippedOther { get; init; }
    public required string CorrelationsSubsample { get; init; }
    public required string SamplingTitle { get; init; }
    public required string SamplingLead { get; init; }
    public required string RankBetween { get; init; }
    public required string RankExactly { get; init; }
    public required string SamplingLabel { get; init; }
    public required string SamplingCaption { get; init; }
    public required string RankByEstimate { get; init; }
    public required string Mean { get; init; }
    public required string JointSet { get; init; }
    public required string MarginalSet { get; init; }
    public required string Robust { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string RobustSome { get; init; }
    public required string RobustNone { get; init; }
    public required string SamplingSkipped { get; init; }
    public required string SamplingAssumption { get; init; }

    public static AuditText Of(ReportLanguage language) => language.Code == "fr" ? French : English;

    public static AuditText English { get; } = new()
    {
        Title = "Audit of the index",
        NoAudit = "the run was made with --no-audit, so the index was not audited.",
        NoAuditTables = "the result holds no audit tables (audit/).",
        Lead = "Do the indicators measure one thing per dimension, do the weights do what they say, and would the ranking of the {0} hold with other reasonable choices? The numbers below are those of the result's audit/ tables (docs/audit.md explains each and the R call it matches).",
        LevelGroups = "groups of {0}",
        CoherenceTitle = "Coherence: how the scores move together",
        HeatmapLabel = "Pearson correlations between the indicator, dimension and composite scores",
        HeatmapCaption = "Pearson correlation of each pair of scores (unweighted, pairwise complete): dark blue is a strong positive correlation, white none, orange a negative one. The numbers on the left name the columns.",
        WithinRange = "Within the dimensions, indicators correlate from {0} to {1} with each other.",
        WithinWeak = "Some indicators of the same dimension hardly move together (lowest r = {0}): see the questions below.",
        NoPairs = "Too few surveys have the scores together to show their correlations.",
        NoFlags = "No indicator raises a question: each moves with its own dimension more than with the others, and none duplicates another.",
        FlagsLead = "Questions the data raise about the indicators (rules of thumb, to be read as questions, not verdicts):",
        FlagNegative = "{0} correlates negatively with its own dimension (r = {1}).",
        FlagWeak = "{0} is weakly related to its own dimension (r = {1}).",
        FlagWeakRest = "{0} hardly moves with the rest of its dimension (r = {1}): its answers say little about what the other indicators of the dimension measure.",
        FlagStronger = "{0} correlates more with {2} than with its own dimension (r = {1}).",
        FlagRedundant = "{0} and {2} correlate at {1}: they may count the same thing twice.",
        FlagAlphaRises = "Without {0}, its dimension would be more consistent (alpha {1}).",
        FlagOutlier = "{0} is heavily skewed (skew {1}): most surveys have the same score.",
        ReliabilityTitle = "Reliability: Cronbach's alpha",
        Scope = "Scope",
        AllIndicators = "All indicators",
        AlphaRaw = "Alpha",
        AlphaStd = "Standardised alpha",
        AlphaWeighted = "Weighted alpha",
        CompleteCases = "n (complete cases)",
        Consistent = "Internally consistent (alpha of 0.7 or more): {0}.",
        LessConsistent = "Less consistent (alpha below 0.7): {0}.",
        AlphaRisesWithout = "{0} would be more consistent without {1} (alpha {2} instead of {3}).",
        ComponentsTitle = "Principal components: does each dimension measure one thing?",
        ScreeLabel = "Eigenvalues of the principal components of each dimension and of all indicators",
        ScreeCaption = "Eigenvalue of each principal component (correlation matrix, complete cases); the line at 1 is the usual threshold: a component above it carries more than one indicator's worth of variance.",
        Component = "component",
        Eigenvalue = "eigenvalue",
        OneComponent = "{0}: one component stands out (eigenvalue {1}, {2} of the variance), so the dimension measures one thing.",
        SeveralComponents = "{0}: {1} components have an eigenvalue above 1, so the dimension may measure more than one thing.",
        WeightsTitle = "Weights: nominal, effective and derived from the data",
        Node = "Dimension or indicator",
        Nominal = "nominal",
        Effective = "effective",
        Derived = "derived",
        ShareOfComposite = "share of the composite",
        WeightsLabel = "Nominal, effective and data-derived weight of each indicator in the composite",
        WeightsCaption = "Each indicator's share of the composite: nominal (the scheme's weights), effective (its correlation with the composite, as a share of all indicators') and derived (from the principal components of the data).",
        WeightsGap = "The largest gap between what the scheme intends and what the data do: {0} has {1} of the composite by the scheme's weights, but an effective weight of {2}; the data would give it {3}.",
        WeightsClose = "Every indicator's effective weight is within 2 points of its nominal weight: the composite reflects its indicators as the scheme intends.",
        DerivedFile = "The derived weights are written as a scheme file, audit/derived-weights.json, that avrr run --scheme accepts: a check of the official weights, not a replacement without review.",
        DerivedNotMade = "No weights could be derived from these data.",
        DerivedPartial = "No weights could be derived for {0}: the first principal component of its parts is a contrast (loadings of both signs), which opposes some of them to the others rather than measuring what they share. The other weights are derived; no scheme file is written.",
        DimensionScores = "the dimension scores",
        FlagContrast = "{0} loads {1} on the first principal component of {2}, against the others: that component is a contrast, not a common factor, so no weights are derived from it.",
        RanksTitle = "How sure is each rank?",
        Group = "Group",
        NominalRank = "Rank",
        NominalScore = "Score",
        MedianRank = "Median rank",
        RankInterval = "Rank, 5–95%",
        ScoreInterval = "Score, 5–95%",
        Rank = "rank (1 = highest composite)",
        RanksLabel = "Median rank of each group with the 5–95% interval of its rank under other reasonable choices",
        RanksCaption = "Each group's rank under the scheme (diamond) and its median rank (circle) over the variants of the uncertainty analysis, with the line from its 5th to its 95th percentile.",
        MedianMark = "median rank",
        NominalMark = "rank under the scheme",
        RanksAllStable = "Each of the {0} ranked groups has a single rank from the 5th to the 95th percentile of the variants: the ranking does not depend on the choices varied.",
        RanksSomeStable = "{0} of the {1} ranked groups have a single rank from the 5th to the 95th percentile of the variants; the others' ranks depend on how the index is built.",
        RanksWidest = "The least certain rank is {0}'s: {1} under the scheme, from {2} to {3} under other choices.",
        SensitivityTitle = "Which choice does the ranking depend on?",
        Assumption = "Choice",
        FirstOrder = "first-order index",
        Total = "total index",
        SensitivityLabel = "Sobol sensitivity indices of the mean rank shift for each modelling choice",
        SensitivityCaption = "Share of the variation of the ranking explained by each choice alone (first-order index) and with its interactions (total index), with their 5–95% bootstrap intervals.",
        SensitivityMost = "The ranking depends most on {0} (total index {1}, 5–95%: {2}–{3}).",
        SensitivityNone = "The ranking did not change in any variant: it does not depend on any of the choices varied.",
        SensitivityMissing = "The sensitivity indices could not be computed for this result.",
        SensitivityNegligible = "The ranking moved in only {0} of the {1} runs of the design: too little variation to share out among the choices, so no sensitivity index is shown.",
        SensitivityUnclear = "The ranking moves under the choices varied, but no choice's share of that variation could be estimated precisely enough to show (the reasons are in the table); more samples (--audit-samples) narrow the intervals.",
        SensitivityUnclearStable = "No choice's share of the ranking's rare changes could be estimated precisely enough to show (the reasons are in the table).",
        SensitivityStableRanks = "Every group kept its rank from the 5th to the 95th percentile of the variants, so the ranking is not said to depend on any choice; the indices below only share out its rare changes.",
        Withheld = "withheld: {0}",
        WhyNegligible = "the ranking hardly varied",
        WhySum = "the indices do not add up (beyond their error)",
        WhyOutside = "the estimate lies outside 0–1",
        WhyFirstAboveTotal = "the first-order index exceeds the total",
        WhyTooWide = "its 5–95% interval is wider than {0}",
        AssumptionWeights = "the weights (each ±25%)",
        AssumptionAggregation = "arithmetic or geometric aggregation",
        AssumptionCompositeFrom = "the composite from dimensions or indicators",
        AssumptionCoverage = "the dimension coverage rule (0.4, 0.6, 0.8)",
        AssumptionDontKnow = "\"don't know\" as missing or as the lowest score",
        UncertaintyDone = "The uncertainty analysis scored the surveys again under {0} variants of the index: other weights, aggregation, composite source, coverage rule and treatment of \"don't know\" (seed {1}).",
        UncertaintySubsample = "To fit the time budget, it used a seeded subsample of {0} of the {1} surveys; the nominal ranks and scores are those of every survey.",
        UncertaintySkipped = "The uncertainty analysis was not run: {0}. Rank uncertainty and sensitivity are therefore not shown.",
        SkippedNoSamples = "no sample was asked for (--audit-samples 0)",
        SkippedFewGroups = "fewer than two groups have at least {0} surveys with a composite score",
        SkippedNoSurveys = "no survey was kept",
        SkippedOther = "{0} (the run's note)",
        CorrelationsSubsample = "The correlations with a dimension or the composite are computed on a seeded subsample of {0} surveys; those between indicators on all of them.",
        SamplingTitle = "How sure is each rank, given sampling error?",
        SamplingLead = "The means are estimated from a sample, so two groups whose means are close may stand in either order. With 95% confidence for all {0} ranked groups at once (the joint confidence sets for ranks of Mogstad, Romano, Shaikh and Wilhelm 2024, from each mean and its standard error):",
        RankBetween = "{0} ranks between {1} and {2}.",
        RankExactly = "{0} ranks {1}.",
        SamplingLabel = "Each group's rank by its estimated mean with the joint 95% confidence set of its rank",
        SamplingCaption = "Each group's rank by its estimated mean composite (circle) and the 95% confidence set of its rank that holds for all groups at once (line). The table adds the set for one group alone (marginal).",
        RankByEstimate = "rank by the estimated means",
        Mean = "Mean",
        JointSet = "Rank, 95% set (joint)",
        MarginalSet = "Rank, 95% set (this group alone)",
        Robust = "Robust",
        Yes = "yes",
        No = "no",
        RobustSome = "Robust ranks, which hold both under every variant of the index (5th to 95th percentile) and in the joint 95% confidence set: {0}.",
        RobustNone = "No rank is robust to both: each group's joint 95% set spans more than one rank, or the variants of the index move it.",
        SamplingSkipped = "Confidence sets for the ranks were not computed: {0} (the run's note).",
        SamplingAssumption = "The sets take the groups' estimates as independent of each other, which is exact when the ranked groups are the design's strata.",
    };

    public static AuditText French { get; } = new()
    {
        Title = "Audit de l'indice",
        NoAudit = "le traitement a été lancé avec --no-audit\u00A0: l'indice n'a pas été audité.",
        NoAuditTables = "le résultat ne contient pas de tableaux d'audit (audit/).",
        Lead = "Les indicateurs mesurent-ils une seule chose par dimension, les poids font-ils ce qu'ils disent, et le classement des {0} tiendrait-il avec d'autres choix raisonnables\u00A0? Les nombres ci-dessous sont ceux des tableaux audit/ du résultat (docs/audit.md explique chacun et l'appel R auquel il correspond).",
        LevelGroups = "groupes de {0}",
        CoherenceTitle = "Cohérence\u00A0: comment les scores varient ensemble",
        HeatmapLabel = "Corrélations de Pearson entre les scores des indicateurs, des dimensions et le composite",
        HeatmapCaption = "Corrélation de Pearson de chaque paire de scores (non pondérée, observations complètes par paire)\u00A0: bleu foncé pour une forte corrélation positive, blanc pour aucune, orange pour une négative. Les numéros à gauche nomment les colonnes.",
        WithinRange = "Au sein des dimensions, les indicateurs sont corrélés entre eux de {0} à {1}.",
        WithinWeak = "Certains indicateurs d'une même dimension varient à peine ensemble (r le plus bas = {0})\u00A0: voir les questions ci-dessous.",
        NoPairs = "Trop peu d'enquêtes ont ces scores ensemble pour montrer leurs corrélations.",
        NoFlags = "Aucun indicateur ne soulève de question\u00A0: chacun varie avec sa dimension plus qu'avec les autres, et aucun n'en double un autre.",
        FlagsLead = "Questions que les données posent sur les indicateurs (des règles empiriques, à lire comme des questions, non comme des verdicts)\u00A0:",
        FlagNegative = "{0} est corrélé négativement à sa propre dimension (r = {1}).",
        FlagWeak = "{0} est faiblement lié à sa propre dimension (r = {1}).",
        FlagWeakRest = "{0} varie à peine avec le reste de sa dimension (r = {1})\u00A0: ses réponses disent peu de ce que mesurent les autres indicateurs de la dimension.",
        FlagStronger = "{0} est plus corrélé à {2} qu'à sa propre dimension (r = {1}).",
        FlagRedundant = "{0} et {2} sont corrélés à {1}\u00A0: ils comptent peut-être deux fois la même chose.",
        FlagAlphaRises = "Sans {0}, sa dimension serait plus cohérente (alpha {1}).",
        FlagOutlier = "{0} est très asymétrique (asymétrie {1})\u00A0: la plupart des enquêtes ont le même score.",
        ReliabilityTitle = "Fiabilité\u00A0: alpha de Cronbach",
        Scope = "Portée",
        AllIndicators = "Tous les indicateurs",
        AlphaRaw = "Alpha",
        AlphaStd = "Alpha standardisé",
        AlphaWeighted = "Alpha pondéré",
        CompleteCases = "n (observations complètes)",
        Consistent = "Cohérence interne satisfaisante (alpha de 0,7 ou plus)\u00A0: {0}.",
        LessConsistent = "Moins cohérent (alpha inférieur à 0,7)\u00A0: {0}.",
        AlphaRisesWithout = "{0} serait plus cohérent sans {1} (alpha {2} au lieu de {3}).",
        ComponentsTitle = "Composantes principales\u00A0: chaque dimension mesure-t-elle une seule chose\u00A0?",
        ScreeLabel = "Valeurs propres des composantes principales de chaque dimension et de l'ensemble des indicateurs",
        ScreeCaption = "Valeur propre de chaque composante principale (matrice des corrélations, observations complètes)\u00A0; la ligne à 1 est le seuil usuel\u00A0: une composante au-dessus porte plus de variance qu'un seul indicateur.",
        Component = "composante",
        Eigenvalue = "valeur propre",
        OneComponent = "{0}\u00A0: une composante se détache (valeur propre {1}, {2} de la variance)\u00A0: la dimension mesure une seule chose.",
        SeveralComponents = "{0}\u00A0: {1} composantes ont une valeur propre supérieure à 1\u00A0: la dimension mesure peut-être plus d'une chose.",
        WeightsTitle = "Poids\u00A0: nominaux, effectifs et dérivés des données",
        Node = "Dimension ou indicateur",
        Nominal = "nominal",
        Effective = "effectif",
        Derived = "dérivé",
        ShareOfComposite = "part du composite",
        WeightsLabel = "Poids nominal, effectif et dérivé des données de chaque indicateur dans le composite",
        WeightsCaption = "Part de chaque indicateur dans le composite\u00A0: nominale (les poids du schéma), effective (sa corrélation avec le composite, en part de celles de tous les indicateurs) et dérivée (des composantes principales des données).",
        WeightsGap = "Le plus grand écart entre l'intention du schéma et ce que font les données\u00A0: {0} pèse {1} du composite selon les poids du schéma, mais son poids effectif est de {2}\u00A0; les données lui donneraient {3}.",
        WeightsClose = "Le poids effectif de chaque indicateur est à moins de 2 points de son poids nominal\u00A0: le composite reflète ses indicateurs comme le schéma le prévoit.",
        DerivedFile = "Les poids dérivés sont écrits dans un fichier de schéma, audit/derived-weights.json, qu'accepte avrr run --scheme\u00A0: une vérification des poids officiels, non un remplacement sans examen.",
        DerivedNotMade = "Aucun poids n'a pu être dérivé de ces données.",
        DerivedPartial = "Aucun poids n'a pu être dérivé pour {0}\u00A0: la première composante principale de ses éléments est un contraste (coefficients des deux signes), qui oppose certains d'entre eux aux autres au lieu de mesurer ce qu'ils ont en commun. Les autres poids sont dérivés\u00A0; aucun fichier de schéma n'est écrit.",
        DimensionScores = "les scores des dimensions",
        FlagContrast = "{0} a un coefficient de {1} sur la première composante principale de {2}, à l'opposé des autres\u00A0: cette composante est un contraste, non un facteur commun, et aucun poids n'en est dérivé.",
        RanksTitle = "Quelle est la solidité de chaque rang\u00A0?",
        Group = "Groupe",
        NominalRank = "Rang",
        NominalScore = "Score",
        MedianRank = "Rang médian",
        RankInterval = "Rang, 5–95\u00A0%",
        ScoreInterval = "Score, 5–95\u00A0%",
        Rank = "rang (1 = composite le plus élevé)",
        RanksLabel = "Rang médian de chaque groupe avec l'intervalle 5–95\u00A0% de son rang sous d'autres choix raisonnables",
        RanksCaption = "Rang de chaque groupe selon le schéma (losange) et son rang médian (cercle) sur les variantes de l'analyse d'incertitude, avec le trait de son 5e à son 95e centile.",
        MedianMark = "rang médian",
        NominalMark = "rang selon le schéma",
        RanksAllStable = "Chacun des {0} groupes classés a un seul rang du 5e au 95e centile des variantes\u00A0: le classement ne dépend pas des choix que l'on fait varier.",
        RanksSomeStable = "{0} des {1} groupes classés ont un seul rang du 5e au 95e centile des variantes\u00A0; le rang des autres dépend de la construction de l'indice.",
        RanksWidest = "Le rang le moins sûr est celui de {0}\u00A0: {1} selon le schéma, de {2} à {3} sous d'autres choix.",
        SensitivityTitle = "De quel choix le classement dépend-il\u00A0?",
        Assumption = "Choix",
        FirstOrder = "indice de premier ordre",
        Total = "indice total",
        SensitivityLabel = "Indices de sensibilité de Sobol du déplacement moyen des rangs pour chaque choix de modélisation",
        SensitivityCaption = "Part de la variation du classement expliquée par chaque choix seul (indice de premier ordre) et avec ses interactions (indice total), avec leurs intervalles bootstrap 5–95\u00A0%.",
        SensitivityMost = "Le classement dépend surtout de {0} (indice total {1}, 5–95\u00A0%\u00A0: {2}–{3}).",
        SensitivityNone = "Le classement n'a changé dans aucune variante\u00A0: il ne dépend d'aucun des choix que l'on fait varier.",
        SensitivityMissing = "Les indices de sensibilité n'ont pas pu être calculés pour ce résultat.",
        SensitivityNegligible = "Le classement n'a bougé que dans {0} des {1} tirages du plan\u00A0: trop peu de variation pour la répartir entre les choix, aucun indice de sensibilité n'est donc présenté.",
        SensitivityUnclear = "Le classement bouge sous les choix que l'on fait varier, mais la part d'aucun choix n'a pu être estimée assez précisément pour être présentée (les raisons sont dans le tableau)\u00A0; davantage d'échantillons (--audit-samples) resserrent les intervalles.",
        SensitivityUnclearStable = "La part d'aucun choix dans les rares changements du classement n'a pu être estimée assez précisément pour être présentée (les raisons sont dans le tableau).",
        SensitivityStableRanks = "Chaque groupe a gardé son rang du 5e au 95e centile des variantes\u00A0: le classement n'est donc dit dépendre d'aucun choix\u00A0; les indices ci-dessous ne font que répartir ses rares changements.",
        Withheld = "non présenté\u00A0: {0}",
        WhyNegligible = "le classement a à peine varié",
        WhySum = "les indices ne s'additionnent pas correctement (au-delà de leur erreur)",
        WhyOutside = "l'estimation sort de l'intervalle 0–1",
        WhyFirstAboveTotal = "l'indice de premier ordre dépasse l'indice total",
        WhyTooWide = "son intervalle 5–95\u00A0% est plus large que {0}",
        AssumptionWeights = "les poids (chacun ±25\u00A0%)",
        AssumptionAggregation = "l'agrégation arithmétique ou géométrique",
        AssumptionCompositeFrom = "le composite à partir des dimensions ou des indicateurs",
        AssumptionCoverage = "la règle de couverture des dimensions (0,4, 0,6, 0,8)",
        AssumptionDontKnow = "«\u00A0ne sait pas\u00A0» compté manquant ou comme le score le plus bas",
        UncertaintyDone = "L'analyse d'incertitude a scoré à nouveau les enquêtes sous {0} variantes de l'indice\u00A0: autres poids, agrégation, source du composite, règle de couverture et traitement de «\u00A0ne sait pas\u00A0» (graine {1}).",
        UncertaintySubsample = "Pour tenir dans le temps imparti, elle a utilisé un sous-échantillon tiré (avec graine) de {0} des {1} enquêtes\u00A0; les rangs et scores nominaux sont ceux de toutes les enquêtes.",
        UncertaintySkipped = "L'analyse d'incertitude n'a pas été faite\u00A0: {0}. L'incertitude des rangs et la sensibilité ne sont donc pas présentées.",
        SkippedNoSamples = "aucun échantillon n'a été demandé (--audit-samples 0)",
        SkippedFewGroups = "moins de deux groupes ont au moins {0} enquêtes avec un score composite",
        SkippedNoSurveys = "aucune enquête n'a été conservée",
        SkippedOther = "{0} (note du traitement, en anglais)",
        CorrelationsSubsample = "Les corrélations avec une dimension ou le composite sont calculées sur un sous-échantillon tiré (avec graine) de {0} enquêtes\u00A0; celles entre indicateurs sur toutes.",
        SamplingTitle = "Quelle est la solidité de chaque rang, compte tenu de l'erreur d'échantillonnage\u00A0?",
        SamplingLead = "Les moyennes sont estimées sur un échantillon\u00A0: deux groupes aux moyennes proches peuvent se trouver dans un ordre ou dans l'autre. Avec une confiance de 95\u00A0% pour les {0} groupes classés à la fois (les ensembles de confiance conjoints pour les rangs de Mogstad, Romano, Shaikh et Wilhelm 2024, à partir de chaque moyenne et de son erreur type)\u00A0:",
        RankBetween = "{0} se classe entre le {1} et le {2} rang.",
        RankExactly = "{0} se classe au {1} rang.",
        SamplingLabel = "Rang de chaque groupe selon sa moyenne estimée, avec l'ensemble de confiance conjoint à 95\u00A0% de son rang",
        SamplingCaption = "Rang de chaque groupe selon sa moyenne composite estimée (cercle) et l'ensemble de confiance à 95\u00A0% de son rang valable pour tous les groupes à la fois (trait). Le tableau ajoute l'ensemble pour un seul groupe (marginal).",
        RankByEstimate = "rang selon les moyennes estimées",
        Mean = "Moyenne",
        JointSet = "Rang, ensemble à 95\u00A0% (conjoint)",
        MarginalSet = "Rang, ensemble à 95\u00A0% (ce groupe seul)",
        Robust = "Solide",
        Yes = "oui",
        No = "non",
        RobustSome = "Rangs solides, qui tiennent à la fois sous chaque variante de l'indice (du 5e au 95e centile) et dans l'ensemble de confiance conjoint à 95\u00A0%\u00A0: {0}.",
        RobustNone = "Aucun rang n'est solide aux deux\u00A0: l'ensemble conjoint à 95\u00A0% de chaque groupe couvre plus d'un rang, ou les variantes de l'indice le déplacent.",
        SamplingSkipped = "Les ensembles de confiance des rangs n'ont pas été calculés\u00A0: {0} (note du traitement, en anglais).",
        SamplingAssumption = "Les ensembles supposent les estimations des groupes indépendantes les unes des autres, ce qui est exact quand les groupes classés sont les strates du plan de sondage.",
    };
}
