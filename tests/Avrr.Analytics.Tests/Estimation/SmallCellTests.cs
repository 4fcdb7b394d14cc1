using Avrr.Analytics.Estimation;
using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// Suppression (docs/methodology.md, "Estimation": n &lt; min-cell withholds every statistic but n_rows) and the smallest
/// groups the estimator must still get right: a group whose measure is all missing, a one-survey group,
/// and a stratum with a single cluster (lonely PSU, R's survey.lonely.psu = "adjust") computed by hand.
/// </summary>
public sealed class SmallCellTests
{
    private static void AssertWithheld(DomainEstimate e, long rows)
    {
        Assert.True(e.Suppressed);
        Assert.Equal(rows, e.Rows);
        double[] statistics = [e.N, e.WeightSum, e.Mean, e.StandardError, e.Psus, e.DegreesOfFreedom, e.CiLow, e.CiHigh, e.EffectiveN,
            e.Median, e.P25, e.P75, e.ShareLow, e.ShareMedium, e.ShareHigh];
        Assert.All(statistics, s => Assert.True(double.IsNaN(s), "a withheld statistic is NaN, never 0"));
    }

    private static void AssertShown(DomainEstimate e)
    {
        Assert.False(e.Suppressed);
        double[] statistics = [e.N, e.WeightSum, e.Mean, e.StandardError, e.Psus, e.DegreesOfFreedom, e.CiLow, e.CiHigh, e.EffectiveN,
            e.Median, e.P25, e.P75, e.ShareLow, e.ShareMedium, e.ShareHigh];
        Assert.All(statistics, s => Assert.True(double.IsFinite(s)));
        Assert.Null(e.Note);
    }

    /// <summary>Domain 0: n surveys with the measure; domain 1: those plus extra surveys missing it. Weights-only design.</summary>
    private static DomainEstimator Groups(int present, int missing)
    {
        var design = SurveyDesign.WeightsOnly();
        var estimator = new DomainEstimator(design, 1, BandCuts.Default);
        for (var i = 0; i < present; i++)
        {
            var psu = design.AddSurvey(0, 0);
            estimator.Add(0, 0, psu, 1 + i, [0.1 * (i + 1)]);
            estimator.Add(1, 0, psu, 1 + i, [0.1 * (i + 1)]);
        }
        for (var i = 0; i < missing; i++) estimator.Add(1, 0, design.AddSurvey(0, 0), 1, [double.NaN]);
        return estimator;
    }

    [Fact]
    public void A_group_with_n_one_below_min_cell_is_withheld_but_keeps_n_rows()
    {
        AssertWithheld(Groups(present: 4, missing: 0).Estimate(0, 0, minCell: 5), rows: 4);
        AssertWithheld(Groups(present: 2, missing: 0).Estimate(0, 0, minCell: 3), rows: 2);
    }

    [Fact]
    public void A_group_with_n_equal_to_min_cell_is_shown()
    {
        var e = Groups(present: 5, missing: 0).Estimate(0, 0, minCell: 5);
        AssertShown(e);
        Assert.Equal(5, e.N);
        Assert.Equal(5, e.Rows);
    }

    [Fact]
    public void Suppression_counts_the_surveys_with_the_measure_not_the_rows()
    {
        // 4 surveys with the measure and 3 without: n_rows = 7 ≥ 5 but n = 4 < 5 → withheld, n_rows shown.
        AssertWithheld(Groups(present: 4, missing: 3).Estimate(1, 0, minCell: 5), rows: 7);
        // 5 with and 1 without: n = 5 → shown, n_rows = 6.
        var e = Groups(present: 5, missing: 1).Estimate(1, 0, minCell: 5);
        AssertShown(e);
        Assert.Equal(5, e.N);
        Assert.Equal(6, e.Rows);
    }

    [Fact]
    public void A_group_whose_measure_is_all_missing_is_withheld_even_at_min_cell_1()
    {
        var design = SurveyDesign.WeightsOnly();
        var estimator = new DomainEstimator(design, 2, BandCuts.Default);
        for (var i = 0; i < 3; i++) estimator.Add(0, 0, design.AddSurvey(0, 0), 1, [0.5, double.NaN]);
        AssertWithheld(estimator.Estimate(0, 1, minCell: 1), rows: 3);
        AssertShown(estimator.Estimate(0, 0, minCell: 1));
    }

    [Fact]
    public void A_domain_no_survey_reached_is_withheld_with_zero_rows()
    {
        var estimator = Groups(present: 5, missing: 0);
        AssertWithheld(estimator.Estimate(7, 0, minCell: 1), rows: 0);
    }

    [Fact]
    public void A_one_survey_group_at_min_cell_1_has_the_value_as_mean_and_quartiles_and_no_se_for_its_single_PSU()
    {
        // Four other surveys in another group, so that the design is larger than the group. The weight
        // 3.1 with the value 2/3 is chosen on purpose: in floating point (3.1 · 2/3) / 3.1 ≠ 2/3, so a
        // mean computed as Σw·y / Σw would miss the value by one unit in the last place.
        var design = SurveyDesign.WeightsOnly();
        var estimator = new DomainEstimator(design, 1, BandCuts.Default);
        for (var i = 0; i < 4; i++) estimator.Add(0, 0, design.AddSurvey(0, 0), 1 + i, [0.2 * i]);
        const double value = 2.0 / 3;
        estimator.Add(1, 0, design.AddSurvey(0, 0), 3.1, [value]);

        var e = estimator.Estimate(1, 0, minCell: 1);
        Assert.False(e.Suppressed);
        Assert.Equal(1, e.N);
        Assert.Equal(3.1, e.WeightSum);
        Assert.Equal(value, e.Mean);
        // The linearised value of the one survey is w (y − ȳ) / Σw = 0, and 0 for everyone else: the formula gives
        // se = 0, but a group in one PSU (here one survey) has no estimable variance: no se, no interval, a note.
        Assert.Equal(1, e.Psus);
        Assert.Equal(1, e.DegreesOfFreedom);               // its 1 PSU − 1 stratum, at least 1 (the domain rule; the design's is 5 − 1)
        Assert.True(double.IsNaN(e.StandardError));
        Assert.True(double.IsNaN(e.CiLow));
        Assert.True(double.IsNaN(e.CiHigh));
        Assert.Equal("one PSU: no design-based variance", e.Note);
        Assert.Equal(1, e.EffectiveN);
        Assert.Equal(value, e.Median);
        Assert.Equal(value, e.P25);
        Assert.Equal(value, e.P75);
        Assert.Equal(0, e.ShareLow);
        Assert.Equal(0, e.ShareMedium);
        Assert.Equal(1, e.ShareHigh);
    }

    [Fact]
    public void A_group_of_equal_values_has_se_exactly_0()
    {
        // Five surveys, all 2/3, with weights 3.1, 1, 1, 1, 1: in floating point Σw·y / Σw = 0.6666666666666667, not
        // 2/3 = 0.6666666666666666, and the standard error would come out as that difference instead of 0.
        var design = SurveyDesign.WeightsOnly();
        var estimator = new DomainEstimator(design, 1, BandCuts.Default);
        estimator.Add(1, 0, design.AddSurvey(0, 0), 1, [0.1]);
        foreach (var w in new[] { 3.1, 1.0, 1.0, 1.0, 1.0 }) estimator.Add(0, 0, design.AddSurvey(0, 0), w, [2.0 / 3]);
        var e = estimator.Estimate(0, 0, minCell: 5);
        Assert.Equal(2.0 / 3, e.Mean);
        Assert.Equal(0, e.StandardError);
    }

    // ---- lonely PSU ---------------------------------------------------------------------------------
    //
    // Design: clusters nested in strata, weights.
    //
    //   stratum  cluster  y     w   in domain D
    //   A        a1       0.2   1   yes
    //   A        a1       0.4   1   no
    //   A        a2       0.6   2   yes
    //   B        b1       0.8   1   yes
    //   B        b1       1.0   1   no
    //
    // Stratum A has 2 PSUs (a1, a2); stratum B has 1 (b1): a lonely PSU. With survey.lonely.psu =
    // "adjust" a lonely stratum's PSU total is not centred on its stratum mean (which would make it 0)
    // but on the grand mean of the linearised values, 0: it contributes t².
    //
    // For a domain with total weight W and mean ȳ: z_i = w_i (y_i − ȳ) / W for its surveys, 0 otherwise;
    // t_j = Σ_{i in PSU j} z_i; V = Σ_h n_h/(n_h − 1) Σ_j (t_j − t̄_h)² over strata with n_h ≥ 2, plus t_j²
    // for a lonely stratum.

    private static (DomainEstimator Estimator, SurveyDesign Design) LonelyPsuDesign(IntervalMethod intervals = IntervalMethod.StudentT)
    {
        var design = new SurveyDesign(clustered: true, stratified: true);
        var estimator = new DomainEstimator(design, 1, BandCuts.Default, intervals: intervals);
        (int Stratum, int Cluster, double Y, double W, bool InD)[] rows =
        [
            (0, 0, 0.2, 1, true), (0, 0, 0.4, 1, false), (0, 1, 0.6, 2, true),
            (1, 2, 0.8, 1, true), (1, 2, 1.0, 1, false),
        ];
        foreach (var (stratum, cluster, y, w, inD) in rows)
        {
            var psu = design.AddSurvey(stratum, cluster);
            estimator.Add(0, stratum, psu, w, [y]);                       // all
            estimator.Add(stratum == 0 ? 1 : 2, stratum, psu, w, [y]);     // the stratum as a domain (A = 1, B = 2)
            if (inD) estimator.Add(3, stratum, psu, w, [y]);               // D, across both strata
        }
        return (estimator, design);
    }

    [Fact]
    public void Lonely_PSU_design_has_the_PSU_counts_of_the_hand_calculation()
    {
        var (_, design) = LonelyPsuDesign();
        Assert.Equal(2, design.PsuCount(0));
        Assert.Equal(1, design.PsuCount(1));
        Assert.Equal(3, design.PsuTotal);
        Assert.Equal(1, design.DegreesOfFreedom);           // 3 PSUs − 2 strata (R's degf)
    }

    [Fact]
    public void Lonely_PSU_whole_sample_variance_equals_the_hand_calculation()
    {
        // W = 1 + 1 + 2 + 1 + 1 = 6; Σwy = 0.2 + 0.4 + 1.2 + 0.8 + 1.0 = 3.6; ȳ = 0.6.
        // z = (0.2 − 0.6)/6, (0.4 − 0.6)/6, 2(0.6 − 0.6)/6, (0.8 − 0.6)/6, (1.0 − 0.6)/6
        //   = −0.4/6, −0.2/6, 0, 0.2/6, 0.4/6.
        // t_a1 = −0.6/6 = −0.1; t_a2 = 0; t_b1 = 0.6/6 = 0.1.
        // Stratum A: t̄ = −0.05; Σ(t − t̄)² = 0.05² + 0.05² = 0.005; × 2/(2 − 1) = 0.01.
        // Stratum B (lonely, adjust): t_b1² = 0.01.
        // V = 0.02; se = √0.02 = 0.1414213562…
        var (estimator, _) = LonelyPsuDesign();
        var e = estimator.Estimate(0, 0, minCell: 1);
        Assert.Equal(0.6, e.Mean, 12);
        Assert.Equal(Math.Sqrt(0.02), e.StandardError, 12);
        Assert.Equal(3, e.Psus);
        // t with df = 1: R's qt(0.975, 1) = 12.706204736174694.
        Assert.Equal(0.6 - 12.706204736174694 * Math.Sqrt(0.02), e.CiLow, 9);
        Assert.Equal(0.6 + 12.706204736174694 * Math.Sqrt(0.02), e.CiHigh, 9);

        // Normal intervals (--ci normal): R's qnorm(0.975) = 1.959963984540054.
        var normal = LonelyPsuDesign(IntervalMethod.Normal).Estimator.Estimate(0, 0, minCell: 1);
        Assert.Equal(0.6 - 1.959963984540054 * Math.Sqrt(0.02), normal.CiLow, 12);
        Assert.Equal(0.6 + 1.959963984540054 * Math.Sqrt(0.02), normal.CiHigh, 12);
    }

    [Fact]
    public void Lonely_PSU_contributes_t_squared_to_a_domain_that_crosses_it()
    {
        // Domain D = the surveys (A, a1, 0.2, 1), (A, a2, 0.6, 2), (B, b1, 0.8, 1).
        // W = 4; Σwy = 0.2 + 1.2 + 0.8 = 2.2; ȳ = 0.55.
        // z: a1 → (0.2 − 0.55)/4 = −0.0875; a2 → 2(0.6 − 0.55)/4 = 0.025; b1 → (0.8 − 0.55)/4 = 0.0625;
        //    the two surveys outside D → 0.
        // Stratum A: t_a1 = −0.0875, t_a2 = 0.025, t̄ = −0.03125; deviations ∓0.05625;
        //   Σ = 2 · 0.05625² = 0.006328125; × 2 = 0.01265625.
        // Stratum B (lonely): t_b1² = 0.0625² = 0.00390625 (it would be 0 under "certainty" or "remove").
        // V = 0.0165625; se = √0.0165625 = 0.1286953767…
        var (estimator, _) = LonelyPsuDesign();
        var e = estimator.Estimate(3, 0, minCell: 1);
        Assert.Equal(0.55, e.Mean, 12);
        Assert.Equal(Math.Sqrt(0.0165625), e.StandardError, 12);
    }

    [Fact]
    public void A_domain_inside_the_lonely_PSU_has_no_se_and_one_outside_it_ignores_it()
    {
        // Domain B = the lonely PSU b1 alone: W = 2, ȳ = 0.9, z = (0.8 − 0.9)/2, (1.0 − 0.9)/2 → t_b1 = 0;
        //   every other PSU total is 0: the formula gives V = 0, which only says that one PSU shows no variation.
        var (estimator, _) = LonelyPsuDesign();
        var b = estimator.Estimate(2, 0, minCell: 1);
        Assert.Equal(0.9, b.Mean, 12);
        Assert.Equal(1, b.Psus);                                     // and b1 alone has no estimable variance
        Assert.True(double.IsNaN(b.StandardError));
        Assert.Equal("one PSU: no design-based variance", b.Note);

        // Domain A: W = 4, Σwy = 0.2 + 0.4 + 1.2 = 1.8, ȳ = 0.45.
        //   t_a1 = ((0.2 − 0.45) + (0.4 − 0.45))/4 = −0.075; t_a2 = 2(0.6 − 0.45)/4 = 0.075; t_b1 = 0.
        //   Stratum A: t̄ = 0; Σ = 2 · 0.075² = 0.01125; × 2 = 0.0225. Stratum B: 0² = 0.
        //   V = 0.0225; se = 0.15.
        var a = estimator.Estimate(1, 0, minCell: 1);
        Assert.Equal(0.45, a.Mean, 12);
        Assert.Equal(0.15, a.StandardError, 12);
    }

    [Fact]
    public void Lonely_stratum_without_clusters_is_a_single_survey_contributing_its_square()
    {
        // Strata without clusters: every survey is its own PSU. Stratum A has 3 surveys, stratum B one.
        //   A: y = 0.2, 0.4, 0.6 (w = 1, 1, 2); B: y = 1.0 (w = 2).
        // W = 6; Σwy = 0.2 + 0.4 + 1.2 + 2.0 = 3.8; ȳ = 3.8/6 = 19/30.
        // z = w (y − ȳ) / 6: A → (6/30 − 19/30)/6 = −13/180, (12/30 − 19/30)/6 = −7/180, 2(18/30 − 19/30)/6 = −2/180;
        //                    B → 2(30/30 − 19/30)/6 = 22/180.
        // Stratum A: n = 3, t̄ = −22/540; Σ(t − t̄)² = Σt² − 3t̄² = (169 + 49 + 4)/180² − 3 (22/540)²
        //   = 222/32400 − 1452/291600 = (1998 − 1452)/291600 = 546/291600; × 3/2 = 819/291600.
        // Stratum B (lonely): (22/180)² = 484/32400 = 4356/291600.
        // V = 5175/291600; se = √(5175/291600) = 0.1332175423…
        var design = new SurveyDesign(clustered: false, stratified: true);
        var estimator = new DomainEstimator(design, 1, BandCuts.Default);
        foreach (var (h, y, w) in new[] { (0, 0.2, 1.0), (0, 0.4, 1.0), (0, 0.6, 2.0), (1, 1.0, 2.0) })
            estimator.Add(0, h, design.AddSurvey(h, 0), w, [y]);
        var e = estimator.Estimate(0, 0, minCell: 1);
        Assert.Equal(19.0 / 30, e.Mean, 12);
        Assert.Equal(Math.Sqrt(5175.0 / 291600), e.StandardError, 12);
    }
}
