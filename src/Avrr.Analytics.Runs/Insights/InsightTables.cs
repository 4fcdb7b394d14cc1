using Avrr.Analytics.Estimation;
using Avrr.Analytics.Inference;
using Avrr.Analytics.Insights.Drivers;
using Avrr.Analytics.Insights.EarlyWarning;
using Avrr.Analytics.IO.Writing;
using Avrr.Analytics.Runs.Planning;
using Avrr.Analytics.Runs.Results;
using static Avrr.Analytics.IO.Writing.ResultTable;

namespace Avrr.Analytics.Runs.Insights;

/// <summary>
/// The tables of insights/ (docs/insights.md, "Files"), each readable on its own so that a report section
/// can be written from it, and each with the run's small-cell rule: a count under min-cell, and every
/// statistic of so few surveys or returnees, is withheld (an empty cell, <c>suppressed</c> true).
/// </summary>
internal sealed class InsightTables
{
    private readonly List<(string Name, ResultTable Table)> _tables = [];

    public InsightTables(RunPlan plan, InsightsModels models, ProfileMix? mix, IReadOnlyList<LinearFit> fits, DriverData.Terms terms,
        (TreeDrivers? Result, string? Note) trees, RiskTally tally)
    {
        var minCell = plan.Settings.MinCell;
        var outcomes = plan.Measures.Take(1 + plan.Scheme.Dimensions.Count).ToArray();
        var notes = new List<string>();
        Profiles(plan, models, mix, minCell, notes);
        Drivers(fits, outcomes, minCell, terms, plan.Settings.Fdr, notes);
        Importance(trees, outcomes[0], notes);
        EarlyWarning(models.EarlyWarning, models.BaselineRound, tally, minCell, notes);
        Models(plan, models, fits, trees, minCell);
        Summary = new InsightsSummary(models.Sample.Returnees, models.Sample.Surveys, models.ReturneesInRun, plan.Settings.InsightsSeed,
            models.Profiles?.Profiles.Count ?? 0, models.EarlyWarning.Model is not null, models.EarlyWarning.TrainReturnees, terms.Kept.Select(t => t.Name).ToArray(), notes);
    }

    public InsightsSummary Summary { get; }

    /// <summary>Every table with its file name (without the extension), in the order written.</summary>
    public IReadOnlyList<(string Name, ResultTable Table)> All() => _tables;

    private static object? Withheld(bool suppressed, object? value) => suppressed ? null : value;

    /// <summary>A count kept as a double by the estimator (NaN when withheld): a whole number, or an empty cell.</summary>
    private static object? Whole(double value) => double.IsNaN(value) ? null : (long)value;

    /// <summary>Whether a count of surveys or returnees is withheld: 1 to min-cell − 1 (0 says nothing of anyone).</summary>
    private static bool Small(long count, int minCell) => count > 0 && count < minCell;

    /// <summary>A count in a note, in words: "fewer than 5" when it would be withheld in a table.</summary>
    private static string Words(long count, int minCell) => Small(count, minCell) ? $"fewer than {minCell}" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Profiles(RunPlan plan, InsightsModels models, ProfileMix? mix, int minCell, List<string> notes)
    {
        var scheme = plan.Scheme;
        var profiles = new ResultTable([
            Text("profile"), Text("name"), Count("surveys"), Number("share"),
            .. scheme.Indicators.Select(i => Number(ScoreColumns.IndicatorColumn(i.Id))),
            .. scheme.Dimensions.Select(d => Number(ScoreColumns.DimensionColumn(d.Id))),
            Flag("suppressed")]);
        var selection = new ResultTable(Count("k"), Number("gap"), Number("gap_se"), Flag("chosen"), Count("training_surveys"), Count("gap_surveys"));
        var mixTable = new ResultTable(Text("level"), Text("country"), Text("community"), Text("profile"), Text("name"), Count("n_rows"), Count("n"),
            Number("share"), Number("se"), Count("psus"), Count("df"), Number("ci_low"), Number("ci_high"), Flag("suppressed"), Text("note"));
        var model = models.Profiles;
        if (model is null || mix is null) notes.Add($"profiles: {Words(models.Sample.Surveys, minCell)} surveys in the sample; at least {Analytics.Insights.Profiles.ProfileTraining.MinimumSurveys} with every dimension, of several kinds, are needed");
        else
        {
            var total = mix.Surveys.Sum();
            for (var p = 0; p < model.Profiles.Count; p++)
            {
                var profile = model.Profiles[p];
                var surveys = mix.Surveys[p];
                var small = surveys < minCell;
                profiles.Add([profile.Id, profile.Name, Withheld(small, surveys), Withheld(small, total == 0 ? double.NaN : (double)surveys / total),
                    .. profile.Centroid.Select(c => Withheld(small, (double)c)),
                    .. profile.Dimensions.Select(d => Withheld(small, d)),
                    small]);
            }
            var chosen = model.Profiles.Count;
            foreach (var gap in model.Selection) selection.Add((long)gap.K, gap.Gap, gap.StandardError, gap.K == chosen, (long)model.TrainingSurveys, (long)model.GapSurveys);
            if (!model.Distinct) notes.Add("profiles: no distinct profiles (the gap statistic chose k = 1): every survey has the one profile P1");
            var (variables, rows) = mix.Rows(model.Profiles.Select(p => p.Id).ToArray(), minCell);
            var country = variables.ToList().IndexOf(Vocabulary.SurveyColumns.Country);
            var community = variables.ToList().IndexOf(Vocabulary.SurveyColumns.Community);
            var names = model.Profiles.ToDictionary(p => p.Id, p => p.Name);
            foreach (var row in rows)
            {
                var e = row.Estimate;
                mixTable.Add(row.Level, row.GroupValues[country], row.GroupValues[community], row.Measure, names[row.Measure], Withheld(e.Rows < minCell, e.Rows),
                    Whole(e.N), e.Mean, e.StandardError, Whole(e.Psus), Whole(e.DegreesOfFreedom), e.CiLow, e.CiHigh, e.Suppressed, e.Note);
            }
        }
        _tables.Add(("profiles", profiles));
        _tables.Add(("profile_selection", selection));
        _tables.Add(("profile_mix", mixTable));
    }

    private void Drivers(IReadOnlyList<LinearFit> fits, string[] outcomes, int minCell, DriverData.Terms terms, MultipleTesting fdr, List<string> notes)
    {
        var linear = new ResultTable(Text("outcome"), Text("term"), Text("level"), Text("reference"), Count("n"), Number("estimate"), Number("se"),
            Number("t"), Number("p"), Count("df"), Number("ci_low"), Number("ci_high"), Flag("aliased"), Flag("suppressed"));
        var tests = new ResultTable(Text("outcome"), Text("term"), Text("reference"), Count("levels"), Count("rank"), Number("f"), Count("df"),
            Count("ddf"), Number("p"), Number("p_adjusted"), Count("n"));
        foreach (var dropped in terms.Dropped) notes.Add($"drivers: {dropped}, left out (a term needs 2 to 20)");
        foreach (var fit in fits)
        {
            var outcome = outcomes[fit.Outcome];
            // The smallest reference group: a comparison with a handful of surveys is withheld, and so is the intercept.
            var referenceRows = terms.Kept.Select(t => ReferenceRows(fit, t)).ToArray();
            foreach (var c in fit.Coefficients)
            {
                var term = terms.Kept.FirstOrDefault(t => t.Name == c.Term);
                var reference = term is null ? referenceRows.DefaultIfEmpty(long.MaxValue).Min() : ReferenceRows(fit, term);
                var suppressed = c.Rows < minCell || reference < minCell;
                linear.Add(outcome, c.Term, c.Level, c.Reference, c.Rows < minCell ? null : (object)c.Rows, Withheld(suppressed, c.Estimate), Withheld(suppressed, c.StandardError),
                    Withheld(suppressed, c.T), Withheld(suppressed, c.P), (long)fit.ResidualDf, Withheld(suppressed, c.CiLow), Withheld(suppressed, c.CiHigh),
                    c.Aliased, suppressed);
            }
            var rank = 0;
            // A model of fewer than min-cell surveys is a statistic of so few people: its tests are withheld too.
            var small = fit.Rows < minCell;
            var byStrength = fit.TermsByStrength;
            // The outcome's terms are one family: each is associated only when its test passes after the family's adjustment.
            var decisions = TestFamilies.Decide(byStrength.Select(t => (outcome, small ? double.NaN : t.P)).ToArray(), fdr);
            for (var i = 0; i < byStrength.Count; i++)
            {
                var test = byStrength[i];
                var term = terms.Kept.First(t => t.Name == test.Term);
                tests.Add(outcome, test.Term, term.Reference, (long)term.Levels.Count, (long)++rank, Withheld(small, test.F), (long)test.Df, (long)test.Ddf,
                    Withheld(small, test.P), Withheld(small, decisions[i].PAdjusted), Withheld(small, fit.Rows));
            }
        }
        _tables.Add(("drivers_linear", linear));
        _tables.Add(("drivers_terms", tests));
    }

    /// <summary>The surveys of a model at a term's reference level: the model's rows less those at its other levels.</summary>
    private static long ReferenceRows(LinearFit fit, FactorTerm term) =>
        fit.Rows - fit.Coefficients.Where(c => c.Term == term.Name).Sum(c => c.Rows);

    private void Importance((TreeDrivers? Result, string? Note) trees, string outcome, List<string> notes)
    {
        var table = new ResultTable(Text("outcome"), Text("feature"), Number("importance_mean"), Number("importance_sd"), Count("repeats"), Count("rank"),
            Count("train_surveys"), Count("holdout_surveys"), Number("holdout_r_squared"));
        if (trees.Result is { } result)
        {
            var rank = 0;
            foreach (var i in result.Importance)
                table.Add(outcome, i.Feature, i.Mean, i.StandardDeviation, (long)i.Repeats, (long)++rank, (long)result.TrainRows, (long)result.HoldoutRows, result.HoldoutRSquared);
        }
        else notes.Add($"tree model: {trees.Note}");
        _tables.Add(("drivers_importance", table));
    }

    private void EarlyWarning(EarlyWarningResult result, string? baselineRound, RiskTally tally, int minCell, List<string> notes)
    {
        var metrics = new ResultTable(Text("metric"), Number("value"), Text("note"));
        var bins = new ResultTable(Number("risk_from"), Number("risk_to"), Count("returnees"), Number("mean_risk"), Number("observed_share"), Flag("suppressed"));
        var countries = new ResultTable(Text("level"), Text("country"), Count("returnees"), Count("flagged"), Number("share_flagged"), Number("mean_risk"), Flag("suppressed"));
        metrics.Add("trained", result.Model is null ? 0.0 : 1.0, result.Reason ?? "");
        if (result.Reason is not null) notes.Add($"early warning: {result.Reason}; nothing trained");
        if (result.Quality is { } q)
        {
            metrics.Add("auc", q.Auc, $"{result.Folds}-fold cross-validated, out of fold");
            metrics.Add("brier", q.Brier, "");
            metrics.Add("threshold", q.Threshold, "maximises F1 on the out-of-fold risks");
            metrics.Add("precision", q.Precision, double.IsNaN(q.Precision) ? "no returnee at or above the threshold" : "");
            metrics.Add("recall", q.Recall, "");
            if (result.Rule is { } rule) Rule(metrics, rule, result.TrainReturnees, minCell);
            foreach (var bin in q.Bins)
            {
                var small = bin.Returnees < minCell;
                bins.Add(bin.From, bin.To, Withheld(small, (long)bin.Returnees), Withheld(small, bin.MeanRisk), Withheld(small, bin.ObservedShare), small);
            }
        }
        metrics.Add("train_returnees", Small(result.TrainReturnees, minCell) ? double.NaN : result.TrainReturnees, "panel returnees of the training sample");
        // Withheld when it, or the count not low (train_returnees less it), is under min-cell.
        metrics.Add("low_returnees", result.LowReturnees < minCell || Small(result.TrainReturnees - result.LowReturnees, minCell) ? double.NaN : result.LowReturnees,
            "of them, with a follow-up composite in the low band");
        metrics.Add("folds", (double)result.Folds, "");
        if (result.Model is not null)
        {
            metrics.Add("scored_returnees", (double)tally.All.Returnees, "returnees with only a baseline, given a risk (risk.csv)");
            metrics.Add("follow_up_only_returnees", Small(tally.FollowUpOnly, minCell) ? double.NaN : tally.FollowUpOnly,
                baselineRound is null ? "no survey has a round: every returnee with one survey counts as having a baseline"
                    : $"returnees whose only survey is of another round than \"{baselineRound}\" (the baseline): given no risk");
            var (returnees, flagged, _) = tally.All;
            metrics.Add("flagged_returnees", SmallCount(returnees, flagged, minCell) ? double.NaN : flagged,
                result.Model.ByRule ? "by the rule: a baseline composite at or below rule_threshold" : "at or above the threshold");
            AddCountry(countries, "all", null, tally.All, minCell);
            foreach (var (country, r, f, s) in tally.Countries) AddCountry(countries, "country", country, (r, f, s), minCell);
        }
        _tables.Add(("early_warning", metrics));
        _tables.Add(("early_warning_calibration", bins));
        _tables.Add(("risk_by_country", countries));
    }

    /// <summary>
    /// The model beside the rule "lowest baseline composite first" on the same out-of-fold returnees (docs/insights.md):
    /// the rule's AUC, cut, precision and recall at the number the model flags, and the paired DeLong difference.
    /// </summary>
    private static void Rule(ResultTable metrics, RuleComparison rule, int panel, int minCell)
    {
        metrics.Add("rule_auc", rule.RuleAuc, "the rule: lowest baseline composite first, on the same returnees");
        metrics.Add("flagged_cross_validated", SmallCount(panel, rule.Flagged, minCell) ? double.NaN : rule.Flagged, "panel returnees the model flags at its threshold, out of fold");
        metrics.Add("rule_threshold", rule.RuleCut, "the rule flags a baseline composite at or below it: as many as the model flags (ties included)");
        metrics.Add("rule_flagged", SmallCount(panel, rule.RuleFlagged, minCell) ? double.NaN : rule.RuleFlagged, "panel returnees the rule flags");
        metrics.Add("rule_precision", rule.RulePrecision, double.IsNaN(rule.RulePrecision) ? "the rule flags nobody" : "");
        metrics.Add("rule_recall", rule.RuleRecall, "");
        var d = rule.Difference;
        const string paired = "model AUC − rule AUC, paired (DeLong, DeLong and Clarke-Pearson 1988)";
        metrics.Add("auc_difference", d.Difference, paired);
        metrics.Add("auc_difference_se", d.StandardError, paired);
        metrics.Add("auc_difference_ci_low", d.CiLow, "95%, normal");
        metrics.Add("auc_difference_ci_high", d.CiHigh, "95%, normal");
        metrics.Add("model_beats_rule", rule.ModelBeatsRule ? 1.0 : 0.0, rule.ModelBeatsRule
            ? "the difference's 95% interval lies above 0: risk.csv is flagged by the model"
            : "the difference's 95% interval does not lie above 0: risk.csv is flagged by the rule (lowest baseline_composite first)");
    }

    /// <summary>A count of flagged returnees that would point at fewer than min-cell people, itself or by its complement.</summary>
    private static bool SmallCount(long returnees, long flagged, int minCell) =>
        flagged is > 0 && flagged < minCell || returnees - flagged is > 0 && returnees - flagged < minCell;

    private static void AddCountry(ResultTable table, string level, string? country, (long Returnees, long Flagged, double Risk) t, int minCell)
    {
        var small = t.Returnees < minCell;
        var hideFlagged = small || SmallCount(t.Returnees, t.Flagged, minCell);
        table.Add(level, country, Withheld(small, t.Returnees), Withheld(hideFlagged, t.Flagged), Withheld(hideFlagged, (double)t.Flagged / t.Returnees),
            Withheld(small, t.Risk / t.Returnees), small);
    }

    private void Models(RunPlan plan, InsightsModels models, IReadOnlyList<LinearFit> fits, (TreeDrivers? Result, string? Note) trees, int minCell)
    {
        var table = new ResultTable(Text("model"), Text("method"), Flag("trained"), Count("surveys"), Count("returnees"), Count("seed"), Text("note"));
        var seed = (long)plan.Settings.InsightsSeed;
        object? Counted(long count) => Small(count, minCell) ? null : count;
        var sample = $"seeded sample of {Words(models.Sample.Returnees, minCell)} of {Words(models.ReturneesInRun, minCell)} returnees";
        table.Add("profiles", "k-means (k-means++, ML.NET), k by the gap statistic (Tibshirani et al. 2001; 1: no distinct profiles)", models.Profiles is not null, Counted(models.Profiles?.TrainingSurveys ?? 0),
            Counted(models.Sample.Returnees), seed, sample);
        table.Add("drivers_linear", "survey-weighted linear model (R svyglm), design-based SE", fits.Count > 0, Counted(fits.Count > 0 ? fits[0].Rows : 0),
            Counted(models.ReturneesInRun), null, "every scored survey of the run");
        table.Add("drivers_importance", "boosted trees (ML.NET FastTree), permutation importance", trees.Result is not null,
            Counted(trees.Result is { } t ? t.TrainRows + t.HoldoutRows : 0), Counted(models.Sample.Returnees), seed, trees.Note ?? sample);
        table.Add("early_warning", "logistic regression (L-BFGS, ML.NET), k-fold cross-validation", models.EarlyWarning.Model is not null, null,
            Counted(models.EarlyWarning.TrainReturnees), seed, models.EarlyWarning.Reason ?? sample);
        _tables.Add(("models", table));
    }
}
