using Avrr.Analytics.Schemes;

namespace Avrr.Analytics.Insights.Profiles;

/// <summary>
/// The point of a survey in the space of profiles: its indicator scores, in scheme order (docs/insights.md,
/// "Returnee profiles"). A missing indicator score takes the survey's own mean of the present indicator
/// scores of its dimension (weighted as the scheme weighs them, i.e. the dimension's score from what is
/// present), so that a gap neither pulls a returnee towards 0 nor towards the sample's average. A survey
/// with a dimension that has no indicator score at all has no point, hence no profile.
/// </summary>
public sealed class ProfileFeatures
{
    private readonly int[] _dimensionOf;
    private readonly double[] _weight;
    private readonly int _dimensions;

    public ProfileFeatures(Scheme scheme)
    {
        var dimensionOf = new List<int>();
        var weight = new List<double>();
        for (var d = 0; d < scheme.Dimensions.Count; d++)
            foreach (var indicator in scheme.Dimensions[d].Indicators)
            {
                dimensionOf.Add(d);
                weight.Add(indicator.Weight.Value);
            }
        _dimensionOf = dimensionOf.ToArray();
        _weight = weight.ToArray();
        _dimensions = scheme.Dimensions.Count;
        // Only a dimension's ratios of weights count: each is divided by the power of two of its largest, which changes
        // no bit of a weighted mean, so that weights near the largest double (a valid scheme) do not overflow a sum.
        for (var d = 0; d < _dimensions; d++)
        {
            var largest = 0.0;
            for (var i = 0; i < _weight.Length; i++) if (_dimensionOf[i] == d) largest = Math.Max(largest, _weight[i]);
            if (largest > 0 && double.IsFinite(largest))
                for (var i = 0; i < _weight.Length; i++) if (_dimensionOf[i] == d) _weight[i] = Math.ScaleB(_weight[i], -Math.ILogB(largest));
        }
    }

    /// <summary>The number of coordinates: one per indicator.</summary>
    public int Count => _dimensionOf.Length;

    /// <summary>
    /// Writes the point of a survey with these indicator scores (NaN where missing) into <paramref name="point"/>;
    /// false when a dimension has no indicator score.
    /// </summary>
    public bool TryPoint(ReadOnlySpan<double> indicators, Span<float> point)
    {
        Span<double> sum = stackalloc double[_dimensions];
        Span<double> weights = stackalloc double[_dimensions];
        sum.Clear();
        weights.Clear();
        for (var i = 0; i < _dimensionOf.Length; i++)
        {
            if (double.IsNaN(indicators[i])) continue;
            sum[_dimensionOf[i]] += _weight[i] * indicators[i];
            weights[_dimensionOf[i]] += _weight[i];
        }
        for (var d = 0; d < _dimensions; d++)
            if (weights[d] == 0) return false;
        for (var i = 0; i < _dimensionOf.Length; i++)
            point[i] = (float)(double.IsNaN(indicators[i]) ? sum[_dimensionOf[i]] / weights[_dimensionOf[i]] : indicators[i]);
        return true;
    }

    /// <summary>The dimension scores of a point (the scheme's weighted means of its coordinates).</summary>
    public double[] DimensionsOf(ReadOnlySpan<float> point)
    {
        var sum = new double[_dimensions];
        var weights = new double[_dimensions];
        for (var i = 0; i < _dimensionOf.Length; i++)
        {
            sum[_dimensionOf[i]] += _weight[i] * point[i];
            weights[_dimensionOf[i]] += _weight[i];
        }
        for (var d = 0; d < _dimensions; d++) sum[d] /= weights[d];
        return sum;
    }
}
