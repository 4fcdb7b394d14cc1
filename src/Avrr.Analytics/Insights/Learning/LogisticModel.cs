namespace Avrr.Analytics.Insights.Learning;

/// <summary>
/// A fitted logistic regression: P(yes | x) = 1 / (1 + exp(−(bias + Σ weight_j x_j))). Its weights are
/// kept so that a prediction can be split into the part each feature contributes (docs/insights.md,
/// "Early warning").
/// </summary>
public sealed record LogisticModel(IReadOnlyList<double> Weights, double Bias)
{
    public double LogOdds(ReadOnlySpan<float> x)
    {
        var z = Bias;
        for (var j = 0; j < x.Length; j++) z += Weights[j] * x[j];
        return z;
    }

    public double Probability(ReadOnlySpan<float> x) => 1 / (1 + Math.Exp(-LogOdds(x)));
}
