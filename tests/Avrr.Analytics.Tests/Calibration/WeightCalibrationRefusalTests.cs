using Avrr.Analytics.Calibration;

namespace Avrr.Analytics.Tests.Calibration;

/// <summary>
/// Calibrations that cannot be done are refused with the margin and the level named (docs/methodology.md, "Refusals"),
/// on cells made by hand: two countries × two sexes, weights written out.
/// </summary>
public sealed class WeightCalibrationRefusalTests
{
    private static CalibrationCells Cells(params (string Country, string Sex, double Weight)[] surveys)
    {
        var cells = new CalibrationCells(["country", "sex"]);
        foreach (var (country, sex, weight) in surveys) cells.Add([country, sex], weight);
        return cells;
    }

    private static Margin Country(double a, double b) => new("country.csv", ["country"], [new(["A"], a), new(["B"], b)]);
    private static Margin Sex(double f, double m) => new("sex.csv", ["sex"], [new(["F"], f), new(["M"], m)]);

    [Fact]
    public void Post_stratification_is_the_level_total_over_its_weights_by_hand()
    {
        var cells = Cells(("A", "F", 2), ("A", "M", 3), ("B", "F", 5));
        var weights = WeightCalibration.Solve([Country(10, 20)], cells, CalibrationMethod.Poststratify);
        Assert.Equal(10.0 / 5, weights.G(0));   // A: 10 / (2 + 3)
        Assert.Equal(10.0 / 5, weights.G(1));
        Assert.Equal(20.0 / 5, weights.G(2));   // B: 20 / 5
        Assert.Equal(0, weights.Iterations);
        // Kish: n Σw² / (Σw)² = 3 · (4 + 9 + 25) / 10² before; after, weights 4, 6, 20: 3 · (16 + 36 + 400) / 30².
        Assert.Equal(3 * 38 / 100.0, weights.DesignEffectBefore, 12);
        Assert.Equal(3 * 452 / 900.0, weights.DesignEffectAfter, 12);
    }

    [Fact]
    public void Raking_of_a_two_by_two_table_meets_both_margins_and_keeps_the_odds_ratio()
    {
        var cells = Cells(("A", "F", 1), ("A", "M", 2), ("B", "F", 3), ("B", "M", 4));
        var weights = WeightCalibration.Solve([Country(30, 70), Sex(60, 40)], cells, CalibrationMethod.Rake);
        double W(int c) => cells.BaseWeight(c) * weights.G(c);
        Assert.Equal(30, W(0) + W(1), 9);
        Assert.Equal(70, W(2) + W(3), 9);
        Assert.Equal(60, W(0) + W(2), 9);
        Assert.Equal(40, W(1) + W(3), 9);
        // Raking multiplies rows and columns: the cross-product ratio of the table is the base weights' (1·4)/(2·3).
        Assert.Equal(4.0 / 6, W(0) * W(3) / (W(1) * W(2)), 9);
    }

    [Fact]
    public void A_level_without_surveys_is_refused_naming_it()
    {
        var cells = Cells(("A", "F", 1), ("A", "M", 1));
        var e = Assert.Throws<CalibrationException>(() => WeightCalibration.Solve([Country(10, 20)], cells, CalibrationMethod.Poststratify));
        Assert.Equal(CalibrationRefusal.LevelWithoutSurvey, e.Refusal);
        Assert.Equal("country=B", e.Level);
        Assert.Contains("country=B", e.FrenchMessage);
    }

    [Fact]
    public void Surveys_of_a_level_the_margin_does_not_list_are_refused_naming_it()
    {
        var cells = Cells(("A", "F", 1), ("B", "M", 1), ("C", "M", 1), ("C", "F", 1));
        var e = Assert.Throws<CalibrationException>(() => WeightCalibration.Solve([Country(10, 20)], cells, CalibrationMethod.Poststratify));
        Assert.Equal(CalibrationRefusal.UnknownLevel, e.Refusal);
        Assert.Equal("country=C", e.Level);
        Assert.Contains("2 scored surveys have country=C", e.Message);
    }

    [Fact]
    public void Margins_whose_totals_disagree_are_refused()
    {
        var cells = Cells(("A", "F", 1), ("A", "M", 1), ("B", "F", 1), ("B", "M", 1));
        var e = Assert.Throws<CalibrationException>(() => WeightCalibration.Solve([Country(10, 20), Sex(15, 16)], cells, CalibrationMethod.Rake));
        Assert.Equal(CalibrationRefusal.TotalsDisagree, e.Refusal);
        Assert.Contains("30", e.Message);
        Assert.Contains("31", e.Message);
    }

    [Fact]
    public void Totals_no_weights_can_meet_do_not_converge_and_are_refused_naming_a_level()
    {
        // Every A survey is F and every B survey M: A must be 10 and F 25 at once.
        var cells = Cells(("A", "F", 1), ("B", "M", 1));
        var e = Assert.Throws<CalibrationException>(() => WeightCalibration.Solve([Country(10, 20), Sex(25, 5)], cells, CalibrationMethod.Rake, maxIterations: 20));
        Assert.Equal(CalibrationRefusal.NotConverged, e.Refusal);
        Assert.Contains("did not converge in 20 iterations", e.Message);
    }

    [Fact]
    public void Linear_calibration_that_gives_negative_weights_is_refused_and_bounds_make_it_possible()
    {
        // Linear: g = 1 + λ_country + λ_sex; these totals push the small cell (A, F) below 0.
        var cells = Cells(("A", "F", 10), ("A", "M", 1), ("B", "F", 1), ("B", "M", 10));
        var e = Assert.Throws<CalibrationException>(() => WeightCalibration.Solve([Country(2, 20), Sex(20, 2)], cells, CalibrationMethod.Linear));
        Assert.Equal(CalibrationRefusal.NegativeWeight, e.Refusal);
        var raked = WeightCalibration.Solve([Country(2, 20), Sex(20, 2)], cells, CalibrationMethod.Rake, maxIterations: 200);
        Assert.All(Enumerable.Range(0, 4), c => Assert.True(raked.G(c) > 0));
    }
}
