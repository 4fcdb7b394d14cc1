using Avrr.Analytics.Estimation;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Tests.Estimation;

/// <summary>
/// Scores equal in exact arithmetic but reached by different sums are one value for the quantiles (docs/methodology.md,
/// "Quantiles"): (0.5 + 1 + 5/6 + 0 + 5/6)/5 and (0.5 + 1 + 2/3 + 0.5 + 0.5)/5 are both 19/30, yet the doubles
/// 0.6333333333333334 and 0.6333333333333333. R sees them as one value in returnee_scores.csv, so they must be ties,
/// ordered by input and not by their last bit, or hf7's interpolation moves.
/// </summary>
public sealed class QuantileTiesTests
{
    private static readonly double A = (0.5 + 1 + 5.0 / 6 + 0 + 5.0 / 6) / 5, B = (0.5 + 1 + 2.0 / 3 + 0.5 + 0.5) / 5;

    // Surveys in input order: A (weight 3), 0.2 (1), B (1), 0.9 (2).
    // As R orders them, A and B one value v tied in input order: 0.2 (w 1), A (w 3), B (w 1), 0.9 (w 2). W = 7, the last
    // survey's weight 2, so positions are (weight before) / 5: 0.2 at 0, A at 1/5, B at 4/5, 0.9 at 5/5. In weight units
    // t = 5p: p25 t = 1.25, median t = 2.5, p75 t = 3.75, all between A (1) and B (4): v, v, v.
    // Ordered by their bits (B < A), as before: 0.2 (0), B (1), A (2), 0.9 (5): p75 t = 3.75 lies between A (2) and
    // 0.9 (5): v + (1.75 / 3)(0.9 − v) = 0.79, the kind of move the issue found (p75 0.63333 against R's 0.67364).
    private static readonly (double Value, double Weight)[] Surveys = [(A, 3), (0.2, 1), (B, 1), (0.9, 2)];

    [Fact]
    public void The_two_sums_are_different_doubles_of_one_value()
    {
        Assert.NotEqual(A, B);
        Assert.Equal(0.6333333333333334, A);
        Assert.Equal(0.6333333333333333, B);
        Assert.Equal(ValueIndex.Key(A), ValueIndex.Key(B));
        Assert.NotEqual(ValueIndex.Key(A), ValueIndex.Key(19.0 / 30 + 1e-11));     // 1.6e-11 relative apart: two values
    }

    [Fact]
    public void WeightedQuantiles_ties_them_and_publishes_the_smaller_double()
    {
        var quantiles = new WeightedQuantiles();
        foreach (var (value, weight) in Surveys) quantiles.Add(value, weight);
        Span<double> q = stackalloc double[3];
        quantiles.Compute([0.25, 0.5, 0.75], q);
        Assert.Equal([B, B, B], q.ToArray());
    }

    [Fact]
    public void DomainEstimator_ties_them_in_a_run_and_after_an_import_of_cell_sums()
    {
        var design = SurveyDesign.WeightsOnly();
        var estimator = new DomainEstimator(design, 1, BandCuts.Default);
        foreach (var (value, weight) in Surveys) estimator.Add(0, 0, design.AddSurvey(0, 0), weight, [value]);
        var e = estimator.Estimate(0, 0, minCell: 1);
        Assert.Equal((B, B, B), (e.P25, e.Median, e.P75));

        // The same surveys in two partials (A and 0.2, then B and 0.9), merged in order: the same quantiles.
        var merged = new DomainEstimator(SurveyDesign.WeightsOnly(), 1, BandCuts.Default);
        foreach (var part in new[] { Surveys[..2], Surveys[2..] })
        {
            var partDesign = SurveyDesign.WeightsOnly();
            var partEstimator = new DomainEstimator(partDesign, 1, BandCuts.Default);
            foreach (var (value, weight) in part) partEstimator.Add(0, 0, partDesign.AddSurvey(0, 0), weight, [value]);
            merged.Design.AddSurveys(0, part.Length);
            partEstimator.Export(merged.Import(partEstimator.Surveys, partEstimator.WeightScale));
        }
        var m = merged.Estimate(0, 0, minCell: 1);
        Assert.Equal((B, B, B), (m.P25, m.Median, m.P75));
    }

    [Fact]
    public void Values_a_rounding_apart_keep_their_order_and_weights()
    {
        // 0.4 and 0.4 + 1e-9 are two values (1e-9 relative apart), ordered as their doubles: the interpolation between them is kept.
        var quantiles = new WeightedQuantiles();
        foreach (var (value, weight) in new[] { (0.4 + 1e-9, 1.0), (0.4, 1.0) }) quantiles.Add(value, weight);
        Span<double> q = stackalloc double[1];
        quantiles.Compute([0.5], q);
        Assert.Equal(0.4 + 0.5e-9, q[0], 15);
    }
}
