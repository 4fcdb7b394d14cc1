using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Reports.Text;

/// <summary>
/// Every word of the report, in English and in French (docs/report.md). Each property is required, so a
/// sentence added in one language and not the other does not compile. <c>{0}</c>, <c>{1}</c>… are filled with
/// values already written in the report's language (<see cref="ReportLanguage"/>).
/// </summary>
public sealed class ReportText
{
    public required string ReportTitle { get; init; }
    public required string Contents { get; init; }
    public required string LeftOut { get; init; }
    public required string LeftOutShort { get; init; }
    public required string PeoplesData { get; init; }
    public required string BannerWeightLike { get; init; }      // column
    public required string BannerMostlyUnknown { get; init; }   // column, unknown, surveys
    public required string BannerSkipped { get; init; }         // count, files
    public required string DesignUnweighted { get; init; }      // why
    public required string UnweightedOnPurpose { get; init; }
    public required string UnweightedNoColumn { get; init; }    // column
    public required string SamplingWeightsRow { get; init; }
    public required string SamplingWeightsNone { get; init; }
    public required string Generated { get; init; }
    public required string SchemeSubtitle { get; init; }
    public required string Headline { get; init; }
    public required string NoAllLevel { get; init; }
    public required string WholeSampleSuppressed { get; init; }
    public required string Period { get; init; }
    public required string PeriodRange { get; init; }
    public required string SurveysScored { get; init; }
    public required string Returnees { get; init; }
    public required string PanelReturnees { get; init; }
    public required string Countries { get; init; }
    public required string Measure { get; init; }
    public required string Mean { get; init; }
    public required string Interval95 { get; init; }
    public required string Interval95Short { get; init; }
    public required string SurveysN { get; init; }
    public required string BandsLead { get; init; }
    public required string BandLow { get; init; }
    public required string BandMedium { get; init; }
    public required string BandHigh { get; init; }
    public required string HeadlineNote { get; init; }
    public required string Composite { get; init; }
    public required string Findings { get; init; }
    public required string NoFindings { get; init; }
    public required string FindingsLead { get; init; }
    /// <summary>The lead when each test was decided on its own (--fdr none, or a result without families).</summary>
    public required string FindingsLeadUnadjusted { get; init; }
    /// <summary>How many tests a list's one family made, and that its decisions control the false discovery rate: {0} tests.</summary>
    public required string FamilyFdrOne { get; init; }
    /// <summary>{0} tests in {1} families, {2} what a family is (<see cref="FamiliesOfCommunities"/>…).</summary>
    public required string FamilyFdrMany { get; init; }
    /// <summary>{0} tests, each decided on its own.</summary>
    public required string FamilyEachOnItsOwn { get; init; }
    public required string FamiliesOfCommunities { get; init; }
    public required string FamiliesOfQuarters { get; init; }
    public required string FamiliesOfChanges { get; init; }
    /// <summary>"adjusted p" before a finding's adjusted p-value.</summary>
    public required string AdjustedP { get; init; }
    public required string NoComparisonsTable { get; init; }
    public required string FindingsCountries { get; init; }
    public required string BelowAll { get; init; }
    public required string AboveAll { get; init; }
    public required string NoDifferenceAll { get; init; }
    public required string FindingsWeakest { get; init; }
    public required string WeakestSignificant { get; init; }
    public required string WeakestNotSignificant { get; init; }
    public required string FindingsCommunities { get; init; }
    public required string BelowParent { get; init; }
    public required string AboveParent { get; init; }
    public required string NoDifferenceParent { get; init; }
    public required string ComparisonsWithheld { get; init; }
    public required string FindingsQuarters { get; init; }
    public required string QuarterRose { get; init; }
    public required string QuarterFell { get; init; }
    public required string NoQuarterChange { get; init; }
    public required string FindingsPanel { get; init; }
    public required string PanelRose { get; init; }
    public required string PanelFell { get; init; }
    public required string PanelNoChange { get; init; }
    public required string ReturneesN { get; init; }
    public required string To { get; init; }
    /// <summary>": " in English, " : " (no-break space before) in French, and the same for ";".</summary>
    public required string Colon { get; init; }
    public required string Semicolon { get; init; }
    public required string AllCountries { get; init; }
    public required string NoPanel { get; init; }
    public required string CountriesTitle { get; init; }
    public required string NoCountries { get; init; }
    public required string CountriesChartLabel { get; init; }
    public required string CountriesChartCaption { get; init; }
    public required string CountriesChartCaptionNoMean { get; init; }
    public required string IndicatorHeader { get; init; }
    public required string CompositeAxis { get; init; }
    public required string ScoreAxis { get; init; }
    public required string Country { get; init; }
    public required string DifferenceFromAll { get; init; }
    public required string Significant { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string DimensionProfile { get; init; }
    public required string ProfileChartLabel { get; init; }
    public required string ProfileChartCaption { get; init; }
    public required string WeakestTitle { get; init; }
    public required string WeakestTestedLead { get; init; }
    public required string WeakestUntestedLead { get; init; }
    public required string WeakestDimension { get; init; }
    public required string NextLowest { get; init; }
    public required string Difference { get; init; }
    public required string CommunitiesTitle { get; init; }
    public required string NoCommunities { get; init; }
    public required string CommunitiesLead { get; init; }
    public required string Community { get; init; }
    public required string WithInterval { get; init; }
    public required string DifferenceFromCountry { get; init; }
    public required string SignificantMark { get; init; }
    public required string SignificantMarkNote { get; init; }
    public required string SignificantMarkNoteUnadjusted { get; init; }
    public required string SuppressedCell { get; init; }
    public required string Unknown { get; init; }
    public required string OverTimeTitle { get; init; }
    public required string NoOverTime { get; init; }
    public required string NoQuarters { get; init; }
    public required string Quarter { get; init; }
    public required string QuartersChartLabel { get; init; }
    public required string QuartersChartCaption { get; init; }
    public required string PanelTitle { get; init; }
    public required string PanelLead { get; init; }
    public required string ChangeAxis { get; init; }
    public required string PanelChartLabel { get; init; }
    public required string PanelChartCaption { get; init; }
    public required string Group { get; init; }
    public required string ReturneesHeader { get; init; }
    public required string DistributionTitle { get; init; }
    public required string NoDistribution { get; init; }
    public required string DistributionLead { get; init; }
    public required string DistributionChartLabel { get; init; }
    public required string DistributionChartCaption { get; init; }
    public required string ShareAxis { get; init; }
    public required string P25 { get; init; }
    public required string Median { get; init; }
    public required string P75 { get; init; }
    public required string DataQualityTitle { get; init; }
    public required string InputsTitle { get; init; }
    public required string Input { get; init; }
    public required string RowsRead { get; init; }
    public required string RowsScored { get; init; }
    public required string RowsRejected { get; init; }
    public required string BlankRows { get; init; }
    public required string Total { get; init; }
    public required string RejectReasonsTitle { get; init; }
    public required string RejectReasonsLead { get; init; }
    public required string NoRejects { get; init; }
    public required string Reason { get; init; }
    public required string Code { get; init; }
    public required string Problems { get; init; }
    public required string QuestionsTitle { get; init; }
    public required string QuestionsLead { get; init; }
    public required string NoDataQuality { get; init; }
    public required string DataQualitySuppressed { get; init; }
    public required string Question { get; init; }
    public required string Answered { get; init; }
    public required string MethodologyTitle { get; init; }
    public required string SchemeTitle { get; init; }
    public required string EqualWeightsTitle { get; init; }
    public required string EqualWeightsBuiltIn { get; init; }
    public required string EqualWeightsFile { get; init; }
    public required string SchemeLead { get; init; }
    public required string CompositeOfDimensions { get; init; }
    public required string CompositeOfIndicators { get; init; }
    public required string ScaleOf { get; init; }
    public required string WeightShare { get; init; }
    public required string RulesTitle { get; init; }
    public required string RuleMissing { get; init; }
    public required string RuleIndicator { get; init; }
    public required string RuleDimension { get; init; }
    public required string RuleCompositeAll { get; init; }
    public required string RuleCompositeCoverage { get; init; }
    public required string RuleBands { get; init; }
    public required string RuleWeakest { get; init; }
    public required string DesignTitle { get; init; }
    public required string DesignWeights { get; init; }
    public required string DesignClusters { get; init; }
    public required string DesignNoClusters { get; init; }
    public required string DesignStrata { get; init; }
    public required string DesignNoStrata { get; init; }
    public required string DesignDomains { get; init; }
    public required string DesignSe { get; init; }
    /// <summary>A calibrated run: {0} the margins' variables, {1} the method, {2} and {3} Kish's design effect of the weights before and after.</summary>
    public required string DesignCalibrated { get; init; }
    public required string CalibrationPoststratify { get; init; }
    public required string CalibrationRake { get; init; }
    public required string CalibrationLinear { get; init; }
    /// <summary>{0}, {1}: the bounds of the weight ratio.</summary>
    public required string CalibrationBounded { get; init; }
    /// <summary>{0}: the margin's variables.</summary>
    public required string CalibrationMarginRow { get; init; }
    public required string DesignCiNormal { get; init; }
    public required string DesignCiT { get; init; }
    /// <summary>The t intervals with the design's degrees of freedom (--df design, or a result of an earlier engine).</summary>
    public required string DesignCiTDesign { get; init; }
    public required string DesignQuantiles { get; init; }
    public required string DesignPanel { get; init; }
    public required string DesignComparisons { get; init; }
    public required string DesignComparisonsUnadjusted { get; init; }
    public required string SuppressionTitle { get; init; }
    public required string SuppressionRule { get; init; }
    public required string ProvenanceTitle { get; init; }
    public required string Engine { get; init; }
    public required string SchemeRow { get; init; }
    public required string SchemeSha { get; init; }
    public required string WeightsRow { get; init; }
    public required string EqualWeightsShort { get; init; }
    public required string OwnWeights { get; init; }
    public required string BuiltIn { get; init; }
    public required string InputSha { get; init; }
    public required string LevelsRow { get; init; }
    public required string MinCellRow { get; init; }
    public required string Cite { get; init; }
    /// <summary>Under the provenance of a merged result: {0} partials.</summary>
    public required string MergedNote { get; init; }

    /// <summary>Why a section that needs each returnee's surveys (insights, the audit) is not in a merged result.</summary>
    public required string NotInMerged { get; init; }

    /// <summary>The words of the insights section, in a class of their own (<see cref="InsightsText"/>).</summary>
    public required InsightsText Insights { get; init; }

    /// <summary>Reject reason codes (rejects.csv) → what they mean.</summary>
    public required IReadOnlyDictionary<string, string> RejectReasons { get; init; }

    /// <summary>The kinds of answer of data_quality other than the special answers, which the scheme labels.</summary>
    public required IReadOnlyDictionary<string, string> AnswerKinds { get; init; }

    public string RejectReason(string code) => RejectReasons.TryGetValue(code, out var text) ? text : code;

    /// <summary>A column of the missing-answer table: <c>empty</c>, or a special answer (<c>dk</c>) with the scheme's label.</summary>
    public string AnswerKind(string kind, Scheme scheme, string language)
    {
        if (AnswerKinds.TryGetValue(kind, out var text)) return text;
        var special = scheme.SpecialAnswers.FirstOrDefault(s => s.Code == kind);
        return special is null ? kind : $"{kind} ({scheme.Label(special.Labels, kind, language)})";
    }

    public static ReportText English { get; } = new()
    {
        ReportTitle = "Reintegration sustainability: evaluation report",
        Contents = "Contents",
        LeftOut = "Not shown: {0}",
        LeftOutShort = "not shown",
        BannerWeightLike = "Unweighted estimates: no column of sampling weights was read (every survey weighs 1), but the column {0} looks like weights. If it holds the weights, run again with it mapped (--weight {0}); if the survey has no weights, say so with --unweighted.",
        BannerMostlyUnknown = "{0} is empty in {1} of the {2} scored surveys: most of them are in the unknown group. If another column holds it, map it in the evaluation file's \"columns\".",
        BannerSkipped = "{0} files of the input folders were skipped as they are not survey exports: {1}.",
        DesignUnweighted = "Weights: none, the estimates are unweighted (every survey weighs 1): {0}.",
        UnweightedOnPurpose = "as asked (--unweighted)",
        UnweightedNoColumn = "the inputs have no column {0}",
        SamplingWeightsRow = "Sampling weights",
        SamplingWeightsNone = "none (unweighted)",
        PeoplesData = "Every statistic of a group with fewer than {0} surveys is withheld (\"suppressed (n < {0})\"). The report is made from the result's tables only: no single survey is shown.",
        Generated = "Made by avrr {0} from the result's tables ({1}); every number in it is one of the run's own estimates, and each can be traced to its cell.",
        SchemeSubtitle = "Scheme {0}",
        Headline = "Headline",
        NoAllLevel = "the result has no estimate of the whole sample (level all).",
        WholeSampleSuppressed = "the whole sample has fewer than {0} surveys with a composite score, so every estimate is suppressed.",
        Period = "Period covered",
        PeriodRange = "{0} to {1}",
        SurveysScored = "Surveys scored",
        Returnees = "Returnees",
        PanelReturnees = "Returnees with a baseline and a follow-up survey",
        Countries = "Countries",
        Measure = "Measure",
        Mean = "Mean",
        Interval95 = "95% CI",
        Interval95Short = "95% CI",
        SurveysN = "n (surveys)",
        BandsLead = "Composite score bands (low < {0} ≤ medium < {1} ≤ high), weighted share of surveys:",
        BandLow = "low",
        BandMedium = "medium",
        BandHigh = "high",
        HeadlineNote = "Scores run from 0 (least sustainable) to 1 (most sustainable). CI: confidence interval. Means and shares are weighted by the sampling weights.",
        Composite = "Composite score",
        Findings = "Findings",
        NoFindings = "the result has neither a comparisons table nor a panel_change table, so no difference was tested.",
        FindingsLead = "Each finding is a difference between two of the run's estimates, with its 95% confidence interval and n. A list makes many tests at once, and some would pass by chance alone; so a difference is called significant only when its test passes once the number of tests of its family is allowed for (its adjusted p-value is below 0.05, a design-based test). A difference that is not significant is given with its numbers but never as a rise, a fall, above or below: its interval may even exclude 0 on its own. These are associations observed in the survey data, not causes: a lower score in a place does not say why.",
        FindingsLeadUnadjusted = "Each finding is a difference between two of the run's estimates, with its 95% confidence interval and n. A difference is called significant when its interval excludes 0 (a design-based test), each test on its own, without allowing for the number of tests. A difference that is not significant is given with its numbers but never as a rise, a fall, above or below. These are associations observed in the survey data, not causes: a lower score in a place does not say why.",
        FamilyFdrOne = "These are {0} tests, decided together: a difference is called significant only when its p-value, adjusted for the {0} tests by the Benjamini–Hochberg method, is below 0.05. This keeps the false discovery rate, the expected share of false findings among those called significant, at 5% or less.",
        FamilyFdrMany = "These are {0} tests in {1} families ({2}), each family decided together: a difference is called significant only when its p-value, adjusted for the tests of its family by the Benjamini–Hochberg method, is below 0.05. This keeps the false discovery rate, the expected share of false findings among those called significant, at 5% or less in each family.",
        FamilyEachOnItsOwn = "These are {0} tests, each decided on its own at the 5% level, without allowing for their number: about 1 in 20 differences that are truly 0 comes out significant by chance.",
        FamiliesOfCommunities = "one per country: its communities",
        FamiliesOfQuarters = "one per group: its quarters",
        FamiliesOfChanges = "one per level and score",
        AdjustedP = "adjusted p",
        NoComparisonsTable = "This result has no comparisons table, so differences between groups are not tested here; only the change between surveys is.",
        FindingsCountries = "Countries against the all-country mean",
        BelowAll = "{0} is significantly below the all-country mean ({1})",
        AboveAll = "{0} is significantly above the all-country mean ({1})",
        NoDifferenceAll = "No significant difference from the all-country mean ({0})",
        FindingsWeakest = "The weakest dimension",
        WeakestSignificant = "{0}: {1} is the weakest dimension, significantly below {2}",
        WeakestNotSignificant = "{0}: the lowest dimension, {1}, is not significantly below {2} (no significant difference)",
        FindingsCommunities = "Communities against their country",
        BelowParent = "{0} is significantly below its country's mean ({1})",
        AboveParent = "{0} is significantly above its country's mean ({1})",
        NoDifferenceParent = "{0} other communities show no significant difference from their country's mean.",
        ComparisonsWithheld = "{0} communities are not compared: they have fewer than {1} surveys (suppressed).",
        FindingsQuarters = "Since the previous quarter",
        QuarterRose = "{0}: a significant rise since {2} ({1})",
        QuarterFell = "{0}: a significant fall since {2} ({1})",
        NoQuarterChange = "{0} other quarter-on-quarter changes are not significant (no significant difference).",
        FindingsPanel = "From baseline to follow-up",
        PanelRose = "{0}: between their first and last survey, returnees rose significantly ({1})",
        PanelFell = "{0}: between their first and last survey, returnees fell significantly ({1})",
        PanelNoChange = "{0}: no significant change between returnees' first and last survey ({1})",
        ReturneesN = "n returnees",
        To = "to",
        Colon = ": ",
        Semicolon = "; ",
        AllCountries = "All countries",
        NoPanel = "No returnee has two scored surveys, so there is no change between surveys to show.",
        CountriesTitle = "Countries",
        NoCountries = "every country has fewer than {0} surveys with a composite score (suppressed).",
        CountriesChartLabel = "Composite score by country, with 95% confidence intervals",
        CountriesChartCaption = "Composite score by country: the mark is the weighted mean, the line its 95% confidence interval; the vertical line is the mean of all countries ({0}).",
        CountriesChartCaptionNoMean = "Composite score by country: the mark is the weighted mean, the line its 95% confidence interval.",
        IndicatorHeader = "Indicator",
        CompositeAxis = "Composite score (0–1)",
        ScoreAxis = "Score (0–1)",
        Country = "Country",
        DifferenceFromAll = "Difference from all countries (95% CI)",
        Significant = "Significant",
        Yes = "yes",
        No = "no",
        DimensionProfile = "Dimension profile",
        ProfileChartLabel = "Dimension scores by country, with 95% confidence intervals",
        ProfileChartCaption = "Each country's three dimension scores (weighted means, each with its 95% confidence interval); the shape of the mark tells the dimension.",
        WeakestTitle = "Weakest dimension",
        WeakestTestedLead = "The dimension with the lowest mean in each country, and whether it is significantly below the next lowest (the run's test).",
        WeakestUntestedLead = "The dimension with the lowest mean in each country. This result has no comparisons table, so whether it is significantly lower is not tested here.",
        WeakestDimension = "Weakest dimension",
        NextLowest = "Next lowest",
        Difference = "Difference (95% CI)",
        CommunitiesTitle = "Communities",
        NoCommunities = "the result has no estimate by community (level country+community).",
        CommunitiesLead = "In each country, the communities with the lowest composite score come first. A community with fewer than {0} surveys is listed last as suppressed, without a number.",
        Community = "Community",
        WithInterval = "(95% CI)",
        DifferenceFromCountry = "Difference from country",
        SignificantMark = "*",
        SignificantMarkNote = "* significant: the difference from the country's mean passes its test once the country's other communities are allowed for (Benjamini–Hochberg, false discovery rate 5%).",
        SignificantMarkNoteUnadjusted = "* significant: the 95% confidence interval of the difference from the country's mean excludes 0 (each test on its own).",
        SuppressedCell = "suppressed (n < {0})",
        Unknown = "(unknown)",
        OverTimeTitle = "Over time",
        NoOverTime = "the surveys span a single quarter and no returnee has two scored surveys.",
        NoQuarters = "The surveys span a single quarter, so there is no estimate by quarter.",
        Quarter = "Quarter",
        QuartersChartLabel = "Composite score by quarter and country",
        QuartersChartCaption = "Composite score by quarter in each country (weighted means; the intervals are in the table below). A gap is a quarter with fewer than {0} surveys (suppressed) or none.",
        PanelTitle = "Change from baseline to follow-up",
        PanelLead = "Returnees with two or more scored surveys: the mean change from their first to their last survey, with its paired 95% confidence interval. A returnee counts in the country of their last survey.",
        ChangeAxis = "Change in composite score",
        PanelChartLabel = "Change in composite score from baseline to follow-up, by country, with 95% confidence intervals",
        PanelChartCaption = "Mean change in composite score from the first to the last survey, with its paired 95% confidence interval; the vertical line is no change, right of it a rise.",
        Group = "Group",
        ReturneesHeader = "n (returnees)",
        DistributionTitle = "Distribution",
        NoDistribution = "the aggregates have no quartiles or band shares.",
        DistributionLead = "How the composite score spreads: its quartiles, and the weighted share of surveys in each band (low < {0} ≤ medium < {1} ≤ high).",
        DistributionChartLabel = "Share of surveys in each composite score band, overall and by country",
        DistributionChartCaption = "Weighted share of surveys in each composite score band, from light (low) to dark (high).",
        ShareAxis = "Share of surveys",
        P25 = "25th percentile",
        Median = "Median",
        P75 = "75th percentile",
        DataQualityTitle = "Data quality",
        InputsTitle = "Inputs",
        Input = "Input",
        RowsRead = "Rows read",
        RowsScored = "Scored",
        RowsRejected = "Rejected",
        BlankRows = "Blank rows skipped",
        Total = "Total",
        RejectReasonsTitle = "Reject reasons",
        RejectReasonsLead = "A rejected row can have several problems: each is counted (rejects.csv lists them).",
        NoRejects = "No row was rejected.",
        Reason = "Reason",
        Code = "Code",
        Problems = "Problems",
        QuestionsTitle = "Missing answers by question",
        QuestionsLead = "Share of the scored surveys in which each question was answered, left empty, or given a special answer; the questions with the most missing answers come first, and those with 10% or more are marked. A missing answer is never scored as 0.",
        NoDataQuality = "This result has no data_quality table, so the answers are not counted by question here.",
        DataQualitySuppressed = "Fewer than {0} surveys were scored, so the answer counts are withheld.",
        Question = "Question",
        Answered = "answered",
        MethodologyTitle = "Methodology",
        SchemeTitle = "Scoring scheme",
        EqualWeightsTitle = "Equal weights.",
        EqualWeightsBuiltIn = "This run used the built-in scheme rss-15, which gives every dimension, indicator and question of a level the same weight. The official MEASURE weights are not public; load them as a scheme file to use them.",
        EqualWeightsFile = "The scheme file of this run gives every sibling the same weight: these are not official weights unless the file says so.",
        SchemeLead = "{0} ({1}): each node's weight and its share of its level.",
        CompositeOfDimensions = "weighted mean of the dimensions",
        CompositeOfIndicators = "weighted mean of the indicators (composite weights)",
        ScaleOf = "scale {0}",
        WeightShare = "weight {0} ({1})",
        RulesTitle = "Scoring rules",
        RuleMissing = "A missing answer (empty, or {0}) has no score: it is left out, never counted as 0.",
        RuleIndicator = "An indicator is the weighted mean of its answered questions, and missing when none is answered.",
        RuleDimension = "A dimension is the weighted mean of its present indicators, only when they carry at least {0} of its indicator weight.",
        RuleCompositeAll = "The composite is the weighted mean of the dimensions, and needs every dimension.",
        RuleCompositeCoverage = "The composite is the weighted mean of the present dimensions, when they carry at least {0} of the dimension weight.",
        RuleBands = "Bands of the composite: low < {0} ≤ medium < {1} ≤ high.",
        RuleWeakest = "The weakest dimension of a survey is its lowest dimension score (a tie goes to the first in scheme order).",
        DesignTitle = "Survey design and estimation",
        DesignWeights = "Weights: the column {0} (1 when absent).",
        DesignClusters = "Clusters (primary sampling units): the column {0}.",
        DesignNoClusters = "Clusters: none, so every survey is its own primary sampling unit.",
        DesignStrata = "Strata: the column {0}; clusters are nested in strata.",
        DesignNoStrata = "Strata: none.",
        DesignDomains = "Each group is a domain of the whole sample, never analysed as if it were the sample: its standard error uses the design of all scored surveys.",
        DesignSe = "Standard errors by linearisation (Taylor series), as R's survey package computes svymean by domain (svyby).",
        DesignCalibrated = "Estimates are calibrated to the caseload totals of {0} ({1}): each weight is multiplied by a ratio so that the weighted totals of every level are the caseload's, so that groups surveyed more than others do not pull the averages; the standard errors use the calibration's residuals (as R's survey package for calibrated designs). The weights' design effect (Kish) is {2} before calibration and {3} after; calibration.csv gives each level's totals and ratios.",
        CalibrationPoststratify = "post-stratification",
        CalibrationRake = "raking",
        CalibrationLinear = "linear calibration",
        CalibrationBounded = "linear calibration with the weight ratio kept between {0} and {1}",
        CalibrationMarginRow = "Caseload margin ({0})",
        DesignCiNormal = "95% confidence intervals: mean ± 1.96 standard errors (normal quantile, as R's confint for survey means).",
        DesignCiT = "95% confidence intervals: mean ± t standard errors, with the t quantile for the estimate's own degrees of freedom: the primary sampling units its surveys lie in (of either group for a difference) minus their strata, at least 1 (Korn and Graubard 1999), as given in the df column of each table.",
        DesignCiTDesign = "95% confidence intervals: mean ± t standard errors, with the t quantile for the design's degrees of freedom (PSUs minus strata of the whole design), as given in the aggregates' df column.",
        DesignQuantiles = "Quartiles: weighted quantiles (R svyquantile, rule hf7).",
        DesignPanel = "Change from baseline to follow-up: the mean of each returnee's last-minus-first score, with the standard error of a paired design.",
        DesignComparisons = "Differences between groups (findings): the difference of two domain means with its design-based standard error (a domain contrast by linearisation, as R's svycontrast on svyby) and the p-value of its t test. Tests are decided in families (the countries; the communities of each country; the quarters of each group; the weakest dimensions; the changes of each level and score; the attributes of each model), each by the Benjamini–Hochberg method (1995): significant when the adjusted p-value is below 0.05, which keeps the false discovery rate of each family at 5%.",
        DesignComparisonsUnadjusted = "Differences between groups (findings): the difference of two domain means with its design-based standard error (a domain contrast by linearisation, as R's svycontrast on svyby); significant when its 95% interval excludes 0, each test on its own, without allowing for the number of tests.",
        SuppressionTitle = "Suppression",
        SuppressionRule = "Every statistic of a group with fewer than {0} surveys with the measure is withheld, in the report, the charts, the workbook and the tables. Suppression is per cell only (no complementary suppression): check the tables before publishing small groups.",
        ProvenanceTitle = "Provenance",
        Engine = "Engine",
        SchemeRow = "Scheme",
        SchemeSha = "Scheme SHA-256",
        WeightsRow = "Weights",
        EqualWeightsShort = "equal at every level (not official)",
        OwnWeights = "from the scheme file",
        BuiltIn = "built-in",
        InputSha = "Input {0}, SHA-256",
        LevelsRow = "Levels estimated",
        MinCellRow = "Minimum cell size",
        Cite = "To cite: avrr {0}, scheme {1} (SHA-256 {2}…), this result's manifest.json.",
        Insights = InsightsText.English,
        NotInMerged = "this result was merged from partials (avrr merge), and this section needs each returnee's own surveys, which a partial never holds; it is in the report of each run that made a partial.",
        MergedNote = "This result merges {0} partials (avrr merge): its tables are those of one run over all their surveys. It has no insights (profiles, drivers, early warning), no returnee_scores and no rejects.csv: these need each returnee's own surveys, which a partial never holds; they are in the results of the runs that made the partials.",
        RejectReasons = new Dictionary<string, string>
        {
            ["invalid_answer"] = "An answer is not a code or label of its scale",
            ["duplicate_survey"] = "The same survey appears twice (the first is kept)",
            ["invalid_date"] = "The survey date cannot be read",
            ["invalid_weight"] = "The weight is not a positive number",
            ["missing_value"] = "A required value is empty",
            ["missing_design_value"] = "A cluster or stratum value is empty",
            ["field_count"] = "The row has more or fewer fields than the header",
            ["malformed_row"] = "The row cannot be read (broken quotes)",
        },
        AnswerKinds = new Dictionary<string, string>
        {
            ["empty"] = "empty",
        },
    };

    public static ReportText French { get; } = new()
    {
        ReportTitle = "Durabilité de la réintégration\u00A0: rapport d'évaluation",
        Contents = "Sommaire",
        LeftOut = "Non présenté\u00A0: {0}",
        LeftOutShort = "non présenté",
        BannerWeightLike = "Estimations non pondérées\u00A0: aucune colonne de poids de sondage n'a été lue (chaque enquête pèse 1), mais la colonne {0} ressemble à des poids. Si elle contient les poids, relancez l'évaluation en l'indiquant (--weight {0})\u00A0; si l'enquête n'a pas de poids, dites-le avec --unweighted.",
        BannerMostlyUnknown = "{0} est vide dans {1} des {2} enquêtes notées\u00A0: la plupart sont dans le groupe inconnu. Si une autre colonne le contient, indiquez-la dans «\u00A0columns\u00A0» du fichier d'évaluation.",
        BannerSkipped = "{0} fichiers des dossiers donnés ont été ignorés, car ce ne sont pas des exports d'enquêtes\u00A0: {1}.",
        DesignUnweighted = "Poids\u00A0: aucun, les estimations ne sont pas pondérées (chaque enquête pèse 1)\u00A0: {0}.",
        UnweightedOnPurpose = "comme demandé (--unweighted)",
        UnweightedNoColumn = "les fichiers n'ont pas de colonne {0}",
        SamplingWeightsRow = "Poids de sondage",
        SamplingWeightsNone = "aucun (non pondéré)",
        PeoplesData = "Toute statistique d'un groupe de moins de {0} enquêtes est masquée («\u00A0masqué (n < {0})\u00A0»). Le rapport est fait des seuls tableaux du résultat\u00A0: aucune enquête individuelle n'y figure.",
        Generated = "Produit par avrr {0} à partir des tableaux du résultat ({1})\u00A0; chaque nombre est une estimation du traitement lui-même et renvoie à sa cellule.",
        SchemeSubtitle = "Schéma {0}",
        Headline = "L'essentiel",
        NoAllLevel = "le résultat n'a pas d'estimation de l'échantillon entier (niveau all).",
        WholeSampleSuppressed = "l'échantillon entier compte moins de {0} enquêtes avec un score composite\u00A0: toutes les estimations sont masquées.",
        Period = "Période couverte",
        PeriodRange = "du {0} au {1}",
        SurveysScored = "Enquêtes scorées",
        Returnees = "Personnes de retour",
        PanelReturnees = "Personnes de retour avec une enquête initiale et une de suivi",
        Countries = "Pays",
        Measure = "Mesure",
        Mean = "Moyenne",
        Interval95 = "IC à 95\u00A0%",
        Interval95Short = "IC à 95\u00A0%",
        SurveysN = "n (enquêtes)",
        BandsLead = "Catégories du score composite (faible < {0} ≤ moyen < {1} ≤ élevé), part pondérée des enquêtes\u00A0:",
        BandLow = "faible",
        BandMedium = "moyen",
        BandHigh = "élevé",
        HeadlineNote = "Les scores vont de 0 (le moins durable) à 1 (le plus durable). IC\u00A0: intervalle de confiance. Moyennes et parts sont pondérées par les poids de sondage.",
        Composite = "Score composite",
        Findings = "Constats",
        NoFindings = "le résultat n'a ni tableau comparisons ni tableau panel_change\u00A0: aucune différence n'a été testée.",
        FindingsLead = "Chaque constat est une différence entre deux estimations du traitement, avec son intervalle de confiance à 95\u00A0% et n. Une liste fait de nombreux tests à la fois, et certains passeraient par le seul hasard\u00A0; une différence n'est donc dite significative que si son test passe une fois pris en compte le nombre de tests de sa famille (sa p-valeur ajustée est inférieure à 0,05, test fondé sur le plan de sondage). Une différence non significative est donnée avec ses nombres mais jamais comme une hausse, une baisse, au-dessus ou en dessous\u00A0: son intervalle peut même, à lui seul, exclure 0. Ce sont des associations observées dans les données d'enquête, non des causes\u00A0: un score plus bas en un lieu n'en dit pas la raison.",
        FindingsLeadUnadjusted = "Chaque constat est une différence entre deux estimations du traitement, avec son intervalle de confiance à 95\u00A0% et n. Une différence est dite significative quand son intervalle exclut 0 (test fondé sur le plan de sondage), chaque test à part, sans tenir compte du nombre de tests. Une différence non significative est donnée avec ses nombres mais jamais comme une hausse, une baisse, au-dessus ou en dessous. Ce sont des associations observées dans les données d'enquête, non des causes\u00A0: un score plus bas en un lieu n'en dit pas la raison.",
        FamilyFdrOne = "Ce sont {0} tests, décidés ensemble\u00A0: une différence n'est dite significative que si sa p-valeur, ajustée pour les {0} tests par la méthode de Benjamini–Hochberg, est inférieure à 0,05. Cela maintient le taux de fausses découvertes, la part attendue de faux constats parmi ceux dits significatifs, à 5\u00A0% au plus.",
        FamilyFdrMany = "Ce sont {0} tests en {1} familles ({2}), chaque famille décidée ensemble\u00A0: une différence n'est dite significative que si sa p-valeur, ajustée pour les tests de sa famille par la méthode de Benjamini–Hochberg, est inférieure à 0,05. Cela maintient le taux de fausses découvertes, la part attendue de faux constats parmi ceux dits significatifs, à 5\u00A0% au plus dans chaque famille.",
        FamilyEachOnItsOwn = "Ce sont {0} tests, chacun décidé à part au seuil de 5\u00A0%, sans tenir compte de leur nombre\u00A0: environ 1 différence réellement nulle sur 20 sort significative par hasard.",
        FamiliesOfCommunities = "une par pays\u00A0: ses communautés",
        FamiliesOfQuarters = "une par groupe\u00A0: ses trimestres",
        FamiliesOfChanges = "une par niveau et par score",
        AdjustedP = "p ajustée",
        NoComparisonsTable = "Ce résultat n'a pas de tableau comparisons\u00A0: les différences entre groupes ne sont pas testées ici\u00A0; seule l'évolution entre enquêtes l'est.",
        FindingsCountries = "Les pays par rapport à la moyenne de tous les pays",
        BelowAll = "{0} est significativement en dessous de la moyenne de tous les pays ({1})",
        AboveAll = "{0} est significativement au-dessus de la moyenne de tous les pays ({1})",
        NoDifferenceAll = "Pas de différence significative avec la moyenne de tous les pays ({0})",
        FindingsWeakest = "La dimension la plus faible",
        WeakestSignificant = "{0}\u00A0: la dimension {1} est la plus faible, significativement en dessous de la dimension {2}",
        WeakestNotSignificant = "{0}\u00A0: la dimension la plus basse, {1}, n'est pas significativement en dessous de la dimension {2} (pas de différence significative)",
        FindingsCommunities = "Les communautés par rapport à leur pays",
        BelowParent = "{0} est significativement en dessous de la moyenne de son pays ({1})",
        AboveParent = "{0} est significativement au-dessus de la moyenne de son pays ({1})",
        NoDifferenceParent = "{0} autres communautés ne montrent pas de différence significative avec la moyenne de leur pays.",
        ComparisonsWithheld = "{0} communautés ne sont pas comparées\u00A0: elles ont moins de {1} enquêtes (masquées).",
        FindingsQuarters = "Depuis le trimestre précédent",
        QuarterRose = "{0}\u00A0: hausse significative depuis {2} ({1})",
        QuarterFell = "{0}\u00A0: baisse significative depuis {2} ({1})",
        NoQuarterChange = "{0} autres évolutions d'un trimestre à l'autre ne sont pas significatives (pas de différence significative).",
        FindingsPanel = "De l'enquête initiale à celle de suivi",
        PanelRose = "{0}\u00A0: entre leur première et leur dernière enquête, les personnes de retour progressent significativement ({1})",
        PanelFell = "{0}\u00A0: entre leur première et leur dernière enquête, les personnes de retour reculent significativement ({1})",
        PanelNoChange = "{0}\u00A0: pas d'évolution significative entre la première et la dernière enquête des personnes de retour ({1})",
        ReturneesN = "n personnes",
        To = "à",
        Colon = "\u00A0: ",
        Semicolon = "\u00A0; ",
        AllCountries = "Tous les pays",
        NoPanel = "Aucune personne de retour n'a deux enquêtes scorées\u00A0: il n'y a pas d'évolution entre enquêtes à présenter.",
        CountriesTitle = "Pays",
        NoCountries = "chaque pays compte moins de {0} enquêtes avec un score composite (masqué).",
        CountriesChartLabel = "Score composite par pays, avec intervalles de confiance à 95\u00A0%",
        CountriesChartCaption = "Score composite par pays\u00A0: le repère est la moyenne pondérée, le trait son intervalle de confiance à 95\u00A0%\u00A0; la ligne verticale est la moyenne de tous les pays ({0}).",
        CountriesChartCaptionNoMean = "Score composite par pays\u00A0: le repère est la moyenne pondérée, le trait son intervalle de confiance à 95\u00A0%.",
        IndicatorHeader = "Indicateur",
        CompositeAxis = "Score composite (0–1)",
        ScoreAxis = "Score (0–1)",
        Country = "Pays",
        DifferenceFromAll = "Écart à l'ensemble des pays (IC à 95\u00A0%)",
        Significant = "Significatif",
        Yes = "oui",
        No = "non",
        DimensionProfile = "Profil par dimension",
        ProfileChartLabel = "Scores par dimension et par pays, avec intervalles de confiance à 95\u00A0%",
        ProfileChartCaption = "Les trois scores par dimension de chaque pays (moyennes pondérées avec leur intervalle de confiance à 95\u00A0%)\u00A0; la forme du repère indique la dimension.",
        WeakestTitle = "Dimension la plus faible",
        WeakestTestedLead = "La dimension dont la moyenne est la plus basse dans chaque pays, et si elle est significativement en dessous de la suivante (test du traitement).",
        WeakestUntestedLead = "La dimension dont la moyenne est la plus basse dans chaque pays. Ce résultat n'a pas de tableau comparisons\u00A0: le caractère significatif de l'écart n'est pas testé ici.",
        WeakestDimension = "Dimension la plus faible",
        NextLowest = "Suivante",
        Difference = "Écart (IC à 95\u00A0%)",
        CommunitiesTitle = "Communautés",
        NoCommunities = "le résultat n'a pas d'estimation par communauté (niveau country+community).",
        CommunitiesLead = "Dans chaque pays, les communautés au score composite le plus bas viennent en premier. Une communauté de moins de {0} enquêtes figure en dernier, masquée, sans nombre.",
        Community = "Communauté",
        WithInterval = "(IC à 95\u00A0%)",
        DifferenceFromCountry = "Écart au pays",
        SignificantMark = "*",
        SignificantMarkNote = "* significatif\u00A0: l'écart à la moyenne du pays passe son test une fois prises en compte les autres communautés du pays (Benjamini–Hochberg, taux de fausses découvertes de 5\u00A0%).",
        SignificantMarkNoteUnadjusted = "* significatif\u00A0: l'intervalle de confiance à 95\u00A0% de l'écart à la moyenne du pays exclut 0 (chaque test à part).",
        SuppressedCell = "masqué (n < {0})",
        Unknown = "(inconnue)",
        OverTimeTitle = "Évolution dans le temps",
        NoOverTime = "les enquêtes couvrent un seul trimestre et aucune personne de retour n'a deux enquêtes scorées.",
        NoQuarters = "Les enquêtes couvrent un seul trimestre\u00A0: il n'y a pas d'estimation par trimestre.",
        Quarter = "Trimestre",
        QuartersChartLabel = "Score composite par trimestre et par pays",
        QuartersChartCaption = "Score composite par trimestre dans chaque pays (moyennes pondérées\u00A0; les intervalles sont dans le tableau ci-dessous). Une interruption est un trimestre de moins de {0} enquêtes (masqué) ou sans enquête.",
        PanelTitle = "Évolution de l'enquête initiale à celle de suivi",
        PanelLead = "Personnes de retour avec deux enquêtes scorées ou plus\u00A0: l'évolution moyenne de leur première à leur dernière enquête, avec son intervalle de confiance apparié à 95\u00A0%. Une personne compte dans le pays de sa dernière enquête.",
        ChangeAxis = "Évolution du score composite",
        PanelChartLabel = "Évolution du score composite de l'enquête initiale à celle de suivi, par pays, avec intervalles de confiance à 95\u00A0%",
        PanelChartCaption = "Évolution moyenne du score composite de la première à la dernière enquête, avec son intervalle de confiance apparié à 95\u00A0%\u00A0; la ligne verticale marque l'absence d'évolution, à sa droite une hausse.",
        Group = "Groupe",
        ReturneesHeader = "n (personnes)",
        DistributionTitle = "Distribution",
        NoDistribution = "les agrégats n'ont ni quartiles ni parts par catégorie.",
        DistributionLead = "Comment le score composite se répartit\u00A0: ses quartiles, et la part pondérée des enquêtes dans chaque catégorie (faible < {0} ≤ moyen < {1} ≤ élevé).",
        DistributionChartLabel = "Part des enquêtes dans chaque catégorie du score composite, au total et par pays",
        DistributionChartCaption = "Part pondérée des enquêtes dans chaque catégorie du score composite, du clair (faible) au foncé (élevé).",
        ShareAxis = "Part des enquêtes",
        P25 = "1er quartile",
        Median = "Médiane",
        P75 = "3e quartile",
        DataQualityTitle = "Qualité des données",
        InputsTitle = "Fichiers d'entrée",
        Input = "Fichier",
        RowsRead = "Lignes lues",
        RowsScored = "Scorées",
        RowsRejected = "Rejetées",
        BlankRows = "Lignes vides ignorées",
        Total = "Total",
        RejectReasonsTitle = "Motifs de rejet",
        RejectReasonsLead = "Une ligne rejetée peut avoir plusieurs problèmes\u00A0: chacun est compté (rejects.csv les énumère).",
        NoRejects = "Aucune ligne n'a été rejetée.",
        Reason = "Motif",
        Code = "Code",
        Problems = "Problèmes",
        QuestionsTitle = "Réponses manquantes par question",
        QuestionsLead = "Part des enquêtes scorées où chaque question a reçu une réponse, est restée vide ou a reçu une réponse spéciale\u00A0; les questions aux réponses manquantes les plus nombreuses viennent en premier, et celles à 10\u00A0% ou plus sont signalées. Une réponse manquante n'est jamais comptée 0.",
        NoDataQuality = "Ce résultat n'a pas de tableau data_quality\u00A0: les réponses ne sont pas décomptées par question ici.",
        DataQualitySuppressed = "Moins de {0} enquêtes ont été scorées\u00A0: les décomptes de réponses sont masqués.",
        Question = "Question",
        Answered = "répondu",
        MethodologyTitle = "Méthodologie",
        SchemeTitle = "Schéma de notation",
        EqualWeightsTitle = "Poids égaux.",
        EqualWeightsBuiltIn = "Ce traitement a utilisé le schéma intégré rss-15, qui donne le même poids à chaque dimension, indicateur et question d'un niveau. Les poids officiels MEASURE ne sont pas publics\u00A0; chargez-les comme fichier de schéma pour les utiliser.",
        EqualWeightsFile = "Le fichier de schéma de ce traitement donne le même poids à chaque élément d'un niveau\u00A0: ce ne sont pas des poids officiels, sauf si le fichier l'indique.",
        SchemeLead = "{0} ({1})\u00A0: le poids de chaque élément et sa part dans son niveau.",
        CompositeOfDimensions = "moyenne pondérée des dimensions",
        CompositeOfIndicators = "moyenne pondérée des indicateurs (poids composites)",
        ScaleOf = "échelle {0}",
        WeightShare = "poids {0} ({1})",
        RulesTitle = "Règles de notation",
        RuleMissing = "Une réponse manquante (vide, ou {0}) n'a pas de score\u00A0: elle est écartée, jamais comptée 0.",
        RuleIndicator = "Un indicateur est la moyenne pondérée de ses questions répondues, et manque quand aucune ne l'est.",
        RuleDimension = "Une dimension est la moyenne pondérée de ses indicateurs présents, seulement s'ils portent au moins {0} de son poids d'indicateurs.",
        RuleCompositeAll = "Le composite est la moyenne pondérée des dimensions, et exige toutes les dimensions.",
        RuleCompositeCoverage = "Le composite est la moyenne pondérée des dimensions présentes, quand elles portent au moins {0} du poids des dimensions.",
        RuleBands = "Catégories du composite\u00A0: faible < {0} ≤ moyen < {1} ≤ élevé.",
        RuleWeakest = "La dimension la plus faible d'une enquête est son score de dimension le plus bas (à égalité, la première dans l'ordre du schéma).",
        DesignTitle = "Plan de sondage et estimation",
        DesignWeights = "Poids\u00A0: la colonne {0} (1 en son absence).",
        DesignClusters = "Grappes (unités primaires)\u00A0: la colonne {0}.",
        DesignNoClusters = "Grappes\u00A0: aucune\u00A0; chaque enquête est sa propre unité primaire.",
        DesignStrata = "Strates\u00A0: la colonne {0}\u00A0; les grappes sont emboîtées dans les strates.",
        DesignNoStrata = "Strates\u00A0: aucune.",
        DesignDomains = "Chaque groupe est un domaine de l'échantillon entier, jamais analysé comme s'il était l'échantillon\u00A0: son erreur type utilise le plan de toutes les enquêtes scorées.",
        DesignSe = "Erreurs types par linéarisation (série de Taylor), comme le package survey de R calcule svymean par domaine (svyby).",
        DesignCalibrated = "Les estimations sont calées sur les totaux de l'effectif de {0} ({1}) : chaque poids est multiplié par un rapport pour que les totaux pondérés de chaque niveau soient ceux de l'effectif, afin que les groupes plus enquêtés que d'autres ne tirent pas les moyennes ; les erreurs types utilisent les résidus du calage (comme le package survey de R pour les plans calés). L'effet de plan des poids (Kish) est de {2} avant le calage et de {3} après ; calibration.csv donne les totaux et les rapports de chaque niveau.",
        CalibrationPoststratify = "post-stratification",
        CalibrationRake = "calage par raking",
        CalibrationLinear = "calage linéaire",
        CalibrationBounded = "calage linéaire, le rapport des poids borné entre {0} et {1}",
        CalibrationMarginRow = "Marge de l'effectif ({0})",
        DesignCiNormal = "Intervalles de confiance à 95\u00A0%\u00A0: moyenne ± 1,96 erreur type (quantile normal, comme confint de R pour les moyennes d'enquête).",
        DesignCiT = "Intervalles de confiance à 95\u00A0%\u00A0: moyenne ± t erreurs types, avec le quantile t pour les degrés de liberté propres à l'estimation\u00A0: les unités primaires où se trouvent ses enquêtes (de l'un ou l'autre groupe pour une différence) moins leurs strates, au moins 1 (Korn et Graubard 1999), donnés dans la colonne df de chaque tableau.",
        DesignCiTDesign = "Intervalles de confiance à 95\u00A0%\u00A0: moyenne ± t erreurs types, avec le quantile t pour les degrés de liberté du plan (unités primaires moins strates du plan entier), donnés dans la colonne df des agrégats.",
        DesignQuantiles = "Quartiles\u00A0: quantiles pondérés (svyquantile de R, règle hf7).",
        DesignPanel = "Évolution de l'enquête initiale à celle de suivi\u00A0: la moyenne des écarts dernière moins première enquête de chaque personne, avec l'erreur type d'un plan apparié.",
        DesignComparisons = "Différences entre groupes (constats)\u00A0: l'écart entre deux moyennes de domaine avec son erreur type fondée sur le plan (contraste de domaines par linéarisation, comme svycontrast de R sur svyby) et la p-valeur de son test t. Les tests sont décidés par familles (les pays\u00A0; les communautés de chaque pays\u00A0; les trimestres de chaque groupe\u00A0; les dimensions les plus faibles\u00A0; les évolutions de chaque niveau et score\u00A0; les attributs de chaque modèle), chacune par la méthode de Benjamini–Hochberg (1995)\u00A0: significatif quand la p-valeur ajustée est inférieure à 0,05, ce qui maintient le taux de fausses découvertes de chaque famille à 5\u00A0%.",
        DesignComparisonsUnadjusted = "Différences entre groupes (constats)\u00A0: l'écart entre deux moyennes de domaine avec son erreur type fondée sur le plan (contraste de domaines par linéarisation, comme svycontrast de R sur svyby)\u00A0; significatif quand son intervalle à 95\u00A0% exclut 0, chaque test à part, sans tenir compte du nombre de tests.",
        SuppressionTitle = "Masquage",
        SuppressionRule = "Toute statistique d'un groupe de moins de {0} enquêtes ayant la mesure est masquée, dans le rapport, les graphiques, le classeur et les tableaux. Le masquage est cellule par cellule (sans masquage complémentaire)\u00A0: vérifiez les tableaux avant de publier de petits groupes.",
        ProvenanceTitle = "Provenance",
        Engine = "Moteur",
        SchemeRow = "Schéma",
        SchemeSha = "SHA-256 du schéma",
        WeightsRow = "Poids",
        EqualWeightsShort = "égaux à chaque niveau (non officiels)",
        OwnWeights = "du fichier de schéma",
        BuiltIn = "intégré",
        InputSha = "Fichier {0}, SHA-256",
        LevelsRow = "Niveaux estimés",
        MinCellRow = "Taille minimale d'un groupe",
        Cite = "Pour citer\u00A0: avrr {0}, schéma {1} (SHA-256 {2}…), manifest.json de ce résultat.",
        Insights = InsightsText.French,
        NotInMerged = "ce résultat a été fusionné à partir de partiels (avrr merge), et cette section a besoin des enquêtes de chaque personne, qu'un partiel ne contient jamais\u00A0; elle est dans le rapport de chaque évaluation qui a produit un partiel.",
        MergedNote = "Ce résultat fusionne {0} partiels (avrr merge)\u00A0: ses tableaux sont ceux d'une seule évaluation de toutes leurs enquêtes. Il n'a ni analyses (profils, facteurs associés, alerte précoce), ni returnee_scores, ni rejects.csv\u00A0: il leur faut les enquêtes de chaque personne, qu'un partiel ne contient jamais\u00A0; ils sont dans les résultats des évaluations qui ont produit les partiels.",
        RejectReasons = new Dictionary<string, string>
        {
            ["invalid_answer"] = "Une réponse n'est ni un code ni un libellé de son échelle",
            ["duplicate_survey"] = "La même enquête figure deux fois (la première est gardée)",
            ["invalid_date"] = "La date d'enquête est illisible",
            ["invalid_weight"] = "Le poids n'est pas un nombre positif",
            ["missing_value"] = "Une valeur obligatoire est vide",
            ["missing_design_value"] = "Une valeur de grappe ou de strate est vide",
            ["field_count"] = "La ligne a plus ou moins de champs que l'en-tête",
            ["malformed_row"] = "La ligne est illisible (guillemets rompus)",
        },
        AnswerKinds = new Dictionary<string, string>
        {
            ["empty"] = "vide",
        },
    };

}
