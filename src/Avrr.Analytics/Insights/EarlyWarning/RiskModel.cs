using Avrr.Analytics.Insights.Learning;

namespace Avrr.Analytics.Insights.EarlyWarning;

/// <summary>
/// The fitted early warning: a logistic model of "follow-up composite in the low band" on baseline
/// features, the training means (a missing feature takes its mean), and for each feature the indicator it
/// belongs to (-1 for an attribute), so that a risk can be explained by indicators (docs/insights.md).
/// <para>
/// An indicator's weight in a returnee's risk is Σ_j w_j (x_j − x̄_j) over its features: how far this
/// returnee's answers on it move the log-odds away from those of the average training returnee. The factors
/// are the indicators that raise the risk most, largest first; only indicators that raise it are named.
/// (ML.NET's own feature contributions are w_j x_j, not centred: a low score on an indicator whose high
/// scores protect would then count for little, which is the opposite of what a case worker needs.)
/// </para>
/// </summary>
public sealed class RiskModel(LogisticModel model, float[] means, int[] indicatorOf, IReadOnlyList<string> indicators, double threshold)
{
    public LogisticModel Model { get; } = model;
    public IReadOnlyList<float> Means { get; } = means;
    public IReadOnlyList<string> Indicators { get; } = indicators;
    /// <summary>The cross-validated threshold at and above which a returnee is flagged.</summary>
    public double Threshold { get; } = threshold;

    /// <summary>
    /// Whether returnees are flagged by the simple rule instead (the model did not beat it, docs/insights.md):
    /// a baseline composite at or below <see cref="RuleCut"/> (a missing one counts as <see cref="CompositeMean"/>).
    /// </summary>
    public bool ByRule { get; init; }

    public double RuleCut { get; init; } = double.NaN;

    public double CompositeMean { get; init; } = double.NaN;

    /// <summary>Whether a returnee of this risk and baseline composite (NaN: none) is flagged: by the rule or by the model's threshold.</summary>
    public bool Flags(double risk, double composite) =>
        ByRule ? (double.IsNaN(composite) ? CompositeMean : composite) <= RuleCut : risk >= Threshold;

    /// <summary>Replaces missing features (NaN) with the training means, in place.</summary>
    public void Impute(Span<float> features)
    {
        for (var j = 0; j < features.Length; j++)
            if (float.IsNaN(features[j])) features[j] = means[j];
    }

    /// <summary>
    /// The risk of a returnee with these baseline features (NaN where missing; imputed in place), and up to
    /// three factors (indicator positions, largest contribution first; -1 where fewer indicators raise the risk).
    /// <paramref name="contributions"/> is a work area of one double per indicator.
    /// </summary>
    public double Score(Span<float> features, Span<double> contributions, Span<int> factors)
    {
        Impute(features);
        contributions.Clear();
        for (var j = 0; j < features.Length; j++)
            if (indicatorOf[j] >= 0) contributions[indicatorOf[j]] += Model.Weights[j] * (features[j] - means[j]);
        for (var f = 0; f < factors.Length; f++)
        {
            var best = -1;
            for (var i = 0; i < contributions.Length; i++)
                if (contributions[i] > 0 && (best < 0 || contributions[i] > contributions[best])) best = i;
            factors[f] = best;
            if (best >= 0) contributions[best] = double.NegativeInfinity;
        }
        return Model.Probability(features);
    }
}
